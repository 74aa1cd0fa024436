import { Link } from "@react-email/components";
import { z } from "zod";
import { ActionButton } from "./action-button";
import { colors, MailLayout, Muted, Paragraph } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const signUpConfirmData = z.object({ name: z.string(), organisationName: z.string(), nonce: z.string() });

/** A new address: the link that creates the account and the organisation. */
export function composeSignUpConfirm({ t, locale, links }: ComposeInput, data: z.infer<typeof signUpConfirmData>): Composed {
  const subject = t("signUpConfirm.subject", { org: data.organisationName });
  return {
    subject,
    element: (
      <MailLayout locale={locale} title={subject} preview={t("signUpConfirm.preview")} brand="Retning" heading={t("signUpConfirm.heading")} footer={t("signUpConfirm.footer")}>
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("signUpConfirm.intro", { org: data.organisationName })}</Paragraph>
        <ActionButton href={links.action ?? ""} label={t("signUpConfirm.button")} fallback={t("common.fallback")} />
        <Muted>{t("signUpConfirm.expiry")}</Muted>
      </MailLayout>
    ),
  };
}

export const signUpExistingData = z.object({ name: z.string() });

/** An address that already has an account: no second account, a way back in instead. */
export function composeSignUpExisting({ t, locale, links }: ComposeInput, data: z.infer<typeof signUpExistingData>): Composed {
  const subject = t("signUpExisting.subject");
  return {
    subject,
    element: (
      <MailLayout locale={locale} title={subject} preview={t("signUpExisting.preview")} brand="Retning" heading={t("signUpExisting.heading")} footer={t("signUpExisting.footer")}>
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("signUpExisting.intro")}</Paragraph>
        <ActionButton href={links.action ?? ""} label={t("signUpExisting.button")} fallback={t("common.fallback")} />
        <Paragraph>
          {t("signUpExisting.forgot")}{" "}
          <Link href={links.reset ?? ""} style={{ color: colors.accent, textDecoration: "underline" }}>
            {t("signUpExisting.resetLink")}
          </Link>
        </Paragraph>
        <Muted>{t("signUpExisting.notYou")}</Muted>
      </MailLayout>
    ),
  };
}
