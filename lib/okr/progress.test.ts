import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  achievement,
  expectedProgress,
  expectedValue,
  finalScore,
  keyResultProgress,
  keyResultStatus,
  objectiveProgress,
  pace,
  weightedMean,
  worstStatus,
  type Measure,
} from "./progress";

const kr = (direction: Measure["direction"], start: number, target: number, current: number): Measure => ({
  direction,
  start,
  target,
  current,
});

describe("key result achievement and progress", () => {
  it("measures an increase from start to target", () => {
    expect(achievement(kr("increase", 0, 20, 5))).toBe(0.25);
    expect(achievement(kr("increase", 100, 200, 150))).toBe(0.5);
  });

  it("measures a falling target with the same formula (churn 10 % → 5 %)", () => {
    expect(achievement(kr("decrease", 10, 5, 7.5))).toBe(0.5);
    expect(achievement(kr("decrease", 10, 5, 5))).toBe(1);
  });

  it("shows over-achievement but caps it at 1 for rollups", () => {
    expect(achievement(kr("increase", 0, 20, 24))).toBeCloseTo(1.2);
    expect(keyResultProgress(kr("increase", 0, 20, 24))).toBe(1);
  });

  it("counts a value moving the wrong way as 0", () => {
    expect(achievement(kr("increase", 10, 20, 5))).toBe(-0.5);
    expect(keyResultProgress(kr("increase", 10, 20, 5))).toBe(0);
    expect(keyResultProgress(kr("decrease", 10, 5, 12))).toBe(0);
  });

  it("holds a threshold: 1 while the latest value holds it, else 0", () => {
    expect(keyResultProgress(kr("stay_above", 0, 95, 96))).toBe(1);
    expect(keyResultProgress(kr("stay_above", 0, 95, 95))).toBe(1);
    expect(keyResultProgress(kr("stay_above", 0, 95, 94.9))).toBe(0);
    expect(keyResultProgress(kr("stay_below", 0, 2, 1.5))).toBe(1);
    expect(keyResultProgress(kr("stay_below", 0, 2, 2.1))).toBe(0);
  });

  it("treats a milestone as done or not done", () => {
    expect(keyResultProgress(kr("milestone", 0, 1, 0))).toBe(0);
    expect(keyResultProgress(kr("milestone", 0, 1, 1))).toBe(1);
  });

  it("treats a target equal to its start as met or not met", () => {
    expect(keyResultProgress(kr("increase", 5, 5, 5))).toBe(1);
    expect(keyResultProgress(kr("increase", 5, 5, 4))).toBe(0);
    expect(keyResultProgress(kr("decrease", 5, 5, 4))).toBe(1);
  });
});

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const direction = fc.constantFrom<Measure["direction"]>("increase", "decrease", "stay_above", "stay_below", "milestone");

describe("progress properties", () => {
  it("is always within [0, 1]", () => {
    fc.assert(
      fc.property(direction, finite, finite, finite, (d, start, target, current) => {
        const p = keyResultProgress(kr(d, start, target, current));
        return p >= 0 && p <= 1;
      }),
    );
  });

  it("never falls as the current value moves towards the target, in either direction", () => {
    fc.assert(
      fc.property(finite, finite, finite, fc.double({ min: 0, max: 1e6, noNaN: true }), (start, target, current, step) => {
        fc.pre(start !== target);
        const d = target > start ? "increase" : "decrease";
        const towards = current + Math.sign(target - start) * step;
        return keyResultProgress(kr(d, start, target, towards)) >= keyResultProgress(kr(d, start, target, current));
      }),
    );
  });

  it("reaches exactly 1 at the target and 0 at the start", () => {
    fc.assert(
      fc.property(finite, finite, (start, target) => {
        fc.pre(start !== target);
        const d = target > start ? "increase" : "decrease";
        return keyResultProgress(kr(d, start, target, target)) === 1 && keyResultProgress(kr(d, start, target, start)) === 0;
      }),
    );
  });

  it("keeps every objective rollup within [0, 1]", () => {
    const weighted = fc.array(fc.record({ progress: fc.double({ min: -2, max: 3, noNaN: true }), weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }));
    fc.assert(
      fc.property(
        fc.constantFrom("key_results", "children", "both", "manual" as const),
        weighted,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (mode, keyResults, children, manual) => {
          const p = objectiveProgress({ mode, keyResults, children, manual });
          return p >= 0 && p <= 1;
        },
      ),
    );
  });
});

