"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useApiForm } from "@/components/forms/use-api-form";
import { CoachHints } from "@/components/okr/coach-hints";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { ObjectiveLevel, RollupMode } from "@/lib/domain";
import { alignmentRefusal, teamsAbove } from "@/lib/okr/alignment";
import { coachDraft } from "@/lib/okr/coach";
import { can, companyObjectiveOf, type Actor } from "@/lib/permissions";
import type { ObjectiveSnapshot } from "@/lib/services/objectives";
import type { ObjectiveCreateBody, ObjectiveUpdateBody } from "@/lib/validation/okrs";
import { ConflictPanel, type ConflictField } from "./conflict-panel";
import { FormOptionsStatus } from "./form-options-status";
import { placements } from "./objective-placement";
import { useFormOptions } from "./use-form-options";
import { useVersionConflict } from "./use-version-conflict";

/** The objective as the dialog edits it: the service's snapshot, without who saved it last. */
export type EditableObjective = Omit<ObjectiveSnapshot, "updatedAt" | "updatedBy">;

interface Props {
  orgSlug: string;
  cycleId: string;
  /** Who is writing: the permission table decides what the dialog offers. */
  actor: Actor;
  trigger: ReactNode;
  objective?: EditableObjective;
  /** Prefill for "add an aligned objective" from a parent. */
  defaults?: Partial<Pick<EditableObjective, "level" | "teamId" | "parentObjectiveId" | "ownerUserId">>;
}

/** The fields both a new objective and an edit send. */
type ObjectiveFields = Omit<ObjectiveCreateBody, "cycleId"> & Omit<ObjectiveUpdateBody, "version">;

const NO_OPTIONS = { members: [], teams: [], parents: [] };

