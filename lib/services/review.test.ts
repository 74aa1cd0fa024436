import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { keyResultStatus } from "@/lib/okr/progress";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { growOrganisation, reportWorld } from "@/tests/report-world";
import { loadReview, type ReviewSlide } from "./review";

setupTestDatabase();

const DAY = 86_400_000;

describe("loadReview", () => {
  it("gives one slide per company objective, then one per team in hierarchy order, with the week's changes", async () => {
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

  it("agrees with keyResultStatus() on the status a week ago", async () => {
    const world = await reportWorld("Past");
    const review = await loadReview(world.ctx, world.cycle.id);
    const then = new Date(world.now.getTime() - 7 * DAY);
    const startedAt = new Date(world.cycle.startDate);
    const cases = [
      // k4: last check-in before then was ten days ago, on track.
      { id: world.keyResults.k4, input: { lastCheckInAt: new Date(world.now.getTime() - 10 * DAY), lastConfidence: "on_track" as const, createdAt: startedAt } },
      // k1: no check-in before then, created when the cycle started.
      { id: world.keyResults.k1, input: { lastCheckInAt: null, lastConfidence: null, createdAt: startedAt } },
    ];
    const all = review.slides.flatMap((slide) => slide.objectives.flatMap((objective) => objective.keyResults));
    for (const { id, input } of cases) {
      expect(all.find((kr) => kr.id === id)?.statusWeekAgo).toBe(keyResultStatus(input, world.cycle, then));
    }
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
