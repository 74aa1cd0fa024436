import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { apiTokens, memberships, organisations, users } from "@/db/schema";
import { hashSecret } from "@/lib/auth/invitation-token";
import { consume, type Limit } from "@/lib/auth/rate-limit";
import { now } from "@/lib/clock";
import { apiTokenScopes, type ApiTokenScope, type Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withoutTenant, withTenant, withUser } from "@/lib/tenant-scope";
import type { NewApiTokenInput } from "@/lib/validation/api-tokens";
import { authorize } from "./guard";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";

/** `rtn_` and 32 random bytes in base64url: recognisable in a leaked log, unguessable. */
const TOKEN_PATTERN = /^rtn_[A-Za-z0-9_-]{43}$/;
/** Shown beside the name so people can tell their tokens apart; says nothing useful about the rest. */
const PREFIX_LENGTH = 12;
/** More than anyone needs; a ceiling so a script gone wrong cannot fill the table. */
const MAX_TOKENS_PER_MEMBERSHIP = 50;
/** A token's last use is stamped at most this often, so a busy script does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Per token, shared by every app instance (the counter lives in Postgres). */
export const apiTokenRequests: Limit = { points: 300, windowSeconds: 60 };

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  /** Its expiry has passed: listed so the person sees why a script stopped, but it works no more. */
  expired: boolean;
}

export interface MyApiToken extends ApiTokenSummary {
  orgSlug: string;
  orgName: string;
}

export interface OrganisationApiToken extends ApiTokenSummary {
  ownerUserId: string;
  ownerName: string;
  ownerEmail: string;
}

const apiTokenSummaryJson = z.object({
  id: idJson,
  name: z.string(),
  scope: z.enum(apiTokenScopes),
  prefix: z.string(),
  createdAt: timestampJson,
  lastUsedAt: timestampJson.nullable(),
  expiresAt: timestampJson.nullable(),
  expired: z.boolean(),
});
export const myApiTokenJson = documents<MyApiToken>()(apiTokenSummaryJson.extend({ orgSlug: z.string(), orgName: z.string() }));
export const organisationApiTokenJson = documents<OrganisationApiToken>()(
  apiTokenSummaryJson.extend({ ownerUserId: idJson, ownerName: z.string(), ownerEmail: z.string() }),
);

/** Who a request's bearer token acts as, and in which organisation. */
export interface ApiTokenIdentity {
  tokenId: string;
  orgId: string;
  scope: ApiTokenScope;
  user: { id: string; name: string; email: string; locale: Locale };
  /** Requests left in this token's current window, and the window's size. */
  rateLimit: { limit: number; remaining: number };
}

const summaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};

const withExpiry = <T extends { expiresAt: Date | null }>(row: T, at: Date): T & { expired: boolean } => ({
  ...row,
  expired: row.expiresAt !== null && row.expiresAt <= at,
});

/**
 * A new token for one of the person's organisations. The secret is returned this once; only its
 * SHA-256 is stored, so nobody (admins and database readers included) can show it again.
 */
export async function createApiToken(userId: string, input: NewApiTokenInput): Promise<{ token: MyApiToken; secret: string }> {
  const secret = `rtn_${randomBytes(32).toString("base64url")}`;
  const at = now();
  const expiresAt = input.expiresInDays === null ? null : new Date(at.getTime() + input.expiresInDays * 86_400_000);
  return withUser(userId, async (tx) => {
    const [membership] = await tx
      .select({
        orgId: organisations.id,
        orgSlug: organisations.slug,
        orgName: organisations.name,
        tokens: sql<number>`(select count(*)::int from ${apiTokens} where ${apiTokens.orgId} = ${organisations.id}
          and ${apiTokens.userId} = ${userId} and ${apiTokens.revokedAt} is null)`,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), eq(organisations.slug, input.org)));
    if (!membership) throw new AppError("validation_failed", "errors.validation", { org: ["validation.invalid"] });
    if (membership.tokens >= MAX_TOKENS_PER_MEMBERSHIP) throw new AppError("validation_failed", "errors.validation", { name: ["validation.tooManyTokens"] });
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: membership.orgId,
        userId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashSecret(secret),
        prefix: secret.slice(0, PREFIX_LENGTH),
        createdAt: at,
        expiresAt,
      })
      .returning(summaryColumns);
    if (!row) throw new Error("The token was not stored.");
    return { token: { ...withExpiry(row, at), orgSlug: membership.orgSlug, orgName: membership.orgName }, secret };
  });
}

