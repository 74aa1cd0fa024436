import { getLocale } from "next-intl/server";
import { route } from "@/lib/http";
import { isLocale } from "@/lib/i18n/config";
import { appLink } from "@/lib/mail/link-secrets";
import { resendInvitation } from "@/lib/services/invitations";
import { invitationParams } from "@/lib/validation/members";

/** A new link, emailed again and returned to copy; the old one stops working. */
export const POST = route({ access: "member", params: invitationParams }, async ({ ctx, params }) => {
  const uiLocale = await getLocale();
  const invitation = await resendInvitation(ctx, params.invitationId, isLocale(uiLocale) ? uiLocale : "en");
  return { invitation: { ...invitation, url: appLink(`/invite/${invitation.token}`) } };
});
