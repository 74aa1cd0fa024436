import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's "device cookies": a browser where someone signed in successfully gets a signed token
 * naming that account. While an account is locked out by failed attempts from elsewhere, sign-in
 * from a browser holding its token still works, so knowing a person's address is not enough to
 * keep them out. Stateless: the token is `nonce.signature`, the signature an HMAC (keyed from
 * AUTH_SECRET) over the normalised email and the nonce, so the cookie does not reveal the address.
 * A browser keeps tokens for the last few accounts signed in on it.
 */

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const MAX_TOKENS = 5;
const NONCE_BYTES = 16;

export function deviceCookieName(secure: boolean): string {
  // __Secure- (not __Host-): the cookie is scoped to the sign-in route, which __Host- forbids.
  return secure ? "__Secure-retning.device" : "retning.device";
}

/** Only the sign-in route reads it; no other request carries it. */
export const DEVICE_COOKIE_PATH = "/api/session";

function deviceKey(secret: string): Buffer {
  // Its own key, so a device signature can never be mistaken for another use of AUTH_SECRET.
  return createHmac("sha256", secret).update("retning device cookie v1").digest();
}

function signature(secret: string, email: string, nonce: string): string {
  return createHmac("sha256", deviceKey(secret)).update(`${email.toLowerCase()}\n${nonce}`).digest("base64url");
}

function tokensOf(cookie: string | undefined): string[] {
  return (cookie ?? "").split("~").filter((token) => /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/.test(token)).slice(0, MAX_TOKENS);
}

/** The nonce of this browser's valid token for `email`, or null: it names the device in rate limits. */
export function trustedDeviceFor(cookie: string | undefined, email: string, secret: string): string | null {
  for (const token of tokensOf(cookie)) {
    const [nonce = "", given = ""] = token.split(".");
    const expected = signature(secret, email, nonce);
    if (timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return nonce;
  }
  return null;
}

/** The cookie's new value after `email` signed in: a fresh token for it first, others kept. */
export function withDeviceToken(cookie: string | undefined, email: string, secret: string): string {
  const nonce = randomBytes(NONCE_BYTES).toString("base64url");
  const fresh = `${nonce}.${signature(secret, email, nonce)}`;
  const previous = trustedDeviceFor(cookie, email, secret);
  const others = tokensOf(cookie).filter((token) => !previous || !token.startsWith(`${previous}.`));
  return [fresh, ...others].slice(0, MAX_TOKENS).join("~");
}
