"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { CopyLink } from "@/components/settings/copy-link";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { api } from "@/lib/api-client";
import { API_TOKEN_LIFETIMES } from "@/lib/domain";

interface Created {
  token: { name: string; orgSlug: string };
  secret: string;
}

/** Makes a token and shows its secret once, with a first request to try it with. */
export function NewTokenForm({ organisations }: { organisations: Array<{ slug: string; name: string }> }) {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useApiForm({
    submit: (values) =>
      api<Created>("/api/account/tokens", {
        body: { ...values, expiresInDays: values.expiresInDays === "never" ? null : Number(values.expiresInDays) },
      }),
    onSuccess: (result) => {
      setCreated(result);
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  const example = created
    ? `curl -H "Authorization: Bearer ${created.secret}" \\\n  ${typeof window === "undefined" ? "" : window.location.origin}/api/orgs/${created.token.orgSlug}/objectives`
    : "";
  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={form.onSubmit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field id="token-name" label={t("name")} hint={t("nameHint")} error={errors.name}>
          <Input id="token-name" name="name" required maxLength={80} placeholder={t("namePlaceholder")} aria-invalid={!!errors.name || undefined} aria-describedby={describedBy("token-name", { hint: true, error: errors.name })} />
        </Field>
        <Field id="token-org" label={t("organisation")} error={errors.org}>
          <Select id="token-org" name="org" defaultValue={organisations[0]?.slug} aria-invalid={!!errors.org || undefined}>
            {organisations.map((organisation) => (
              <option key={organisation.slug} value={organisation.slug}>
                {organisation.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="token-scope" label={t("access")} hint={t("accessHint")} error={errors.scope}>
          <Select id="token-scope" name="scope" defaultValue="read" aria-describedby={describedBy("token-scope", { hint: true, error: errors.scope })}>
            <option value="read">{t("scopeRead")}</option>
            <option value="read_write">{t("scopeReadWrite")}</option>
          </Select>
        </Field>
        <Field id="token-expiry" label={t("expiry")} error={errors.expiresInDays}>
          <Select id="token-expiry" name="expiresInDays" defaultValue="90">
            {API_TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={days}>
                {t("days", { days })}
              </option>
            ))}
            <option value="never">{t("noExpiry")}</option>
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" loading={form.pending}>
            {t("create")}
          </Button>
        </div>
      </form>
      <FormAlert message={form.formError} />
      {created ? (
        <div role="status" className="flex flex-col gap-3 rounded-md border border-accent/30 bg-accent-soft/60 p-4">
          <p className="text-sm font-medium text-fg">{t("createdOnce", { name: created.token.name })}</p>
          <CopyLink url={created.secret} label={t("secret")} />
          <div className="flex flex-col gap-1.5">
            <p className="text-xs font-medium text-muted">{t("tryIt")}</p>
            <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 font-mono text-xs text-fg">{example}</pre>
            <p className="text-xs text-muted">
              {t.rich("reference", { link: (chunks) => <Link href="/docs/api" className="font-medium text-accent-text hover:underline">{chunks}</Link> })}
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
