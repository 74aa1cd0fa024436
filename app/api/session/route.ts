import { cookies } from "next/headers";
import { signOut } from "@/lib/auth";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_PATH, deviceCookieName, withDeviceToken } from "@/lib/auth/device-cookie";
import { safeNextPath } from "@/lib/auth/request";
import { attemptSignIn } from "@/lib/auth/sign-in-attempt";
import { startSession } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { route } from "@/lib/http";
import { revokeSession } from "@/lib/services/accounts";
import { landingPathFor } from "@/lib/services/landing";
import { signInRequestSchema } from "@/lib/validation/session";

/**
 * Sign in: limits first, then the password (lib/auth/sign-in-attempt.ts). A success marks this
 * browser as one the person uses (a device cookie), which lets them in while a lockout that
 * someone else caused holds for every other browser.
 */
export const POST = route({ access: "public", body: signInRequestSchema }, async ({ req, body }) => {
  const { AUTH_SECRET, secureCookies } = env();
  const jar = await cookies();
  const name = deviceCookieName(secureCookies);
  const identity = await attemptSignIn({
    email: body.email,
    password: body.password,
    address: clientAddress(req.headers),
    deviceCookie: jar.get(name)?.value,
    secret: AUTH_SECRET,
  });
  await startSession(identity);
  jar.set(name, withDeviceToken(jar.get(name)?.value, body.email, AUTH_SECRET), {
    httpOnly: true,
    sameSite: "strict",
    secure: secureCookies,
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
  return { redirectTo: safeNextPath(body.next) ?? (await landingPathFor(identity.id)) };
});

/** Sign out on this device: the token is refused from now on, even if a copy of it survives. */
export const DELETE = route({ access: "user" }, async ({ session }) => {
  await revokeSession(session.user.id, session.sessionId, session.expires);
  await signOut({ redirect: false });
  return { redirectTo: "/" };
});
