import { mailLimits } from "@/lib/auth/mail-limits";
import { enforce } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { OK, route } from "@/lib/http";
import { requestPasswordReset } from "@/lib/services/password-reset";
import { forgotPasswordSchema } from "@/lib/validation/password-reset";

/** "Forgot your password?": the same answer for every address, account or not. */
export const POST = route({ access: "public", body: forgotPasswordSchema }, async ({ req, body }) => {
  await enforce([`reset:ip:${clientAddress(req.headers)}`, mailLimits.passwordResetPerIp], [`reset:email:${body.email}`, mailLimits.passwordResetPerEmail]);
  await requestPasswordReset(body.email);
  return OK;
});
