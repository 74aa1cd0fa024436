"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { api } from "@/lib/api-client";
import { CopyLink } from "./copy-link";

interface Issued {
  invitation: { email: string; url: string };
}

export function InviteForm({ orgSlug, canInviteOwners }: { orgSlug: string; canInviteOwners: boolean }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const tLanguage = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [issued, setIssued] = useState<Issued["invitation"] | null>(null);
  const form = useApiForm({
    submit: (values) => api<Issued>(`/api/orgs/${orgSlug}/invitations`, { body: values }),
    onSuccess: ({ invitation }) => {
      setIssued(invitation);
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id="invite-email" label={t("inviteEmail")} error={errors.email} className="flex-1">
          <Input id="invite-email" name="email" type="email" placeholder="name@company.no" required aria-invalid={!!errors.email || undefined} aria-describedby={describedBy("invite-email", { error: errors.email })} />
        </Field>
        <Field id="invite-role" label={t("role")} error={errors.role} className="sm:w-40">
          <Select id="invite-role" name="role" defaultValue="member">
            <option value="member">{tRoles("member")}</option>
            <option value="admin">{tRoles("admin")}</option>
            {canInviteOwners ? <option value="owner">{tRoles("owner")}</option> : null}
          </Select>
        </Field>
        <Field id="invite-locale" label={t("inviteLanguage")} error={errors.locale} className="sm:w-40">
          <Select id="invite-locale" name="locale" defaultValue={locale === "nb" ? "nb" : "en"}>
            <option value="en">{tLanguage("en")}</option>
            <option value="nb">{tLanguage("nb")}</option>
          </Select>
        </Field>
        <Button type="submit" loading={form.pending} className="sm:mt-6">
          {t("invite")}
        </Button>
      </form>
      <FormAlert message={form.formError} />
      {issued ? (
        <div role="status" className="flex flex-col gap-3 rounded-md border border-accent/30 bg-accent-soft/60 p-4">
          <p className="text-sm text-fg">{t("inviteCreated", { email: issued.email })}</p>
          <CopyLink url={issued.url} label={t("inviteLink")} />
        </div>
      ) : null}
    </div>
  );
}
