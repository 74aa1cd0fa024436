import { getLocale } from "next-intl/server";
import { assertNotLimited, countFailure, limits, type Limit } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { createAccount } from "@/lib/services/accounts";
import { acceptInvitation, invitationStatusMessage, previewInvitation } from "@/lib/services/invitations";
import { invitationSignUpSchema } from "@/lib/validation/invitation-sign-up";
import { tokenParams } from "@/lib/validation/members";

/** A new person creates their account on the way in: account, membership and session in one step. */
export const POST = route({ access: "public", params: tokenParams, body: invitationSignUpSchema }, async ({ req, params, body }) => {
  const check: [string, Limit] = [`invitation:ip:${clientAddress(req.headers)}`, limits.invitationFailuresPerIp];
  await assertNotLimited(check);
  const invitation = await previewInvitation(params.token);
  if (!invitation) {
    await countFailure(check);
    throw new AppError("not_found", "errors.invitationInvalid");
  }
  if (invitation.status !== "valid") throw new AppError("gone", invitationStatusMessage[invitation.status]);
  const user = await createAccount({ name: body.name, email: invitation.email, password: body.password }, await getLocale());
  const { orgSlug } = await acceptInvitation(params.token, user);
  await startSession(user);
  return { redirectTo: `/${orgSlug}` };
});
