import { z } from "zod";
import { membershipRoles } from "@/lib/domain";
import { ActionButton } from "./action-button";
import { MailLayout, Muted, Paragraph } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const invitationData = z.object({
  orgName: z.string(),
  inviterName: z.string().nullable(),
  role: z.enum(membershipRoles),
  /** The invitation link, derived again from the nonce (lib/mail/link-secrets.ts). */
  nonce: z.string(),
  orgId: z.uuid(),
});

export function composeInvitation({ t, locale, links }: ComposeInput, data: z.infer<typeof invitationData>): Composed {
  const subject = t("invitation.subject", { org: data.orgName });
  const heading = t("invitation.heading", { org: data.orgName });
  const intro = data.inviterName
    ? t("invitation.introBy", { name: data.inviterName, org: data.orgName, role: t(`roles.${data.role}`) })
    : t("invitation.intro", { org: data.orgName, role: t(`roles.${data.role}`) });
  return {
    subject,
    element: (
      <MailLayout locale={locale} title={subject} preview={intro} brand={data.orgName} heading={heading} footer={t("invitation.footer")}>
        <Paragraph>{intro}</Paragraph>
        <Paragraph>{t("invitation.about", { org: data.orgName })}</Paragraph>
        <ActionButton href={links.action ?? ""} label={t("invitation.button", { org: data.orgName })} fallback={t("common.fallback")} />
        <Muted>{t("invitation.expiry")}</Muted>
      </MailLayout>
    ),
  };
}
