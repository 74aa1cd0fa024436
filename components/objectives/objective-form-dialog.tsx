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
import { api, ApiError } from "@/lib/api-client";
import type { ObjectiveLevel, RollupMode } from "@/lib/domain";
import { coachDraft } from "@/lib/okr/coach";
import { ConflictPanel, type ConflictField } from "./conflict-panel";
import { FormOptionsStatus } from "./form-options-status";
import { useFormOptions } from "./use-form-options";

export interface FormOptions {
  members: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string; depth: number; parentTeamId: string | null; leadUserId: string | null }>;
  parents: Array<{ id: string; title: string; level: ObjectiveLevel; teamId: string | null; keyResults: Array<{ id: string; title: string }> }>;
}

export interface EditableObjective {
  id: string;
  version: number;
  title: string;
  description: string;
  level: ObjectiveLevel;
  teamId: string | null;
  ownerUserId: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  rollupMode: RollupMode;
  manualProgress: number | null;
  manualProgressReason: string | null;
}

interface Props {
  orgSlug: string;
  cycleId: string;
  me: { userId: string; isAdmin: boolean; teamIds: string[] };
  trigger: ReactNode;
  objective?: EditableObjective;
  /** Prefill for "add an aligned objective" from a parent. */
  defaults?: Partial<Pick<EditableObjective, "level" | "teamId" | "parentObjectiveId" | "ownerUserId">>;
}

interface Snapshot extends EditableObjective {
  updatedBy: string | null;
}

/** Teams above a team, for "a team objective aligns to its parent team's objectives". */
function ancestorsOf(teamId: string | null, teams: FormOptions["teams"]): Set<string> {
  const parentOf = new Map(teams.map((team) => [team.id, team.parentTeamId]));
  const above = new Set<string>();
  let current = teamId ? parentOf.get(teamId) : null;
  while (current && !above.has(current)) {
    above.add(current);
    current = parentOf.get(current) ?? null;
  }
  return above;
}

const NO_OPTIONS: FormOptions = { members: [], teams: [], parents: [] };

export function ObjectiveFormDialog({ orgSlug, cycleId, me, trigger, objective, defaults }: Props) {
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
  const [level, setLevel] = useState<ObjectiveLevel>(initial?.level ?? (me.isAdmin ? "company" : "individual"));
  const [chosenTeamId, setTeamId] = useState(initial?.teamId ?? me.teamIds[0] ?? "");
  const [parentId, setParentId] = useState(initial?.parentObjectiveId ?? "");
  const [rollupMode, setRollupMode] = useState<RollupMode>(objective?.rollupMode ?? "key_results");
  const [title, setTitle] = useState(objective?.title ?? "");
  const [version, setVersion] = useState(objective?.version ?? 0);
  const [lastValues, setLastValues] = useState<Record<string, unknown> | null>(null);

  const allowedTeams = me.isAdmin ? options.teams : options.teams.filter((team) => me.teamIds.includes(team.id));
  // Until the options arrive there is no first team to fall back on.
  const teamId = chosenTeamId || allowedTeams[0]?.id || "";
  const parents = useMemo(() => {
    if (level === "company") return [];
    if (level === "individual") return options.parents.filter((parent) => parent.id !== objective?.id);
    const above = ancestorsOf(teamId, options.teams);
    return options.parents.filter((parent) => parent.id !== objective?.id && (parent.level === "company" || (parent.teamId !== null && above.has(parent.teamId))));
  }, [level, teamId, options, objective?.id]);
  const parentKeyResults = options.parents.find((parent) => parent.id === parentId)?.keyResults ?? [];

  const form = useApiForm({
    submit: (values) => {
      const body: Record<string, unknown> = {
        title: values.title,
        description: values.description ?? "",
        level,
        teamId: level === "team" ? teamId : null,
        ownerUserId: values.ownerUserId,
        parentObjectiveId: level === "company" ? null : values.parentObjectiveId || null,
        parentKeyResultId: level === "company" ? null : values.parentKeyResultId || null,
        rollupMode,
        manualProgress: rollupMode === "manual" && values.manualProgress !== "" ? Number(values.manualProgress) / 100 : null,
        manualProgressReason: rollupMode === "manual" ? values.manualProgressReason || null : null,
      };
      setLastValues(body);
      return objective
        ? api<{ objective: { id?: string; version: number } }>(`/api/orgs/${orgSlug}/objectives/${objective.id}`, { method: "PATCH", body: { ...body, version } })
        : api<{ objective: { id?: string; version?: number } }>(`/api/orgs/${orgSlug}/objectives`, { body: { ...body, cycleId } });
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
  const errors = form.fieldErrors;
  const conflict = form.error instanceof ApiError && form.error.status === 409 ? (form.error.details.current as Snapshot | undefined) : undefined;

  const nameOf = (id: string | null) => options.members.find((m) => m.id === id)?.name ?? "";
  const parentTitle = (id: string | null) => options.parents.find((p) => p.id === id)?.title ?? "";
  const conflictFields: ConflictField[] = conflict
    ? [
        { label: t("title"), mine: String(lastValues?.title ?? ""), theirs: conflict.title },
        { label: t("description"), mine: String(lastValues?.description ?? ""), theirs: conflict.description },
        { label: t("owner"), mine: nameOf(String(lastValues?.ownerUserId ?? "")), theirs: nameOf(conflict.ownerUserId) },
        { label: t("alignTo"), mine: parentTitle((lastValues?.parentObjectiveId as string | null) ?? null), theirs: parentTitle(conflict.parentObjectiveId) },
        { label: t("rollupMode"), mine: tRollup(String(lastValues?.rollupMode ?? "key_results") as RollupMode), theirs: tRollup(conflict.rollupMode) },
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
      alert={
        conflict ? (
            <ConflictPanel
              who={conflict.updatedBy}
              fields={conflictFields}
              onReload={() => {
                setOpen(false);
                form.reset();
                router.refresh();
              }}
              onKeepMine={() => {
                setVersion(conflict.version);
                form.reset();
              }}
            />
        ) : undefined
      }
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
                const disabled = (option === "company" && !me.isAdmin) || (option === "team" && allowedTeams.length === 0);
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
                  {allowedTeams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {`${"\u2003".repeat(team.depth)}${team.name}`}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            <Field id="objective-owner" label={t("owner")} error={errors.ownerUserId}>
              <Select
                id="objective-owner"
                name="ownerUserId"
                defaultValue={initial?.ownerUserId ?? me.userId}
                disabled={level === "individual" && !me.isAdmin}
                aria-describedby={describedBy("objective-owner", { error: errors.ownerUserId })}
              >
                {options.members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </Select>
              {level === "individual" && !me.isAdmin ? <input type="hidden" name="ownerUserId" value={me.userId} /> : null}
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
