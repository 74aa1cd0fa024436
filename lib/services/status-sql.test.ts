import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycles, keyResults } from "@/db/schema";
import { expectedProgress, keyResultStatus, statusSeverity, type Status } from "@/lib/okr/progress";
import { setupTestDatabase } from "@/tests/db";
import { insertOrganisationWithGoal } from "@/tests/fixtures";
import { expectedProgressSql, instantSql, keyResultSeveritySql, keyResultStatusSql } from "./status-sql";

setupTestDatabase();

const confidences = [null, "on_track", "at_risk", "off_track"] as const;
const cycleStatuses = ["planning", "active", "closed"] as const;
const base = Date.parse("2026-10-01T00:00:00Z");
const DAY = 86_400_000;

describe("status in SQL", () => {
  it("agrees with keyResultStatus() for any check-in history, creation time, cycle state and moment", async () => {
    const db = await getDb();
    const world = await insertOrganisationWithGoal(db, "status");
    const samples = fc.sample(
      fc.record({
        cycleStatus: fc.constantFrom(...cycleStatuses),
        lastCheckInOffsetHours: fc.option(fc.integer({ min: -24 * 30, max: 24 * 120 })),
        createdOffsetHours: fc.integer({ min: -24 * 30, max: 24 * 100 }),
        confidence: fc.constantFrom(...confidences),
        nowOffsetHours: fc.integer({ min: 0, max: 24 * 120 }),
      }),
      { numRuns: 150, seed: 42 },
    );
    const mismatches: unknown[] = [];
    for (const sample of samples) {
      const lastCheckInAt = sample.lastCheckInOffsetHours === null ? null : new Date(base + sample.lastCheckInOffsetHours * 3_600_000);
      const createdAt = new Date(base + sample.createdOffsetHours * 3_600_000);
      const now = new Date(base + sample.nowOffsetHours * 3_600_000);
      await db.update(cycles).set({ status: sample.cycleStatus }).where(eq(cycles.id, world.cycle.id));
      await db
        .update(keyResults)
        .set({ lastCheckInAt, createdAt, lastConfidence: sample.confidence })
        .where(eq(keyResults.id, world.keyResult.id));
      const [row] = await db
        .select({
          status: keyResultStatusSql(now),
          severity: keyResultSeveritySql(now),
        })
        .from(keyResults)
        .innerJoin(cycles, and(eq(cycles.orgId, keyResults.orgId), eq(cycles.id, world.cycle.id)))
        .where(eq(keyResults.id, world.keyResult.id));
      const expected: Status = keyResultStatus(
        { lastCheckInAt, lastConfidence: sample.confidence, createdAt },
        { status: sample.cycleStatus, startDate: world.cycle.startDate },
        now,
      );
      if (row?.status !== expected || Number(row.severity) !== statusSeverity[expected]) {
        mismatches.push({ sample, sql: row?.status, severity: row?.severity, ts: expected });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("computes expected progress as expectedProgress() does", async () => {
    const db = await getDb();
    const world = await insertOrganisationWithGoal(db, "expected");
    for (const offsetDays of [-3, 0, 0.5, 30, 45.25, 91, 92, 120]) {
      const now = new Date(base + offsetDays * DAY);
      const [row] = await db
        .select({ expected: expectedProgressSql(instantSql(now)) })
        .from(cycles)
        .where(eq(cycles.id, world.cycle.id));
      expect(Number(row?.expected)).toBeCloseTo(expectedProgress(world.cycle, now), 9);
    }
  });
});
