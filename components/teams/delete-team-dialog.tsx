"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { api } from "@/lib/api-client";

interface Props {
  orgSlug: string;
  team: { id: string; name: string; objectiveCount: number; parentTeamId: string | null };
  otherTeams: Array<{ id: string; name: string }>;
}

/** Says what happens to the team's objectives and sub-teams, and lets the person choose. */
export function DeleteTeamDialog({ orgSlug, team, otherTeams }: Props) {
  const t = useTranslations("teams");
  const id = useId();
  const [choice, setChoice] = useState<"move" | "delete">(otherTeams.length > 0 ? "move" : "delete");
  const [moveTo, setMoveTo] = useState(team.parentTeamId ?? otherTeams[0]?.id ?? "");
  const remove = useAction({
    run: () =>
      api<{ redirectTo: string }>(`/api/orgs/${orgSlug}/teams/${team.id}`, {
        method: "DELETE",
        body: choice === "move" ? { objectives: "move", moveToTeamId: moveTo } : { objectives: "delete" },
      }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("delete")}</Button>}
      title={t("deleteTitle", { name: team.name })}
      description={t("deleteDescription")}
      confirmLabel={t("delete")}
      destructive
      pending={remove.isPending}
      onConfirm={() => remove.mutateAsync()}
    >
      {team.objectiveCount > 0 ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3">
          <legend className="px-1 text-sm font-medium text-fg">{t("objectivesQuestion", { count: team.objectiveCount })}</legend>
          {otherTeams.length > 0 ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="objectives" checked={choice === "move"} onChange={() => setChoice("move")} className="mt-1" />
              <span className="flex flex-1 flex-col gap-2">
                {t("moveObjectives")}
                <span>
                  <label htmlFor={id} className="sr-only">
                    {t("moveTo")}
                  </label>
                  <Select id={id} value={moveTo} onChange={(event) => setMoveTo(event.target.value)} disabled={choice !== "move"}>
                    {otherTeams.map((other) => (
                      <option key={other.id} value={other.id}>
                        {other.name}
                      </option>
                    ))}
                  </Select>
                </span>
              </span>
            </label>
          ) : null}
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="objectives" checked={choice === "delete"} onChange={() => setChoice("delete")} className="mt-1" />
            <span>{t("deleteObjectives")}</span>
          </label>
        </fieldset>
      ) : (
        <p className="text-sm text-muted">{t("noObjectivesToMove")}</p>
      )}
    </ConfirmDialog>
  );
}
