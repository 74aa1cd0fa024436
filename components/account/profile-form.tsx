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
import { locales, type Locale } from "@/lib/i18n/config";

export function ProfileForm({ name, email, locale }: { name: string; email: string; locale: Locale }) {
  const t = useTranslations("account");
  const tLanguage = useTranslations("language");
  const notify = useToast();
  const form = useApiForm({
    submit: (values) => api("/api/account", { method: "PATCH", body: values }),
    onSuccess: () => {
      notify({ title: t("profileSaved") });
      // The language may have changed: read every server component again.
      window.location.reload();
    },
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="profile-name" label={t("name")} error={errors.name}>
        <Input id="profile-name" name="name" defaultValue={name} autoComplete="name" required aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("profile-name", { error: errors.name })} />
      </Field>
      <Field id="profile-email" label={t("email")} hint={t("emailHint")}>
        <Input id="profile-email" value={email} readOnly aria-describedby={describedBy("profile-email", { hint: true })} />
      </Field>
      <Field id="profile-locale" label={t("language")} error={errors.locale}>
        <Select id="profile-locale" name="locale" defaultValue={locale}>
          {locales.map((option) => (
            <option key={option} value={option}>
              {tLanguage(option)}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" loading={form.pending}>
          {t("saveProfile")}
        </Button>
      </div>
    </form>
  );
}
