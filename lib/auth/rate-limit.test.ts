import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { assertNotLimited, countFailure, enforce, reset } from "./rate-limit";

setupTestDatabase();

const limit = { points: 3, windowSeconds: 900 };

describe("rate limits", () => {
  it("let failures through up to the limit, then answer 429 with the seconds to wait", async () => {
    const key = `test:${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await assertNotLimited([key, limit]);
      await countFailure([key, limit]);
    }
    const refused = await appError(assertNotLimited([key, limit]));
    expect(refused.status).toBe(429);
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(800);
  });

  it("forget a key on success, and start a new window when the old one ends", async () => {
    const key = `test:${randomUUID()}`;
    await countFailure([key, limit], [key, limit], [key, limit]);
    await reset(key);
    await expect(assertNotLimited([key, limit])).resolves.toBeUndefined();
    await countFailure([key, limit], [key, limit], [key, limit]);
    const db = await getDb();
    await db.update(rateLimits).set({ resetAt: sql`now() - interval '1 second'` }).where(eq(rateLimits.key, key));
    await expect(assertNotLimited([key, limit])).resolves.toBeUndefined();
    await countFailure([key, limit]);
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(row?.points).toBe(1);
  });

  it("count every attempt for actions limited by attempts, and keep keys apart", async () => {
    const key = `test:${randomUUID()}`;
    const other = `test:${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt++) await enforce([key, limit]);
    expect((await appError(enforce([key, limit], [other, limit]))).status).toBe(429);
    await expect(assertNotLimited([other, limit])).resolves.toBeUndefined();
  });
});
