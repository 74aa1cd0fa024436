import { requestOrigin, route } from "@/lib/http";
import { resendInvitation } from "@/lib/services/invitations";
import { invitationParams } from "@/lib/validation/members";

export const POST = route({ access: "member", params: invitationParams }, async ({ ctx, params, req }) => {
  const invitation = await resendInvitation(ctx, params.invitationId);
  return { invitation: { ...invitation, url: new URL(`/invite/${invitation.token}`, requestOrigin(req)).toString() } };
});
