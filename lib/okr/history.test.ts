import { describe, expect, it } from "vitest";
import { firstPoint, progressAtWeekEnds } from "./history";

const points = [
  { day: "2026-10-08", progress: 0.12 },
  { day: "2026-10-06", progress: 0.07 },
  { day: "2026-10-20", progress: 0.3 },
];

describe("recorded progress", () => {
  it("starts from the first point recorded, in any order", () => {
    expect(firstPoint(points)).toEqual({ day: "2026-10-06", progress: 0.07 });
    expect(firstPoint([])).toBeNull();
  });

  it("reads each week at its Sunday, with nothing before the first point", () => {
    // Weeks of 28 Sep, 5 Oct, 12 Oct, 19 Oct: none yet, the 8th's, still the 8th's, the 20th's.
    expect(progressAtWeekEnds(points, ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19"])).toEqual([null, 0.12, 0.12, 0.3]);
  });
});
