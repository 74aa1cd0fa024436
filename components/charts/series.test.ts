import { describe, expect, it } from "vitest";
import { DAY_MS, dayEnd, expectedValueAt, keyResultSeries, progressSeries } from "./series";

const cycle = { startDate: "2026-10-01", endDate: "2026-12-31" };
const start = Date.parse("2026-10-01T00:00:00Z");

describe("chart series", () => {
  it("draws a key result from its start value at the cycle's start, then each check-in in time order", () => {
    const series = keyResultSeries({
      direction: "increase",
      startValue: "10",
      targetValue: "50",
      dueDate: "2026-12-31",
      cycle,
      checkIns: [
        { value: "30", createdAt: "2026-11-01T10:00:00Z" },
        { value: "20", createdAt: "2026-10-15T10:00:00Z" },
      ],
    });
    expect(series.actual.map((point) => point.value)).toEqual([10, 20, 30]);
    expect(series.actual[0]).toMatchObject({ t: start, start: true });
    expect(series.expected).toEqual([
      { t: start, value: 10 },
      { t: dayEnd("2026-12-31"), value: 50 },
    ]);
    expect(series.threshold).toBeNull();
    expect(series.domainY[0]).toBeLessThan(10);
    expect(series.domainY[1]).toBeGreaterThan(50);
  });

  it("draws a threshold for stay above and nothing expected for a milestone", () => {
    const hold = keyResultSeries({ direction: "stay_above", startValue: "4.6", targetValue: "4.5", dueDate: "2026-12-31", cycle, checkIns: [] });
    expect([hold.expected, hold.threshold]).toEqual([null, 4.5]);
    const milestone = keyResultSeries({ direction: "milestone", startValue: "0", targetValue: "1", dueDate: "2026-11-15", cycle, checkIns: [{ value: "1", createdAt: "2026-11-02T09:00:00Z" }] });
    expect([milestone.expected, milestone.threshold, milestone.domainY]).toEqual([null, null, [0, 1]]);
  });

  it("expects the straight line's value between the cycle's start and the due date", () => {
    const kr = { startValue: "12", targetValue: "4", dueDate: "2026-10-10", cycle };
    expect(expectedValueAt(kr, start)).toBe(12);
    expect(expectedValueAt(kr, start + 5 * DAY_MS)).toBeCloseTo(8, 6);
    expect(expectedValueAt(kr, start + 40 * DAY_MS)).toBe(4);
  });

  it("carries an objective's progress on to today while its cycle runs", () => {
    const points = [
      { day: "2026-10-05", progress: 0.1 },
      { day: "2026-10-20", progress: 0.3 },
    ];
    const now = Date.parse("2026-10-25T15:00:00Z");
    const active = progressSeries({ cycle: { ...cycle, status: "active" }, points, progress: 0.3, now });
    expect(active.actual.at(-1)).toEqual({ t: now, value: 0.3 });
    expect(active.expected).toEqual([
      { t: start, value: 0 },
      { t: dayEnd("2026-12-31"), value: 1 },
    ]);
    const today = progressSeries({ cycle: { ...cycle, status: "active" }, points: [...points, { day: "2026-10-25", progress: 0.35 }], progress: 0.35, now });
    expect(today.actual).toHaveLength(3);
    expect(progressSeries({ cycle: { ...cycle, status: "closed" }, points, progress: 0.3, now }).actual).toHaveLength(2);
  });
});
