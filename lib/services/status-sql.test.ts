import fc from "fast-check";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycles, keyResults } from "@/db/schema";
import { expectedProgress, keyResultStatus, statusSeverity, type Status } from "@/lib/okr/progress";
import { checkedInThisWeek, weekStart } from "@/lib/okr/week";
import { setupTestDatabase } from "@/tests/db";
import { insertOrganisationWithGoal } from "@/tests/fixtures";
import { checkedInThisWeekSql, expectedProgressSql, instantSql, keyResultSeveritySql, keyResultStatusSql, weekStartSql } from "./status-sql";

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

  it("finds this week's Monday and this week's check-ins as lib/okr/week.ts does, in any session time zone", async () => {
    const db = await getDb();
    await insertOrganisationWithGoal(db, "week");
    const samples = fc.sample(
      fc.record({
        // Around the DST changes of 2027 and a year's end, where a session's time zone would move the week.
        at: fc.date({ min: new Date("2026-12-20T00:00:00Z"), max: new Date("2027-11-10T00:00:00Z"), noInvalidDate: true }),
        lastCheckInHoursBefore: fc.option(fc.integer({ min: -48, max: 24 * 10 })),
        timeZone: fc.constantFrom("UTC", "Europe/Oslo", "America/St_Johns", "Pacific/Kiritimati"),
      }),
      { numRuns: 120, seed: 7 },
    );
    const mismatches: unknown[] = [];
    for (const { at, lastCheckInHoursBefore, timeZone } of samples) {
      const lastCheckInAt = lastCheckInHoursBefore === null ? null : new Date(at.getTime() - lastCheckInHoursBefore * 3_600_000);
      const [row] = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('timezone', ${timeZone}, true)`);
        return tx
          .select({
            monday: sql<string>`to_char(${weekStartSql(instantSql(at))} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`,
            checkedIn: checkedInThisWeekSql(at, sql`${lastCheckInAt?.toISOString() ?? null}::timestamptz`),
          })
          .from(cycles)
          .limit(1);
      });
      const monday = weekStart(at).toISOString().slice(0, 19);
      if (row?.monday !== monday || row.checkedIn !== checkedInThisWeek(lastCheckInAt, at)) {
        mismatches.push({ at, lastCheckInAt, timeZone, sql: row, ts: { monday, checkedIn: checkedInThisWeek(lastCheckInAt, at) } });
      }
    }
    expect(mismatches).toEqual([]);
  });
});
