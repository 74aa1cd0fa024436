import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An invitation link's token: the organisation's id (not secret; it lets the link be looked up
 * inside that tenant) and 32 random bytes, of which only the SHA-256 is stored.
 */
export function newInvitationToken(orgId: string, secret = randomBytes(32).toString("base64url")): { token: string; hash: string } {
  return { token: invitationTokenFor(orgId, secret), hash: hashSecret(secret) };
}

/** The link's token for a given secret (43 base64url characters). */
export function invitationTokenFor(orgId: string, secret: string): string {
  const org = Buffer.from(orgId.replace(/-/g, ""), "hex").toString("base64url");
  return `${org}.${secret}`;
}

export function parseInvitationToken(token: string): { orgId: string; hash: string } | null {
  const [org, secret, ...rest] = token.split(".");
  if (!org || !secret || rest.length > 0 || secret.length !== 43) return null;
  const hex = Buffer.from(org, "base64url").toString("hex");
  if (hex.length !== 32) return null;
  const orgId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { orgId, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
