"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";
import { slugify } from "@/lib/validation/common";

export function SignUpForm() {
  const t = useTranslations("auth");
  const [organisationName, setOrganisationName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [sent, setSent] = useState<{ email: string; devMailbox: boolean } | null>(null);
  const form = useApiForm({
    submit: async (values) => {
      // The weekly reminders go out in the founder's time zone (editable in settings).
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const answer = await api<{ devMailbox: boolean }>("/api/sign-up", { body: { ...values, timeZone } });
      return { email: values.email ?? "", devMailbox: answer.devMailbox };
    },
    onSuccess: setSent,
  });
  const errors = form.fieldErrors;
  const shownSlug = slugEdited ? slug : organisationName ? slugify(organisationName) : "";

  if (sent) {
    return (
      <div role="status" className="flex flex-col gap-2">
        <p className="text-sm font-medium text-fg">{t("checkInboxTitle")}</p>
        <p className="text-sm text-muted">{t("checkInbox", { email: sent.email })}</p>
        {sent.devMailbox ? (
          <Link href="/dev/mailbox" className="text-sm font-medium text-accent-text hover:underline">
            {t("openDevMailbox")}
          </Link>
        ) : null}
      </div>
    );
  }

  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Field id="name" label={t("name")} error={errors.name}>
        <Input id="name" name="name" autoComplete="name" required aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("name", { error: errors.name })} />
      </Field>
      <Field id="email" label={t("workEmail")} error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!errors.email || undefined} aria-describedby={describedBy("email", { error: errors.email })} />
      </Field>
      <Field id="password" label={t("password")} hint={t("passwordHint")} error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={8} maxLength={128} required aria-invalid={!!errors.password || undefined} aria-describedby={describedBy("password", { hint: true, error: errors.password })} />
      </Field>
      <div className="my-1 h-px bg-border" />
      <Field id="organisationName" label={t("organisationName")} hint={t("organisationNameHint")} error={errors.organisationName}>
        <Input
          id="organisationName"
          name="organisationName"
          autoComplete="organization"
          required
          value={organisationName}
          onChange={(event) => setOrganisationName(event.target.value)}
          aria-invalid={!!errors.organisationName || undefined}
          aria-describedby={describedBy("organisationName", { hint: true, error: errors.organisationName })}
        />
      </Field>
      <Field id="organisationSlug" label={t("organisationSlug")} hint={t("organisationSlugHint", { slug: shownSlug || "…" })} error={errors.organisationSlug}>
        <div className="flex items-center rounded-md border border-border-strong bg-surface-muted pl-3 text-sm text-subtle shadow-card focus-within:border-ring">
          <span aria-hidden>retning/</span>
          <input
            id="organisationSlug"
            name="organisationSlug"
            value={shownSlug}
            onChange={(event) => {
              setSlugEdited(true);
              setSlug(event.target.value.toLowerCase());
            }}
            autoCapitalize="none"
            spellCheck={false}
            className="h-9 min-w-0 flex-1 rounded-r-md bg-surface px-2 text-fg outline-none"
            aria-invalid={!!errors.organisationSlug || undefined}
            aria-describedby={describedBy("organisationSlug", { hint: true, error: errors.organisationSlug })}
          />
        </div>
      </Field>
      <Button type="submit" loading={form.pending} className="mt-1 w-full">
        {form.pending ? t("creating") : t("createOrganisation")}
      </Button>
    </form>
  );
}
