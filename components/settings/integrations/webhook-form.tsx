"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { describedBy, errorId, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";
import { webhookEventTypes } from "@/lib/integrations/events";
import { SecretNotice } from "./secret-notice";
import { eventKey } from "./types";

/** Registers a webhook endpoint; its signing secret is shown once, here. */
export function WebhookForm({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("integrations");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const form = useApiForm({
    submit: (values) => {
      const events = formRef.current ? new FormData(formRef.current).getAll("events").map(String) : [];
      return api<{ integration: { url: string }; secret: string }>(`/api/orgs/${orgSlug}/integrations`, { body: { kind: "webhook", url: values.url, description: values.description, events } });
    },
    onSuccess: ({ integration, secret }) => {
      setCreated({ secret, url: integration.url });
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex max-w-xl flex-col gap-4" aria-label={t("addWebhook")}>
        <FormAlert message={form.formError} />
        <Field id="webhook-url" label={t("url")} hint={t("urlHint")} error={errors.url}>
          <Input id="webhook-url" name="url" type="url" inputMode="url" placeholder="https://example.com/hooks/retning" required aria-invalid={!!errors.url || undefined} aria-describedby={describedBy("webhook-url", { hint: true, error: errors.url })} />
        </Field>
        <Field id="webhook-description" label={t("description")} error={errors.description}>
          <Input id="webhook-description" name="description" maxLength={200} aria-describedby={describedBy("webhook-description", { error: errors.description })} />
        </Field>
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.events ? errorId("webhook-events") : undefined}>
          <legend className="mb-1 text-sm font-medium text-fg">{t("events")}</legend>
          {webhookEventTypes.map((type) => (
            <CheckboxField key={type} id={`webhook-event-${eventKey(type)}`} name="events" value={type} defaultChecked label={t(`event.${eventKey(type) as "check_in_created"}`)} hint={type} />
          ))}
          {errors.events ? (
            <p id={errorId("webhook-events")} className="text-xs text-danger">
              {errors.events[0]}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" loading={form.pending}>
            {t("addWebhook")}
          </Button>
        </div>
      </form>
      {created ? <SecretNotice secret={created.secret} url={created.url} /> : null}
    </div>
  );
}
