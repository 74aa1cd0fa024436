"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const tAuth = useTranslations("auth");
  const form = useApiForm({
    submit: (values) => api<{ redirectTo: string }>(`/api/password-reset/${encodeURIComponent(token)}`, { body: values }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="password" label={t("newPassword")} hint={tAuth("passwordHint")} error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={8} maxLength={128} required aria-invalid={!!errors.password || undefined} aria-describedby={describedBy("password", { hint: true, error: errors.password })} />
      </Field>
      <Button type="submit" loading={form.pending} className="mt-1 w-full">
        {t("save")}
      </Button>
    </form>
  );
}
