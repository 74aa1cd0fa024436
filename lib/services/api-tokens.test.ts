import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { afterEach, describe, expect, it } from "vitest";
import { pinClock, unpinClock } from "@/lib/clock";
import { withoutTenant, withTenant } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { newOrganisation } from "@/tests/world";
import {
  apiTokenRequests,
  authenticateApiToken,
  createApiToken,
  listMyApiTokens,
  listOrganisationApiTokens,
  revokeMyApiToken,
  revokeOrganisationApiToken,
} from "./api-tokens";
import { changeRole, removeMember } from "./members";

const getDb = setupTestDatabase();

afterEach(() => unpinClock());

describe("API tokens", () => {
  it("are shown once, stored as a SHA-256 hash, and authenticate as their person in their organisation", async () => {
    const org = await newOrganisation();
    const { token, secret } = await createApiToken(org.owner.id, { org: org.slug, name: "Sales sync", scope: "read_write", expiresInDays: 90 });
    expect(secret).toMatch(/^rtn_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Sales sync", scope: "read_write", orgSlug: org.slug, prefix: secret.slice(0, 12), lastUsedAt: null, expired: false });

    const db = await getDb();
    const stored = rowsOf(await db.execute(sql`select * from api_tokens where id = ${token.id}`));
    expect(stored).toMatchObject([{ token_hash: createHash("sha256").update(secret).digest("hex") }]);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));

    const identity = await authenticateApiToken(secret);
    expect(identity).toMatchObject({ tokenId: token.id, orgId: org.orgId, scope: "read_write", user: { id: org.owner.id } });
    expect(identity?.rateLimit).toEqual({ limit: apiTokenRequests.points, remaining: apiTokenRequests.points - 1 });
    const [listed] = await listMyApiTokens(org.owner.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuse what is malformed, unknown, revoked or expired, all alike", async () => {
    const org = await newOrganisation();
    expect(await authenticateApiToken("rtn_short")).toBeNull();
    expect(await authenticateApiToken(`rtn_${"A".repeat(43)}`)).toBeNull();
    expect(await authenticateApiToken(`xyz_${"A".repeat(43)}`)).toBeNull();

    const revoked = await createApiToken(org.owner.id, { org: org.slug, name: "Old", scope: "read", expiresInDays: null });
    await revokeMyApiToken(org.owner.id, revoked.token.id);
    expect(await authenticateApiToken(revoked.secret)).toBeNull();
    expect(await listMyApiTokens(org.owner.id)).toEqual([]);

    pinClock("2026-03-01T12:00:00Z");
    const week = await createApiToken(org.owner.id, { org: org.slug, name: "A week", scope: "read", expiresInDays: 7 });
    expect(week.token.expiresAt?.toISOString()).toBe("2026-03-08T12:00:00.000Z");
    pinClock("2026-03-08T11:59:59Z");
    expect(await authenticateApiToken(week.secret)).not.toBeNull();
    pinClock("2026-03-08T12:00:00Z");
    expect(await authenticateApiToken(week.secret)).toBeNull();
    expect(await listMyApiTokens(org.owner.id)).toMatchObject([{ name: "A week", expired: true }]);
  });

  it("are made only for an organisation the person belongs to", async () => {
    const org = await newOrganisation();
    const other = await newOrganisation();
    const error = await appError(createApiToken(org.owner.id, { org: other.slug, name: "Sneaky", scope: "read", expiresInDays: 30 }));
    expect(error).toMatchObject({ code: "validation_failed", fields: { org: ["validation.invalid"] } });
  });

  it("stop working when their person leaves the organisation, and follow the person's current role", async () => {
    const org = await newOrganisation();
    const { user, ctx } = await org.join("admin", "Ada");
    const { secret, token } = await createApiToken(user.id, { org: org.slug, name: "Script", scope: "read_write", expiresInDays: null });
    await changeRole(org.ownerCtx, user.id, "member");
    // The role is not on the token: lib/http.ts resolves the membership as it stands on each request.
    expect(await authenticateApiToken(secret)).toMatchObject({ tokenId: token.id });
    await removeMember(org.ownerCtx, user.id);
    expect(await authenticateApiToken(secret)).toBeNull();
    expect(ctx.role).toBe("admin");
  });

  it("are listed and revoked by admins for the whole organisation, and by nobody else", async () => {
    const org = await newOrganisation();
    const member = await org.join("member", "Mia");
    const mine = await createApiToken(member.user.id, { org: org.slug, name: "Mia's", scope: "read", expiresInDays: 30 });
    const listed = await listOrganisationApiTokens(org.ownerCtx);
    expect(listed).toMatchObject([{ id: mine.token.id, ownerUserId: member.user.id, ownerName: "Mia" }]);
    expect((await appError(listOrganisationApiTokens(member.ctx))).code).toBe("forbidden");
    expect((await appError(revokeOrganisationApiToken(member.ctx, mine.token.id))).code).toBe("forbidden");

    // Another organisation's admin finds nothing to revoke, nor can anyone revoke a token not theirs.
    const other = await newOrganisation();
    expect((await appError(revokeOrganisationApiToken(other.ownerCtx, mine.token.id))).code).toBe("not_found");
    expect((await appError(revokeMyApiToken(org.owner.id, mine.token.id))).code).toBe("not_found");
    expect(await listOrganisationApiTokens(other.ownerCtx)).toEqual([]);

    await revokeOrganisationApiToken(org.ownerCtx, mine.token.id);
    expect(await authenticateApiToken(mine.secret)).toBeNull();
  });

  it("are invisible to row-level security without the organisation, the person, or the secret's hash", async () => {
    const org = await newOrganisation();
    const other = await newOrganisation();
    await createApiToken(org.owner.id, { org: org.slug, name: "Hidden", scope: "read", expiresInDays: 30 });
    const query = sql`select count(*)::int as n from api_tokens`;
    expect(rowsOf(await withoutTenant((tx) => tx.execute(query)))).toEqual([{ n: 0 }]);
    expect(rowsOf(await withTenant(other.ownerCtx, (tx) => tx.execute(query)))).toEqual([{ n: 0 }]);
    expect(rowsOf(await withTenant(org.ownerCtx, (tx) => tx.execute(query)))).toEqual([{ n: 1 }]);
  });

  it("count requests per token and answer 429 with Retry-After past the limit", async () => {
    const org = await newOrganisation();
    const { secret } = await createApiToken(org.owner.id, { org: org.slug, name: "Busy", scope: "read", expiresInDays: 30 });
    const other = await createApiToken(org.owner.id, { org: org.slug, name: "Calm", scope: "read", expiresInDays: 30 });
    for (let i = 0; i < apiTokenRequests.points; i++) await authenticateApiToken(secret);
    const error = await appError(authenticateApiToken(secret));
    expect(error.code).toBe("rate_limited");
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
    // Each token has its own budget.
    expect(await authenticateApiToken(other.secret)).not.toBeNull();
  });
});
