import { clientIp } from "@/lib/auth/request";
import { enforce, limits } from "@/lib/auth/rate-limit";
import { route } from "@/lib/http";
import { acceptInvitation } from "@/lib/services/invitations";
import { tokenParams } from "@/lib/validation/members";

/** A signed-in person accepts: limited per address, since the token is a secret worth guessing. */
export const POST = route({ access: "user", params: tokenParams }, async ({ req, params, user }) => {
  await enforce([`invitation:ip:${clientIp(req)}`, limits.invitationPerIp]);
  const { orgSlug } = await acceptInvitation(params.token, user);
  return { redirectTo: `/${orgSlug}` };
});
