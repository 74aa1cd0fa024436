import { randomBytes } from "node:crypto";
import type { AccountIdentity } from "@/lib/services/accounts";

interface Grant {
  identity: AccountIdentity;
  expiresAt: number;
}

// Kept on globalThis so the route handler and Auth.js's authorize see the same map in every bundle.
const store = globalThis as typeof globalThis & { __retningGrants?: Map<string, Grant> };
const grants = (store.__retningGrants ??= new Map());

/**
 * A single-use, seconds-long token that stands for credentials already verified by our own route
 * handler, so the password is checked once (with rate limits before it), not again in authorize.
 */
export function issueGrant(identity: AccountIdentity): string {
  const token = randomBytes(32).toString("base64url");
  grants.set(token, { identity, expiresAt: Date.now() + 10_000 });
  return token;
}

export function redeemGrant(token: unknown): AccountIdentity | null {
  if (typeof token !== "string") return null;
  const grant = grants.get(token);
  grants.delete(token);
  return grant && grant.expiresAt > Date.now() ? grant.identity : null;
}
