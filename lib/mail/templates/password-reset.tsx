import { z } from "zod";
import { ActionButton } from "./action-button";
import { MailLayout, Muted, Paragraph } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const passwordResetData = z.object({ name: z.string(), nonce: z.string() });

export function composePasswordReset({ t, locale, links }: ComposeInput, data: z.infer<typeof passwordResetData>): Composed {
  const subject = t("passwordReset.subject");
  return {
    subject,
    element: (
      <MailLayout locale={locale} title={subject} preview={t("passwordReset.preview")} brand="Retning" heading={t("passwordReset.heading")} footer={t("passwordReset.footer")}>
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("passwordReset.intro")}</Paragraph>
        <ActionButton href={links.action ?? ""} label={t("passwordReset.button")} fallback={t("common.fallback")} />
        <Muted>{t("passwordReset.expiry")}</Muted>
      </MailLayout>
    ),
  };
}
