import { sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withoutTenant } from "@/lib/tenant-scope";

export interface Limit {
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
}

/**
 * The limits of ASVS 6.3.1: enough for a person who mistypes, far too few for guessing. Limits on
 * secrets (passwords, invitation links) count failures only, so an office behind one address can
 * sign in all at once; sign-up counts every attempt. Addresses are the connection's own (or what
 * a trusted proxy vouches for: lib/client-address.ts), so a rotated X-Forwarded-For moves nobody
 * to a fresh bucket; the global ceiling caps a spray from many real addresses at once. A browser
 * that signed in to the account before is limited on its own (lib/auth/device-cookie.ts).
 */
export const limits = {
  signInFailuresPerIp: { points: 50, windowSeconds: 15 * 60 },
  signInFailuresPerAccount: { points: 10, windowSeconds: 15 * 60 },
  signInFailuresGlobal: { points: 1000, windowSeconds: 15 * 60 },
  signInFailuresPerDevice: { points: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { points: 20, windowSeconds: 60 * 60 },
  invitationFailuresPerIp: { points: 30, windowSeconds: 15 * 60 },
  passwordChangeFailuresPerAccount: { points: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

export interface LimitState {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against `key` in a fixed window kept in Postgres, so every app instance
 * shares the count. One statement: the upsert starts a new window when the old one has ended.
 */
export async function consume(key: string, limit: Limit): Promise<LimitState> {
  const [row] = await withoutTenant((tx) =>
    tx
      .insert(rateLimits)
      .values({ key, points: 1, resetAt: sql`now() + make_interval(secs => ${limit.windowSeconds})` })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.points} + 1 end`,
          resetAt: sql`case when ${rateLimits.resetAt} <= now() then now() + make_interval(secs => ${limit.windowSeconds}) else ${rateLimits.resetAt} end`,
        },
      })
      .returning({
        points: rateLimits.points,
        retryAfter: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimits.resetAt} - now())))::int`,
      }),
  );
  const points = row?.points ?? 1;
  return { allowed: points <= limit.points, remaining: Math.max(0, limit.points - points), retryAfterSeconds: row?.retryAfter ?? 1 };
}

/** How many points a key has used in its current window, without using one. */
async function used(key: string): Promise<{ points: number; retryAfterSeconds: number }> {
  const [row] = await withoutTenant((tx) =>
    tx
      .select({
        points: rateLimits.points,
        retryAfter: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimits.resetAt} - now())))::int`,
      })
      .from(rateLimits)
      .where(sql`${rateLimits.key} = ${key} and ${rateLimits.resetAt} > now()`),
  );
  return { points: row?.points ?? 0, retryAfterSeconds: row?.retryAfter ?? 0 };
}

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", "errors.rate_limited", undefined, { retryAfterSeconds });
}

/** Refuses with 429 (and Retry-After) if any key has used up its limit; uses nothing itself. */
export async function assertNotLimited(...checks: Array<[key: string, limit: Limit]>): Promise<void> {
  let retryAfter = 0;
  for (const [key, limit] of checks) {
    const state = await used(key);
    if (state.points >= limit.points) retryAfter = Math.max(retryAfter, state.retryAfterSeconds);
  }
  if (retryAfter > 0) throw rateLimited(retryAfter);
}

/** Counts a failed attempt (a wrong password, an unknown link) against every key. */
export async function countFailure(...checks: Array<[key: string, limit: Limit]>): Promise<void> {
  for (const [key, limit] of checks) await consume(key, limit);
}

/** Forgets a key's count, e.g. a person's failed sign-ins once they sign in. */
export async function reset(key: string): Promise<void> {
  await withoutTenant((tx) => tx.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`));
}

/** Consumes every key and refuses with 429 (and Retry-After) if any is over its limit. */
export async function enforce(...checks: Array<[key: string, limit: Limit]>): Promise<void> {
  let retryAfter = 0;
  for (const [key, limit] of checks) {
    const state = await consume(key, limit);
    if (!state.allowed) retryAfter = Math.max(retryAfter, state.retryAfterSeconds);
  }
  if (retryAfter > 0) throw rateLimited(retryAfter);
}
