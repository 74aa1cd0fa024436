import { OK, route } from "@/lib/http";
import { revokeInvitation } from "@/lib/services/invitations";
import { invitationParams } from "@/lib/validation/members";

export const DELETE = route({ access: "member", params: invitationParams }, async ({ ctx, params }) => {
  await revokeInvitation(ctx, params.invitationId);
  return OK;
});
