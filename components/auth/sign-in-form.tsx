"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const t = useTranslations("auth");
  const form = useApiForm({
    submit: (values) => api<{ redirectTo: string }>("/api/session", { body: { ...values, next } }),
    // A full navigation, so every server component reads the new session.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="email" label={t("email")} error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={email} required aria-invalid={!!errors.email || undefined} aria-describedby={describedBy("email", { error: errors.email })} />
      </Field>
      <Field id="password" label={t("password")} error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={!!errors.password || undefined} aria-describedby={describedBy("password", { error: errors.password })} />
      </Field>
      <Button type="submit" loading={form.pending} className="mt-1 w-full">
        {form.pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
