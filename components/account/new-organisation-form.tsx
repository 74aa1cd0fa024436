"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

export function NewOrganisationForm() {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const form = useApiForm({
    submit: (values) => api<{ redirectTo: string }>("/api/orgs", { body: values }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="new-org-name" label={tAuth("organisationName")} error={errors.name}>
        <Input id="new-org-name" name="name" required aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("new-org-name", { error: errors.name })} />
      </Field>
      <Field id="new-org-slug" label={tAuth("organisationSlug")} hint={t("slugOptional")} error={errors.slug}>
        <Input id="new-org-slug" name="slug" autoCapitalize="none" spellCheck={false} aria-invalid={!!errors.slug || undefined} aria-describedby={describedBy("new-org-slug", { hint: true, error: errors.slug })} />
      </Field>
      <div>
        <Button type="submit" loading={form.pending}>
          {tAuth("createOrganisation")}
        </Button>
      </div>
    </form>
  );
}
