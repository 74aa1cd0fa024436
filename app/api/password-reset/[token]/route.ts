import { mailLimits } from "@/lib/auth/mail-limits";
import { assertNotLimited, countFailure, type Limit } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { resetPassword } from "@/lib/services/password-reset";
import { resetPasswordSchema, resetTokenParams } from "@/lib/validation/password-reset";

/** A new password from a reset link: every session of the person ends; they sign in again. */
export const POST = route({ access: "public", params: resetTokenParams, body: resetPasswordSchema }, async ({ req, params, body }) => {
  // Guessing links is limited like guessing passwords.
  const check: [string, Limit] = [`reset-link:ip:${clientAddress(req.headers)}`, mailLimits.resetLinkFailuresPerIp];
  await assertNotLimited(check);
  try {
    const { email } = await resetPassword(params.token, body.password);
    return { redirectTo: `/sign-in?email=${encodeURIComponent(email)}&reset=1` };
  } catch (error) {
    if (error instanceof AppError && error.code === "gone") await countFailure(check);
    throw error;
  }
});