export function ObjectiveFormDialog({ orgSlug, cycleId, actor, trigger, objective, defaults }: Props) {
  const t = useTranslations("objectiveForm");
  const tCommon = useTranslations("common");
  const tLevel = useTranslations("okr.level");
  const tRollup = useTranslations("okr.rollup");
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  // Fetched when the dialog first opens: pages do not carry every person and objective.
  const loaded = useFormOptions(orgSlug, cycleId, open);
  const options = loaded.data ?? NO_OPTIONS;
  const ready = loaded.data !== undefined;
  const initial = objective ?? defaults;
  const mayWriteCompany = can(actor, "objective.create", companyObjectiveOf(actor));
  const [level, setLevel] = useState<ObjectiveLevel>(initial?.level ?? (mayWriteCompany ? "company" : "individual"));
  const [chosenTeamId, setTeamId] = useState(initial?.teamId ?? actor.teamIds[0] ?? "");
  const [chosenOwnerId, setOwnerId] = useState(initial?.ownerUserId ?? actor.userId);
  const [parentId, setParentId] = useState(initial?.parentObjectiveId ?? "");
  const [rollupMode, setRollupMode] = useState<RollupMode>(objective?.rollupMode ?? "key_results");
  const [title, setTitle] = useState(objective?.title ?? "");
  const [lastValues, setLastValues] = useState<ObjectiveFields | null>(null);

  const current = useMemo(() => (objective ? { level: objective.level, teamId: objective.teamId, ownerUserId: objective.ownerUserId } : undefined), [objective]);
  const placement = useMemo(() => placements(actor, options, current), [actor, options, current]);
  // Until the options arrive there is no first team to fall back on.
  const teamId = placement.teams.some((team) => team.id === chosenTeamId) ? chosenTeamId : (placement.teams[0]?.id ?? "");
  const owners = useMemo(() => placement.ownersAt(level, level === "team" ? teamId : null), [placement, level, teamId]);
  // The owner the form sends: the one chosen if the actor may give it to them here, else the actor, else the first allowed.
  const ownerId = owners.some((member) => member.id === chosenOwnerId)
    ? chosenOwnerId
    : (owners.find((member) => member.id === actor.userId)?.id ?? owners[0]?.id ?? "");
  const onlyMe = level === "individual" && owners.length === 1 && ownerId === actor.userId;
  const parents = useMemo(() => {
    const above = teamsAbove(level === "team" ? teamId : null, options.teams);
    return options.parents.filter((parent) => parent.id !== objective?.id && alignmentRefusal({ level, teamId: level === "team" ? teamId : null }, parent, above) === null);
  }, [level, teamId, options, objective?.id]);
  const parentKeyResults = options.parents.find((parent) => parent.id === parentId)?.keyResults ?? [];

  const close = () => {
    setOpen(false);
    router.refresh();
  };
  const form = useApiForm({
    submit: (values) => {
      const fields: ObjectiveFields = {
        title: values.title ?? "",
        description: values.description ?? "",
        level,
        teamId: level === "team" ? teamId : null,
        ownerUserId: ownerId,
        parentObjectiveId: level === "company" ? null : values.parentObjectiveId || null,
        parentKeyResultId: level === "company" ? null : values.parentKeyResultId || null,
        rollupMode,
        manualProgress: rollupMode === "manual" && values.manualProgress !== "" ? Number(values.manualProgress) / 100 : null,
        manualProgressReason: rollupMode === "manual" ? values.manualProgressReason || null : null,
      };
      setLastValues(fields);
      if (objective) {
        const body: ObjectiveUpdateBody = { ...fields, version: conflict.version };
        return api<{ objective: { id?: string } }>(`/api/orgs/${orgSlug}/objectives/${objective.id}`, { method: "PATCH", body });
      }
      const body: ObjectiveCreateBody = { ...fields, cycleId };
      return api<{ objective: { id?: string } }>(`/api/orgs/${orgSlug}/objectives`, { body });
    },
    onSuccess: (result) => {
      setOpen(false);
      if (objective) {
        notify({ title: t("saved") });
        router.refresh();
      } else if (result.objective.id) {
        notify({ title: t("created") });
        router.push(`/${orgSlug}/okrs/${result.objective.id}`);
      }
    },
  });
  const conflict = useVersionConflict<ObjectiveSnapshot>(form, objective?.version ?? 0, close);
  const errors = form.fieldErrors;
  const saved = conflict.conflict;

  const nameOf = (id: string | null | undefined) => options.members.find((m) => m.id === id)?.name ?? "";
  const parentTitle = (id: string | null | undefined) => options.parents.find((p) => p.id === id)?.title ?? "";
  const conflictFields: ConflictField[] = saved
    ? [
        { label: t("title"), mine: lastValues?.title ?? "", theirs: saved.title },
        { label: t("description"), mine: lastValues?.description ?? "", theirs: saved.description },
        { label: t("owner"), mine: nameOf(lastValues?.ownerUserId), theirs: nameOf(saved.ownerUserId) },
        { label: t("alignTo"), mine: parentTitle(lastValues?.parentObjectiveId), theirs: parentTitle(saved.parentObjectiveId) },
        { label: t("rollupMode"), mine: tRollup(lastValues?.rollupMode ?? "key_results"), theirs: tRollup(saved.rollupMode) },
      ].filter((field) => field.mine !== field.theirs)
    : [];
  const hints = coachDraft({ title, level, aligned: level === "company" || parentId !== "" });

  return (
    <FormDialog
      trigger={trigger}
      title={objective ? t("editTitle") : t("newTitle")}
      description={t("intro")}
      className="max-w-2xl"
      open={open}
      onOpenChange={setOpen}
      form={form}
      submitLabel={objective ? tCommon("save") : t("create")}
      submitDisabled={!ready}
      alert={saved ? <ConflictPanel who={saved.updatedBy} fields={conflictFields} onReload={conflict.useTheirs} onKeepMine={conflict.keepMine} /> : undefined}
    >
      {ready ? (
        <>
          <Field id="objective-title" label={t("title")} hint={t("titleHint")} error={errors.title}>
            <Input
              id="objective-title"
              name="title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              required
              autoFocus
              maxLength={200}
              aria-invalid={!!errors.title || undefined}
              aria-describedby={describedBy("objective-title", { hint: true, error: errors.title })}
            />
          </Field>
          <CoachHints warnings={hints} heading={false} live />
          <Field id="objective-description" label={t("description")} hint={t("descriptionHint")} error={errors.description}>
            <Textarea id="objective-description" name="description" defaultValue={objective?.description} rows={2} aria-describedby={describedBy("objective-description", { hint: true, error: errors.description })} />
          </Field>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-fg">{t("level")}</legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {(["company", "team", "individual"] as const).map((option) => {
                const disabled = !placement.levels[option];
                return (
                  <label
                    key={option}
                    className={`flex cursor-pointer flex-col gap-0.5 rounded-md border px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft/50 ${disabled ? "cursor-not-allowed opacity-50" : "border-border-strong"}`}
                  >
                    <span className="flex items-center gap-2 font-medium text-fg">
                      <input type="radio" name="level-choice" value={option} checked={level === option} disabled={disabled} onChange={() => setLevel(option)} />
                      {tLevel(option)}
                    </span>
                    <span className="pl-5 text-xs text-subtle">{t(`levelHint.${option}`)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            {level === "team" ? (
              <Field id="objective-team" label={t("team")} error={errors.teamId}>
                <Select id="objective-team" value={teamId} onChange={(event) => setTeamId(event.target.value)} aria-invalid={!!errors.teamId || undefined} aria-describedby={describedBy("objective-team", { error: errors.teamId })}>
                  {placement.teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {`${"\u2003".repeat(team.depth)}${team.name}`}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            <Field id="objective-owner" label={t("owner")} hint={onlyMe ? t("ownerOnlyYou") : undefined} error={errors.ownerUserId}>
              <Select
                id="objective-owner"
                name="ownerUserId"
                value={ownerId}
                onChange={(event) => setOwnerId(event.target.value)}
                disabled={owners.length <= 1}
                aria-invalid={!!errors.ownerUserId || undefined}
                aria-describedby={describedBy("objective-owner", { hint: onlyMe, error: errors.ownerUserId })}
              >
                {owners.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>

          {level !== "company" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="objective-parent" label={t("alignTo")} hint={t("alignToHint")} error={errors.parentObjectiveId}>
                <Select
                  id="objective-parent"
                  name="parentObjectiveId"
                  value={parentId}
                  onChange={(event) => setParentId(event.target.value)}
                  aria-invalid={!!errors.parentObjectiveId || undefined}
                  aria-describedby={describedBy("objective-parent", { hint: true, error: errors.parentObjectiveId })}
                >
                  <option value="">{t("notAligned")}</option>
                  {parents.map((parent) => (
                    <option key={parent.id} value={parent.id}>
                      {`${tLevel(parent.level)}: ${parent.title}`}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="objective-parent-kr" label={t("contributesTo")} hint={t("contributesToHint")} error={errors.parentKeyResultId}>
                <Select
                  id="objective-parent-kr"
                  name="parentKeyResultId"
                  key={parentId}
                  defaultValue={parentId === initial?.parentObjectiveId ? (objective?.parentKeyResultId ?? "") : ""}
                  disabled={parentKeyResults.length === 0}
                  aria-describedby={describedBy("objective-parent-kr", { hint: true, error: errors.parentKeyResultId })}
                >
                  <option value="">{t("wholeObjective")}</option>
                  {parentKeyResults.map((kr) => (
                    <option key={kr.id} value={kr.id}>
                      {kr.title}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : null}

          <Field id="objective-rollup" label={t("rollupMode")} hint={t("rollupHint")} error={errors.rollupMode}>
            <Select id="objective-rollup" value={rollupMode} onChange={(event) => setRollupMode(event.target.value as RollupMode)} aria-describedby={describedBy("objective-rollup", { hint: true })}>
              {(["key_results", "children", "both", "manual"] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {tRollup(mode)}
                </option>
              ))}
            </Select>
          </Field>
          {rollupMode === "manual" ? (
            <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
              <Field id="objective-manual" label={t("manualProgress")} error={errors.manualProgress}>
                <Input
                  id="objective-manual"
                  name="manualProgress"
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  defaultValue={objective?.manualProgress != null ? Math.round(objective.manualProgress * 100) : ""}
                  aria-invalid={!!errors.manualProgress || undefined}
                  aria-describedby={describedBy("objective-manual", { error: errors.manualProgress })}
                />
              </Field>
              <Field id="objective-manual-reason" label={t("manualReason")} error={errors.manualProgressReason}>
                <Input
                  id="objective-manual-reason"
                  name="manualProgressReason"
                  defaultValue={objective?.manualProgressReason ?? ""}
                  aria-invalid={!!errors.manualProgressReason || undefined}
                  aria-describedby={describedBy("objective-manual-reason", { error: errors.manualProgressReason })}
                />
              </Field>
            </div>
          ) : null}
        </>
      ) : (
        <FormOptionsStatus failed={loaded.isError} onRetry={() => void loaded.refetch()} />
      )}
    </FormDialog>
  );
}
