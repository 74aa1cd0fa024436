"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";

interface Props {
  orgSlug: string;
  settings: { name: string; slug: string; fiscalYearStartMonth: number };
  monthNames: string[];
  canEdit: boolean;
}

export function OrganisationForm({ orgSlug, settings, monthNames, canEdit }: Props) {
  const t = useTranslations("settings");
  const notify = useToast();
  const form = useApiForm({
    submit: (values) => api<{ slug: string; redirectTo: string }>(`/api/orgs/${orgSlug}`, { method: "PATCH", body: values }),
    onSuccess: ({ slug, redirectTo }) => {
      notify({ title: t("saved") });
      // A new address means a new URL for every page of the workspace.
      if (slug !== orgSlug) window.location.assign(redirectTo);
    },
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <FormAlert message={form.formError} />
      <fieldset disabled={!canEdit} className="flex flex-col gap-4">
        <Field id="org-name" label={t("name")} error={errors.name}>
          <Input id="org-name" name="name" defaultValue={settings.name} required aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("org-name", { error: errors.name })} />
        </Field>
        <Field id="org-slug" label={t("slug")} hint={t("slugHint")} error={errors.slug}>
          <Input id="org-slug" name="slug" defaultValue={settings.slug} required autoCapitalize="none" spellCheck={false} aria-invalid={!!errors.slug || undefined} aria-describedby={describedBy("org-slug", { hint: true, error: errors.slug })} />
        </Field>
        <Field id="org-fiscal" label={t("fiscalYearStart")} hint={t("fiscalYearStartHint")} error={errors.fiscalYearStartMonth}>
          <Select id="org-fiscal" name="fiscalYearStartMonth" defaultValue={String(settings.fiscalYearStartMonth)} aria-describedby={describedBy("org-fiscal", { hint: true, error: errors.fiscalYearStartMonth })}>
            {monthNames.map((month, index) => (
              <option key={month} value={index + 1}>
                {month}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      {canEdit ? (
        <div>
          <Button type="submit" loading={form.pending}>
            {t("save")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-subtle">{t("readOnly")}</p>
      )}
    </form>
  );
}
