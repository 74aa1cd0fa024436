import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cycles } from "@/db/schema";
import { expectedProgress } from "@/lib/okr/progress";
import { utcDay, weekStart } from "@/lib/okr/week";
import { setupTestDatabase } from "@/tests/db";
import { insertOrganisationWithGoal } from "@/tests/fixtures";
import { cycleCte, weeksCte } from "./report-sql";
import { parseRows } from "./sql-rows";

setupTestDatabase();

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const weekRow = z.object({ week: z.string(), expected: z.number().nullable() });

/**
 * What weeksCte() must answer, written from the rules of lib/okr: the Mondays (UTC) from the
 * cycle's first week, or `limit` weeks back, to the week of `at` (or of the cycle's last day, when
 * it has ended), each with expectedProgress() at the week's end or at `at`, whichever is first.
 */
function expectedWeeks(cycle: { startDate: string; endDate: string; status: string }, at: Date, limit: number) {
  const endDay = new Date(`${cycle.endDate}T00:00:00Z`);
  const last = weekStart(at < endDay ? at : endDay).getTime();
  const first = Math.max(weekStart(new Date(`${cycle.startDate}T00:00:00Z`)).getTime(), last - (limit - 1) * WEEK);
  const weeks: Array<{ week: string; expected: number | null }> = [];
  for (let week = first; week <= last; week += WEEK) {
    const end = new Date(Math.min(week + WEEK, at.getTime()));
    weeks.push({ week: utcDay(new Date(week)), expected: cycle.status === "closed" ? null : expectedProgress(cycle, end) });
  }
  return weeks;
}

describe("the reports' SQL building blocks", () => {
  it("list the cycle's weeks and their expected progress as the rules of lib/okr do, in any session time zone", async () => {
    const db = await getDb();
    const world = await insertOrganisationWithGoal(db, "weeks");
    const samples = fc.sample(
      fc.record({
        startOffsetDays: fc.integer({ min: 0, max: 500 }),
        lengthDays: fc.integer({ min: 2, max: 120 }),
        atOffsetHours: fc.integer({ min: -24 * 20, max: 24 * 150 }),
        status: fc.constantFrom("planning", "active", "closed"),
        limit: fc.constantFrom(1, 8, 53),
        timeZone: fc.constantFrom("UTC", "Europe/Oslo", "America/Los_Angeles"),
      }),
      { numRuns: 80, seed: 11 },
    );
    const mismatches: unknown[] = [];
    for (const sample of samples) {
      const start = new Date(Date.parse("2026-09-01T00:00:00Z") + sample.startOffsetDays * DAY);
      const cycle = { startDate: utcDay(start), endDate: utcDay(new Date(start.getTime() + (sample.lengthDays - 1) * DAY)), status: sample.status };
      const at = new Date(start.getTime() + sample.atOffsetHours * 3_600_000);
      await db.update(cycles).set(cycle).where(eq(cycles.id, world.cycle.id));
      const rows = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('timezone', ${sample.timeZone}, true)`);
        return parseRows(
          weekRow,
          await tx.execute(sql`with ${cycleCte({ orgId: world.org.id }, world.cycle.id, at)}, ${weeksCte(sample.limit, at)}
            select week::text as week, expected from weeks order by week`),
        );
      });
      const want = expectedWeeks(cycle, at, sample.limit);
      const agrees =
        rows.length === want.length &&
        rows.every((row, i) => row.week === want[i]?.week && (row.expected === null ? want[i]?.expected === null : Math.abs(row.expected - (want[i]?.expected ?? NaN)) < 1e-9));
      if (!agrees) mismatches.push({ sample, cycle, at, sql: rows, ts: want });
    }
    expect(mismatches).toEqual([]);
  });

  it("give the cycle's expected progress at the given instant, and none unless it is active", async () => {
    const db = await getDb();
    const world = await insertOrganisationWithGoal(db, "expected");
    for (const status of ["planning", "active", "closed"] as const) {
      await db.update(cycles).set({ status }).where(eq(cycles.id, world.cycle.id));
      for (const at of [new Date("2026-09-30T23:00:00Z"), new Date("2026-11-15T06:00:00Z"), new Date("2027-01-02T00:00:00Z")]) {
        const [row] = parseRows(
          z.object({ expected: z.number().nullable() }),
          await db.execute(sql`with ${cycleCte({ orgId: world.org.id }, world.cycle.id, at)} select expected::float8 as expected from cyc`),
        );
        expect(row?.expected ?? null).toBe(status === "active" ? expectedProgress(world.cycle, at) : null);
      }
    }
  });
});
