"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";

export function PasswordForm() {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const notify = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useApiForm({
    submit: (values) => api("/api/account/password", { body: values }),
    onSuccess: () => {
      formRef.current?.reset();
      notify({ title: t("passwordChanged"), description: t("passwordChangedDescription") });
    },
  });
  const errors = form.fieldErrors;
  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="current-password" label={t("currentPassword")} error={errors.currentPassword}>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required aria-invalid={!!errors.currentPassword || undefined} aria-describedby={describedBy("current-password", { error: errors.currentPassword })} />
      </Field>
      <Field id="new-password" label={t("newPassword")} hint={tAuth("passwordHint")} error={errors.newPassword}>
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" required aria-invalid={!!errors.newPassword || undefined} aria-describedby={describedBy("new-password", { hint: true, error: errors.newPassword })} />
      </Field>
      <div>
        <Button type="submit" loading={form.pending}>
          {t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
