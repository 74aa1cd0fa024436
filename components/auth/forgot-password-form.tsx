"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

/** Asks for the address and always says the same: a link is on its way if there is an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useApiForm({
    submit: async (values) => {
      await api<{ ok: true }>("/api/password-reset", { body: values });
      return values.email ?? "";
    },
    onSuccess: setSentTo,
  });
  const errors = form.fieldErrors;
  if (sentTo !== null) {
    return (
      <div role="status" className="flex flex-col gap-2">
        <p className="text-sm font-medium text-fg">{t("sentTitle")}</p>
        <p className="text-sm text-muted">{t("sent", { email: sentTo })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="email" label={t("email")} error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!errors.email || undefined} aria-describedby={describedBy("email", { error: errors.email })} />
      </Field>
      <Button type="submit" loading={form.pending} className="mt-1 w-full">
        {t("send")}
      </Button>
    </form>
  );
}
