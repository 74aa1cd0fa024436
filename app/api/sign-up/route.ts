import { getLocale } from "next-intl/server";
import { mailLimits } from "@/lib/auth/mail-limits";
import { enforce, limits } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { route } from "@/lib/http";
import { mailDelivery } from "@/lib/mail/transport";
import { requestSignUp } from "@/lib/services/sign-up-requests";
import { signUpSchema } from "@/lib/validation/accounts";

/**
 * A sign-up request: the answer is always "check your inbox", whether or not the address has an
 * account (the email says which). The account and organisation are created by the link.
 */
export const POST = route({ access: "public", body: signUpSchema }, async ({ req, body }) => {
  await enforce([`sign-up:ip:${clientAddress(req.headers)}`, limits.signUpPerIp], [`sign-up:email:${body.email}`, mailLimits.signUpPerEmail]);
  await requestSignUp(body, await getLocale(), body.timeZone);
  return { checkInbox: true, devMailbox: mailDelivery() === "dev-mailbox" };
});
