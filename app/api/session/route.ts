import { signOut } from "@/lib/auth";
import { clientIp, safeNextPath } from "@/lib/auth/request";
import { assertNotLimited, countFailure, limits, reset, type Limit } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { authenticate, revokeSession } from "@/lib/services/accounts";
import { landingPathFor } from "@/lib/services/landing";
import { signInRequestSchema } from "@/lib/validation/session";

/**
 * Sign in. Failures are limited per address and per account, checked before any password is
 * (ASVS 6.3.1);
 * an unknown email and a wrong password get the same answer in the same time (ASVS 6.3.8).
 */
export const POST = route({ access: "public", body: signInRequestSchema }, async ({ req, body }) => {
  const checks: Array<[string, Limit]> = [
    [`sign-in:ip:${clientIp(req)}`, limits.signInFailuresPerIp],
    [`sign-in:account:${body.email}`, limits.signInFailuresPerAccount],
  ];
  await assertNotLimited(...checks);
  const identity = await authenticate(body.email, body.password);
  if (!identity) {
    await countFailure(...checks);
    throw new AppError("unauthorized", "errors.invalidCredentials");
  }
  await startSession(identity);
  await reset(`sign-in:account:${body.email}`);
  return { redirectTo: safeNextPath(body.next) ?? (await landingPathFor(identity.id)) };
});

/** Sign out on this device: the token is refused from now on, even if a copy of it survives. */
export const DELETE = route({ access: "user" }, async ({ session }) => {
  await revokeSession(session.user.id, session.sessionId, session.expires);
  await signOut({ redirect: false });
  return { redirectTo: "/" };
});
