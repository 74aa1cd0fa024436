"use client";

import { GitBranch } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiForm } from "@/components/forms/use-api-form";
import { FormAlert } from "@/components/forms/form-alert";
import { FormDialog } from "@/components/forms/form-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { CascadeResult } from "@/lib/services/cascade";
import type { CascadeBody } from "@/lib/validation/okrs";

export interface CascadeTarget {
  /** "team:<id>" or "user:<id>". */
  key: string;
  label: string;
  detail: string;
  already: boolean;
}

interface Props {
  orgSlug: string;
  objectiveId: string;
  /** Exactly the teams or people the actor may give an objective to (the page asks can()). */
  targets: CascadeTarget[];
  keyResults: Array<{ id: string; title: string }>;
  kind: "teams" | "people";
  /** Proposed for each new objective: the words of this objective, never a key result's numbers. */
  defaultTitle: string;
}

interface Choice {
  keyResultId: string | null;
  title: string;
}

/** Breaks an objective down one level in a step: pick who takes part, the title of each one's objective and what each contributes to. */
export function CascadeDialog({ orgSlug, objectiveId, targets, keyResults, kind, defaultTitle }: Props) {
  const t = useTranslations("cascade");
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const form = useApiForm({
    submit: () => {
      const body: CascadeBody = {
        targets: Object.entries(chosen).map(([key, { keyResultId, title }]) => {
          const [type, id] = key.split(":");
          const trimmed = title.trim() || defaultTitle;
          return type === "team" ? { teamId: id, keyResultId, title: trimmed } : { userId: id, keyResultId, title: trimmed };
        }),
      };
      return api<CascadeResult>(`/api/orgs/${orgSlug}/objectives/${objectiveId}/cascade`, { body });
    },
    onSuccess: ({ created }) => {
      setOpen(false);
      setChosen({});
      notify({ title: t("done", { count: created.length }), description: t("doneHint") });
      router.refresh();
    },
  });
  const count = Object.keys(chosen).length;
  const update = (key: string, change: Partial<Choice>) => setChosen((current) => ({ ...current, [key]: { keyResultId: null, title: defaultTitle, ...current[key], ...change } }));
  return (
    <FormDialog
      trigger={
        <Button variant="secondary">
          <GitBranch aria-hidden />
          {kind === "teams" ? t("toTeams") : t("toPeople")}
        </Button>
      }
      title={kind === "teams" ? t("titleTeams") : t("titlePeople")}
      description={kind === "teams" ? t("introTeams") : t("introPeople")}
      className="max-w-2xl"
      open={open}
      onOpenChange={setOpen}
      form={form}
      submitLabel={t("create", { count })}
      submitDisabled={count === 0}
      alert={<FormAlert message={form.formError ?? Object.values(form.fieldErrors)[0]?.[0] ?? null} />}
    >
      {targets.length === 0 ? (
        <p className="text-sm text-muted">{kind === "teams" ? t("noTeams") : t("noPeople")}</p>
      ) : (
        <fieldset className="flex flex-col gap-1">
          <legend className="sr-only">{kind === "teams" ? t("titleTeams") : t("titlePeople")}</legend>
          <ul className="flex max-h-[55dvh] flex-col divide-y divide-border overflow-y-auto rounded-md border border-border">
            {targets.map((target) => {
              const choice = chosen[target.key];
              const id = `cascade-${target.key.replace(":", "-")}`;
              return (
                <li key={target.key} className="flex flex-col gap-2 px-3 py-2.5">
                  <label htmlFor={id} className="flex items-start gap-2 text-sm">
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-1"
                      checked={choice !== undefined}
                      disabled={target.already}
                      onChange={(event) =>
                        event.target.checked
                          ? update(target.key, {})
                          : setChosen(({ [target.key]: _dropped, ...rest }) => rest)
                      }
                    />
                    <span className="flex flex-col">
                      <span className="font-medium text-fg">{target.label}</span>
                      <span className="text-xs text-subtle">{target.already ? t("already") : target.detail}</span>
                    </span>
                  </label>
                  {choice ? (
                    <div className="grid gap-2 pl-6 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                      <Input
                        aria-label={t("titleFor", { name: target.label })}
                        value={choice.title}
                        maxLength={200}
                        required
                        onChange={(event) => update(target.key, { title: event.target.value })}
                        className="h-8 text-sm"
                      />
                      {keyResults.length > 0 ? (
                        <Select
                          aria-label={t("contributesFor", { name: target.label })}
                          className="h-8 text-xs"
                          value={choice.keyResultId ?? ""}
                          onChange={(event) => update(target.key, { keyResultId: event.target.value || null })}
                        >
                          <option value="">{t("wholeObjective")}</option>
                          {keyResults.map((kr) => (
                            <option key={kr.id} value={kr.id}>
                              {kr.title}
                            </option>
                          ))}
                        </Select>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
    </FormDialog>
  );
}