describe("objective rollup", () => {
  const keyResults = [
    { progress: 1, weight: 1 },
    { progress: 0.5, weight: 1 },
    { progress: 0, weight: 2 },
  ];

  it("weights key results by their weight", () => {
    expect(objectiveProgress({ mode: "key_results", keyResults, children: [], manual: null })).toBeCloseTo(1.5 / 4);
  });

  it("counts over-achieving key results as 1", () => {
    expect(weightedMean([{ progress: 1.5, weight: 1 }, { progress: 0, weight: 1 }])).toBe(0.5);
  });

  it("averages aligned objectives in children mode", () => {
    expect(objectiveProgress({ mode: "children", keyResults, children: [0.2, 0.4], manual: null })).toBeCloseTo(0.3);
  });

  it("averages both parts in both mode, and only the parts that exist", () => {
    expect(objectiveProgress({ mode: "both", keyResults: [{ progress: 1, weight: 1 }], children: [0], manual: null })).toBe(0.5);
    expect(objectiveProgress({ mode: "both", keyResults: [{ progress: 0.8, weight: 1 }], children: [], manual: null })).toBeCloseTo(0.8);
  });

  it("uses the owner's value in manual mode", () => {
    expect(objectiveProgress({ mode: "manual", keyResults, children: [1], manual: 0.35 })).toBe(0.35);
  });

  it("is 0 with nothing to roll up", () => {
    for (const mode of ["key_results", "children", "both", "manual"] as const) {
      expect(objectiveProgress({ mode, keyResults: [], children: [], manual: null })).toBe(0);
    }
  });
});

describe("expected progress, pace and score", () => {
  const q1 = { startDate: "2026-01-01", endDate: "2026-03-31" };

  it("runs a straight line from the first to the end of the last day", () => {
    expect(expectedProgress(q1, new Date("2025-12-20T00:00:00Z"))).toBe(0);
    expect(expectedProgress(q1, new Date("2026-01-01T00:00:00Z"))).toBe(0);
    expect(expectedProgress(q1, new Date("2026-02-15T12:00:00Z"))).toBeCloseTo(45.5 / 90);
    expect(expectedProgress(q1, new Date("2026-04-01T00:00:00Z"))).toBe(1);
  });

  it("reads pace as progress minus expected", () => {
    expect(pace(0.6, 0.5)).toBeCloseTo(0.1);
    expect(pace(0.2, 0.5)).toBeCloseTo(-0.3);
  });

  it("freezes a score on the 0.0–1.0 scale", () => {
    expect(finalScore(0.7049)).toBe(0.7);
    expect(finalScore(1.3)).toBe(1);
  });
});

describe("status", () => {
  const active = { status: "active" as const, startDate: "2026-10-01" };
  const now = new Date("2026-11-27T12:00:00Z");
  const createdAt = new Date("2026-10-01T09:00:00Z");

  it("is the latest confidence while check-ins are recent", () => {
    const status = keyResultStatus({ lastCheckInAt: new Date("2026-11-24T09:00:00Z"), lastConfidence: "at_risk", createdAt }, active, now);
    expect(status).toBe("at_risk");
  });

  it("turns stale after 7 days without a check-in, outranking a green", () => {
    const status = keyResultStatus({ lastCheckInAt: new Date("2026-11-19T09:00:00Z"), lastConfidence: "on_track", createdAt }, active, now);
    expect(status).toBe("stale");
  });

  it("is not started before the first check-in, and stale once a week has passed without one", () => {
    const fresh = { lastCheckInAt: null, lastConfidence: null, createdAt: new Date("2026-11-25T09:00:00Z") };
    expect(keyResultStatus(fresh, active, now)).toBe("not_started");
    expect(keyResultStatus({ ...fresh, createdAt }, active, now)).toBe("stale");
  });

  it("is never stale in a closed or planned cycle", () => {
    const old = { lastCheckInAt: new Date("2026-01-01T00:00:00Z"), lastConfidence: "on_track" as const, createdAt };
    expect(keyResultStatus(old, { ...active, status: "closed" }, now)).toBe("on_track");
    expect(keyResultStatus(old, { ...active, status: "planning" }, now)).toBe("on_track");
  });

  it("ranks stale and off track as the worst", () => {
    expect(worstStatus(["on_track", "stale", "off_track"])).toBe("stale");
    expect(worstStatus(["on_track", "at_risk"])).toBe("at_risk");
    expect(worstStatus([])).toBeNull();
  });
});

describe("final score rounding", () => {
  it("rounds halfway values up, as decimals do (not as their binary doubles do)", () => {
    expect([0.145, 0.285, 0.565, 0.575].map(finalScore)).toEqual([0.15, 0.29, 0.57, 0.58]);
  });
});

describe("expected value", () => {
  it("follows the line from start to target, holds a threshold, and has none for a milestone", () => {
    expect(expectedValue({ direction: "increase", start: 10, target: 50 }, 0.25)).toBe(20);
    expect(expectedValue({ direction: "decrease", start: 10, target: 5 }, 0.5)).toBe(7.5);
    expect(expectedValue({ direction: "increase", start: 0, target: 100 }, 1.4)).toBe(100);
    expect(expectedValue({ direction: "stay_above", start: 0, target: 4.5 }, 0.3)).toBe(4.5);
    expect(expectedValue({ direction: "milestone", start: 0, target: 1 }, 0.9)).toBeNull();
  });
});
