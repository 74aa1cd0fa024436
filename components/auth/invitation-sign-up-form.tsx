"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

export function InvitationSignUpForm({ token, email, orgName }: { token: string; email: string; orgName: string }) {
  const t = useTranslations("auth");
  const tInvite = useTranslations("invite");
  const form = useApiForm({
    submit: (values) => api<{ redirectTo: string }>(`/api/invitations/${encodeURIComponent(token)}/sign-up`, { body: values }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="invite-email" label={t("email")} hint={tInvite("emailFixed")}>
        <Input id="invite-email" value={email} readOnly autoComplete="email" aria-describedby={describedBy("invite-email", { hint: true })} />
      </Field>
      <Field id="invite-name" label={t("name")} error={errors.name}>
        <Input id="invite-name" name="name" autoComplete="name" required aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("invite-name", { error: errors.name })} />
      </Field>
      <Field id="invite-password" label={t("password")} hint={t("passwordHint")} error={errors.password}>
        <Input id="invite-password" name="password" type="password" autoComplete="new-password" required aria-invalid={!!errors.password || undefined} aria-describedby={describedBy("invite-password", { hint: true, error: errors.password })} />
      </Field>
      <Button type="submit" loading={form.pending} className="w-full">
        {tInvite("createAndJoin", { name: orgName })}
      </Button>
    </form>
  );
}
