import { getLocale } from "next-intl/server";
import { route } from "@/lib/http";
import { isLocale } from "@/lib/i18n/config";
import { appLink } from "@/lib/mail/link-secrets";
import { createInvitation, listPendingInvitations } from "@/lib/services/invitations";
import { inviteSchema, orgParams } from "@/lib/validation/members";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ invitations: await listPendingInvitations(ctx) }));

/** Emailed to the person, and returned once to copy as well; only the link's hash is kept. */
export const POST = route({ access: "member", params: orgParams, body: inviteSchema }, async ({ ctx, body }) => {
  const uiLocale = await getLocale();
  const invitation = await createInvitation(ctx, { ...body, locale: body.locale ?? (isLocale(uiLocale) ? uiLocale : "en") });
  return { invitation: { ...invitation, url: appLink(`/invite/${invitation.token}`) } };
});
