import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export type LinkPurpose = "invitation" | "password_reset" | "sign_up" | "unsubscribe";

/**
 * The secret of a link sent by email, derived from AUTH_SECRET and a random nonce kept with the
 * message. Only the SHA-256 of the secret is stored beside the thing it unlocks, and the outbox
 * keeps the nonce, not the secret: a copy of the database alone opens nothing, and a message that
 * waits in the outbox (no mail server yet, a retry) can still be sent with the same link.
 */
export function linkSecret(purpose: LinkPurpose, nonce: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`${purpose}:${nonce}`).digest("base64url");
}

/** Builds a link from APP_URL, never from a request's Host header. */
export function appLink(path: string): string {
  return `${env().appUrl}${path.startsWith("/") ? path : `/${path}`}`;
}
