import { mailLimits } from "@/lib/auth/mail-limits";
import { assertNotLimited, countFailure, type Limit } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { startSession } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { confirmSignUp } from "@/lib/services/sign-up-requests";
import { resetTokenParams } from "@/lib/validation/password-reset";

/** The confirmation link's button: the person and the organisation are created, and they land in it signed in. */
export const POST = route({ access: "public", params: resetTokenParams }, async ({ req, params }) => {
  const check: [string, Limit] = [`sign-up-link:ip:${clientAddress(req.headers)}`, mailLimits.resetLinkFailuresPerIp];
  await assertNotLimited(check);
  try {
    const { user, organisation } = await confirmSignUp(params.token);
    await startSession(user);
    return { redirectTo: `/${organisation.slug}`, organisation };
  } catch (error) {
    if (error instanceof AppError && error.code === "gone") await countFailure(check);
    throw error;
  }
});
