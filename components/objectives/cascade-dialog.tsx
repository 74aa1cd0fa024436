"use client";

import { GitBranch } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiForm } from "@/components/forms/use-api-form";
import { FormAlert } from "@/components/forms/form-alert";
import { FormDialog } from "@/components/forms/form-dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";

interface Target {
  /** "team:<id>" or "user:<id>". */
  key: string;
  label: string;
  detail: string;
  already: boolean;
}

interface Props {
  orgSlug: string;
  objectiveId: string;
  targets: Target[];
  keyResults: Array<{ id: string; title: string }>;
  kind: "teams" | "people";
}

/** Breaks an objective down one level in a step: pick who takes part and what each contributes to. */
export function CascadeDialog({ orgSlug, objectiveId, targets, keyResults, kind }: Props) {
  const t = useTranslations("cascade");
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const form = useApiForm({
    submit: () =>
      api<{ created: unknown[]; skipped: number }>(`/api/orgs/${orgSlug}/objectives/${objectiveId}/cascade`, {
        body: {
          targets: Object.entries(chosen).map(([key, keyResultId]) => {
            const [type, id] = key.split(":");
            return type === "team" ? { teamId: id, keyResultId } : { userId: id, keyResultId };
          }),
        },
      }),
    onSuccess: ({ created }) => {
      setOpen(false);
      setChosen({});
      notify({ title: t("done", { count: created.length }), description: t("doneHint") });
      router.refresh();
    },
  });
  const count = Object.keys(chosen).length;
  return (
    <FormDialog
      trigger={
        <Button variant="secondary">
          <GitBranch aria-hidden />
          {kind === "teams" ? t("toTeams") : t("toPeople")}
        </Button>
      }
      title={kind === "teams" ? t("titleTeams") : t("titlePeople")}
      description={t("intro")}
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
              <ul className="flex max-h-[50dvh] flex-col divide-y divide-border overflow-y-auto rounded-md border border-border">
                {targets.map((target) => {
                  const checked = target.key in chosen;
                  const id = `cascade-${target.key.replace(":", "-")}`;
                  return (
                    <li key={target.key} className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center">
                      <label htmlFor={id} className="flex flex-1 items-start gap-2 text-sm">
                        <input
                          id={id}
                          type="checkbox"
                          className="mt-1"
                          checked={checked}
                          disabled={target.already}
                          onChange={(event) =>
                            setChosen((current) => {
                              const next = { ...current };
                              if (event.target.checked) next[target.key] = null;
                              else delete next[target.key];
                              return next;
                            })
                          }
                        />
                        <span className="flex flex-col">
                          <span className="font-medium text-fg">{target.label}</span>
                          <span className="text-xs text-subtle">{target.already ? t("already") : target.detail}</span>
                        </span>
                      </label>
                      {checked && keyResults.length > 0 ? (
                        <select
                          aria-label={t("contributesFor", { name: target.label })}
                          className="h-8 rounded-md border border-border-strong bg-surface px-2 text-xs text-fg sm:max-w-64"
                          value={chosen[target.key] ?? ""}
                          onChange={(event) => setChosen((current) => ({ ...current, [target.key]: event.target.value || null }))}
                        >
                          <option value="">{t("wholeObjective")}</option>
                          {keyResults.map((kr) => (
                            <option key={kr.id} value={kr.id}>
                              {kr.title}
                            </option>
                          ))}
                        </select>
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
