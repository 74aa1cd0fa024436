import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkIns, keyResults } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { keyResultStatus } from "@/lib/okr/progress";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { growOrganisation, reportWorld } from "@/tests/report-world";
import { loadReview, type ReviewSlide } from "./review";

setupTestDatabase();

const DAY = 86_400_000;

// A Monday just after midnight in Oslo (still Sunday in UTC), a Wednesday, and a Sunday just before
// midnight: the review's week is the seven days before now, whichever day the meeting is on.
const MEETINGS = ["2026-12-14T00:30:00+01:00", "2026-12-16T12:00:00Z", "2026-12-20T23:30:00Z"];

describe("loadReview", () => {
  afterEach(unpinClock);

  it.each(MEETINGS)("gives one slide per company objective, then one per team in hierarchy order, with the week's changes (at %s)", async (meeting) => {
    pinClock(meeting);
    const world = await reportWorld("Review");
    const other = await reportWorld("Elsewhere");
    await growOrganisation(other.org.orgId, other.cycle.id, other.org.owner.id, 2);

    const review = await loadReview(world.ctx, world.cycle.id);
    expect(review.cycle.id).toBe(world.cycle.id);
    expect(Date.parse(review.since)).toBeGreaterThan(world.now.getTime() - 7 * DAY - 60_000);
    expect(review.slides.map((slide) => [slide.kind, slide.title])).toEqual([
      ["company", "Delight"],
      ["company", "Grow"],
      ["team", "Commerce"],
      ["team", "Marketing"],
      ["team", "Platform"],
    ]);
    const slide = (title: string) => review.slides.find((candidate) => candidate.title === title) as ReviewSlide;
    expect(slide("Marketing")).toMatchObject({ depth: 1, parentName: "Commerce" });

    // Progress and its change since a week ago, from the history: M1 went from 20 % to 40 %.
    const [m1] = slide("Marketing").objectives;
    expect(m1).toMatchObject({ id: world.objectives.m1, status: "stale" });
    expect(m1?.progress).toBeCloseTo(0.4, 9);
    expect(m1?.progressWeekAgo).toBeCloseTo(0.2, 9);
    expect(m1?.delta).toBeCloseTo(0.2, 9);
    expect(m1?.pace).toBeCloseTo(0.4 - (review.cycle.expected ?? 0), 9);
    // Commerce shows its own objective only; Platform's has no key results.
    expect(slide("Commerce").objectives.map((objective) => objective.id)).toEqual([world.objectives.o1]);
    expect(slide("Platform").objectives[0]?.keyResults).toEqual([]);

    // k4 was on track ten days ago and went off track this week: a new risk, with its value change.
    const k4 = m1?.keyResults.find((kr) => kr.id === world.keyResults.k4);
    expect(k4).toMatchObject({ status: "off_track", statusWeekAgo: "on_track", newRisk: true });
    expect(k4?.week).toEqual({ checkIns: 1, valueBefore: "34", valueAfter: "36", confidenceBefore: "on_track", confidenceAfter: "off_track" });
    // k5's last check-in is ten days old: stale now, not a week ago.
    const k5 = m1?.keyResults.find((kr) => kr.id === world.keyResults.k5);
    expect(k5).toMatchObject({ status: "stale", statusWeekAgo: "on_track", newRisk: true, week: null });

    const grow = slide("Grow").objectives[0];
    const krs = Object.fromEntries((grow?.keyResults ?? []).map((kr) => [kr.id, kr]));
    // k2 was stale a week ago (no check-in for four weeks) and is at risk now: better, not a new risk.
    expect(krs[world.keyResults.k2]).toMatchObject({ status: "at_risk", statusWeekAgo: "stale", newRisk: false });
    expect(krs[world.keyResults.k1]?.week).toMatchObject({ valueBefore: "30", valueAfter: "40", confidenceBefore: null, confidenceAfter: "on_track" });
    // k3 was created today: it has no past, and not having started is no risk.
    expect(krs[world.keyResults.k3]).toMatchObject({ status: "not_started", statusWeekAgo: null, newRisk: false, week: null });

    // Notes of the week only: k4's note of ten days ago is left out.
    expect(m1?.notes.map((note) => note.note)).toEqual(['Open rate, ø and å: "=SUM" dropped']);
    expect(grow?.notes.map((note) => [note.keyResultTitle, note.note])).toEqual([["Grow revenue from 30 to 50", "Revenue up after the sale"]]);
  });

  it("agrees with keyResultStatus() on the status a week ago, for any check-in history", async () => {
    const world = pinClock(MEETINGS[0] ?? "");
    const report = await reportWorld("Past");
    const db = await getDb();
    const then = new Date(world.getTime() - 7 * DAY);
    const samples = fc.sample(
      fc.record({
        checkInHoursAgo: fc.uniqueArray(fc.integer({ min: 1, max: 24 * 30 }), { maxLength: 3 }),
        confidence: fc.constantFrom("on_track", "at_risk", "off_track"),
        createdHoursAgo: fc.integer({ min: 1, max: 24 * 34 }),
      }),
      { numRuns: 25, seed: 3 },
    );
    const mismatches: unknown[] = [];
    for (const sample of samples) {
      const kr = report.keyResults.k6;
      const createdAt = new Date(world.getTime() - sample.createdHoursAgo * 3_600_000);
      const times = sample.checkInHoursAgo.map((hours) => new Date(world.getTime() - hours * 3_600_000));
      await db.delete(checkIns).where(and(eq(checkIns.orgId, report.org.orgId), eq(checkIns.keyResultId, kr)));
      if (times.length > 0) {
        await db.insert(checkIns).values(
          times.map((at) => ({ orgId: report.org.orgId, id: randomUUID(), keyResultId: kr, authorUserId: report.org.owner.id, value: "40", previousValue: "30", confidence: sample.confidence, note: "", createdAt: at })),
        );
      }
      await db.update(keyResults).set({ createdAt }).where(and(eq(keyResults.orgId, report.org.orgId), eq(keyResults.id, kr)));
      const review = await loadReview(report.ctx, report.cycle.id);
      const found = review.slides.flatMap((slide) => slide.objectives.flatMap((objective) => objective.keyResults)).find((row) => row.id === kr);
      const lastBefore = times.filter((at) => at <= then).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      const want =
        createdAt > then ? null : keyResultStatus({ lastCheckInAt: lastBefore, lastConfidence: lastBefore ? sample.confidence : null, createdAt }, report.cycle, then);
      if (found?.statusWeekAgo !== want) mismatches.push({ sample, sql: found?.statusWeekAgo, ts: want });
    }
    expect(mismatches).toEqual([]);
  });

  it("answers a cycle of another organisation with not_found", async () => {
    const world = await reportWorld("Own");
    const other = await reportWorld("Foreign");
    await expect(loadReview(world.ctx, other.cycle.id)).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
  });

  it("sends the same number of queries for a small and a much larger organisation", async () => {
    const small = await reportWorld("Tiny");
    const large = await reportWorld("Huge");
    await growOrganisation(large.org.orgId, large.cycle.id, large.org.owner.id, 40);
    const smallLoad = await countQueries(() => loadReview(small.ctx, small.cycle.id));
    const largeLoad = await countQueries(() => loadReview(large.ctx, large.cycle.id));
    expect(largeLoad.result.slides.length).toBe(2 + 40 + 3 + 40);
    expect(smallLoad.count).toBe(largeLoad.count);
    expect(smallLoad.count).toBe(6);
  });
});
