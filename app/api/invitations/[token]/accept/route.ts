import { assertNotLimited, countFailure, limits, type Limit } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { acceptInvitation } from "@/lib/services/invitations";
import { tokenParams } from "@/lib/validation/members";

/** A signed-in person accepts. Wrong links are limited per address: the token is a secret worth guessing. */
export const POST = route({ access: "user", params: tokenParams }, async ({ req, params, user }) => {
  const check: [string, Limit] = [`invitation:ip:${clientAddress(req.headers)}`, limits.invitationFailuresPerIp];
  await assertNotLimited(check);
  try {
    const { orgSlug } = await acceptInvitation(params.token, user);
    return { redirectTo: `/${orgSlug}` };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") await countFailure(check);
    throw error;
  }
});
