import { z } from "zod";
import { ActionButton } from "./action-button";
import { MailLayout, Muted, Paragraph } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const integrationDisabledData = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  name: z.string(),
  /** The endpoint's description or the chat connection's name, and its address. */
  label: z.string(),
  url: z.string(),
  failingSince: z.iso.datetime(),
});

/** To an organisation's admins: a webhook or chat connection failed for days and was turned off. */
export function composeIntegrationDisabled({ t, locale, links }: ComposeInput, data: z.infer<typeof integrationDisabledData>): Composed {
  const subject = t("integrationDisabled.subject", { org: data.orgName });
  const since = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(data.failingSince));
  return {
    subject,
    element: (
      <MailLayout locale={locale} title={subject} preview={t("integrationDisabled.preview")} brand={data.orgName} heading={t("integrationDisabled.heading")} footer={t("integrationDisabled.footer", { org: data.orgName })}>
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("integrationDisabled.intro", { label: data.label || data.url, url: data.url, since })}</Paragraph>
        <Paragraph>{t("integrationDisabled.next")}</Paragraph>
        <ActionButton href={links.action ?? ""} label={t("integrationDisabled.button")} fallback={t("common.fallback")} />
        <Muted>{t("integrationDisabled.why")}</Muted>
      </MailLayout>
    ),
  };
}
