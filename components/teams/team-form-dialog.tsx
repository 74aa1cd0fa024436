"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { PersonSelect } from "@/components/forms/person-select";
import { useApiForm } from "@/components/forms/use-api-form";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import { useMemberOptions } from "./use-member-options";

interface Option {
  id: string;
  name: string;
}

interface Props {
  orgSlug: string;
  trigger: ReactNode;
  teams: Array<Option & { depth: number }>;
  /** Editing this team; creating when absent. */
  team?: { id: string; name: string; description: string; parentTeamId: string | null; leadUserId: string | null };
  /** Team ids that cannot be the parent (the team itself and its sub-teams). */
  excludedParents?: string[];
}

export function TeamFormDialog({ orgSlug, trigger, teams, team, excludedParents = [] }: Props) {
  const t = useTranslations("teams");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  // The people are fetched when the dialog first opens.
  const loaded = useMemberOptions(orgSlug, open);
  const members = loaded.data;
  const form = useApiForm({
    submit: (values) =>
      team
        ? api(`/api/orgs/${orgSlug}/teams/${team.id}`, { method: "PATCH", body: values })
        : api<{ team: { id: string } }>(`/api/orgs/${orgSlug}/teams`, { body: values }),
    onSuccess: () => {
      notify({ title: team ? t("updated") : t("created") });
      setOpen(false);
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  return (
    <FormDialog
      trigger={trigger}
      title={team ? t("editTitle") : t("newTitle")}
      description={t("formDescription")}
      open={open}
      onOpenChange={setOpen}
      form={form}
      submitLabel={team ? tCommon("save") : t("create")}
      submitDisabled={!members}
    >
          <Field id="team-name" label={t("name")} error={errors.name}>
            <Input id="team-name" name="name" defaultValue={team?.name} required autoFocus aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("team-name", { error: errors.name })} />
          </Field>
          <Field id="team-description" label={t("descriptionLabel")} hint={t("descriptionHint")} error={errors.description}>
            <Textarea id="team-description" name="description" defaultValue={team?.description} rows={2} aria-describedby={describedBy("team-description", { hint: true, error: errors.description })} />
          </Field>
          <Field id="team-parent" label={t("parent")} hint={t("parentHint")} error={errors.parentTeamId}>
            <Select id="team-parent" name="parentTeamId" defaultValue={team?.parentTeamId ?? ""} aria-invalid={!!errors.parentTeamId || undefined} aria-describedby={describedBy("team-parent", { hint: true, error: errors.parentTeamId })}>
              <option value="">{t("noParent")}</option>
              {teams
                .filter((option) => !excludedParents.includes(option.id))
                .map((option) => (
                  <option key={option.id} value={option.id}>
                    {`${"\u2003".repeat(option.depth)}${option.name}`}
                  </option>
                ))}
            </Select>
          </Field>
          <Field id="team-lead" label={t("lead")} hint={t("leadHint")} error={errors.leadUserId}>
            <PersonSelect
              id="team-lead"
              name="leadUserId"
              people={members}
              failed={loaded.isError}
              emptyLabel={t("noLead")}
              defaultValue={team?.leadUserId ?? ""}
              aria-describedby={describedBy("team-lead", { hint: true, error: errors.leadUserId })}
            />
          </Field>
    </FormDialog>
  );
}