/** The person's own tokens in every organisation, newest first; revoked ones are gone. */
export async function listMyApiTokens(userId: string): Promise<MyApiToken[]> {
  const at = now();
  const rows = await withUser(userId, (tx) =>
    tx
      .select({ ...summaryColumns, orgSlug: organisations.slug, orgName: organisations.name })
      .from(apiTokens)
      .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(MAX_TOKENS_PER_MEMBERSHIP * 10),
  );
  return rows.map((row) => withExpiry(row, at));
}

export async function revokeMyApiToken(userId: string, tokenId: string): Promise<void> {
  const [row] = await withUser(userId, (tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: now() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  );
  if (!row) throw new AppError("not_found", "errors.not_found");
}

/** For admins: every live token of the organisation, with whose it is. */
export async function listOrganisationApiTokens(ctx: TenantContext): Promise<OrganisationApiToken[]> {
  authorize(ctx, "apiToken.manage");
  const at = now();
  const rows = await withTenant(ctx, (tx) =>
    tx
      .select({ ...summaryColumns, ownerUserId: users.id, ownerName: users.name, ownerEmail: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.orgId, ctx.orgId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(500),
  );
  return rows.map((row) => withExpiry(row, at));
}

export async function revokeOrganisationApiToken(ctx: TenantContext, tokenId: string): Promise<void> {
  authorize(ctx, "apiToken.manage");
  const [row] = await withTenant(ctx, (tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: now() })
      .where(and(eq(apiTokens.orgId, ctx.orgId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  );
  if (!row) throw new AppError("not_found", "errors.not_found");
}

/**
 * The identity behind `Authorization: Bearer rtn_…`, or null for a token that is malformed,
 * unknown, revoked or expired (all answered alike). Counts the request against the token's rate
 * limit (429 past it) and stamps its last use, in the same transaction as the lookup. The
 * organisation and role are not taken from the token: the caller resolves the membership as it
 * stands now, so a changed role applies at once and a removed member's tokens are gone with the
 * membership (foreign key).
 */
export async function authenticateApiToken(secret: string): Promise<ApiTokenIdentity | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const hash = hashSecret(secret);
  const at = now();
  const found = await withoutTenant(async (tx) => {
    // The row-level security policy lets this transaction see the one token whose hash it names.
    await tx.execute(sql`select set_config('app.token_hash', ${hash}, true)`);
    const [row] = await tx
      .select({
        tokenId: apiTokens.id,
        orgId: apiTokens.orgId,
        scope: apiTokens.scope,
        lastUsedAt: apiTokens.lastUsedAt,
        userId: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, at))));
    if (!row) return null;
    const limit = await consume(`api-token:${row.tokenId}`, apiTokenRequests);
    if (limit.allowed && (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)) {
      await tx
        .update(apiTokens)
        .set({ lastUsedAt: at })
        .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, at))));
    }
    return { row, limit };
  });
  if (!found) return null;
  const { row, limit } = found;
  // Thrown after the transaction, so the request it counted stays counted.
  if (!limit.allowed) throw new AppError("rate_limited", "errors.rate_limited", undefined, { retryAfterSeconds: limit.retryAfterSeconds });
  return {
    tokenId: row.tokenId,
    orgId: row.orgId,
    scope: row.scope,
    user: { id: row.userId, name: row.name, email: row.email, locale: row.locale },
    rateLimit: { limit: apiTokenRequests.points, remaining: limit.remaining },
  };
}
