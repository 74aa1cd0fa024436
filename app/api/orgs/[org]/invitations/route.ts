import { requestOrigin, route } from "@/lib/http";
import { createInvitation, listPendingInvitations } from "@/lib/services/invitations";
import { inviteSchema, orgParams } from "@/lib/validation/members";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ invitations: await listPendingInvitations(ctx) }));

/** The link is returned once, to copy and send; only its hash is kept. */
export const POST = route({ access: "member", params: orgParams, body: inviteSchema }, async ({ ctx, body, req }) => {
  const invitation = await createInvitation(ctx, body);
  return { invitation: { ...invitation, url: new URL(`/invite/${invitation.token}`, requestOrigin(req)).toString() } };
});
