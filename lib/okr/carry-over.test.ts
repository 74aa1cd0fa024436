import { describe, expect, it } from "vitest";
import { carriedStart, carryRefusal, nextOpenCycle, previousCycle } from "./carry-over";

const q3 = { id: "q3", startDate: "2026-07-01", status: "closed" as const };
const q4 = { id: "q4", startDate: "2026-10-01", status: "planning" as const };
const q1 = { id: "q1", startDate: "2027-01-01", status: "planning" as const };
const q2 = { id: "q2", startDate: "2026-04-01", status: "closed" as const };

describe("carry over", () => {
  it("goes forward, into an open cycle, never into the same one", () => {
    expect(carryRefusal(q3, q4)).toBeNull();
    expect(carryRefusal(q3, q3)).toBe("validation.carrySameCycle");
    expect(carryRefusal(q4, q3)).toBe("validation.carryForward");
    expect(carryRefusal(q2, q3)).toBe("validation.carryIntoClosed");
  });

  it("offers the next open cycle, and plans from the latest before", () => {
    expect(nextOpenCycle(q3, [q1, q4, q3, q2])?.id).toBe("q4");
    expect(nextOpenCycle(q1, [q1, q4, q3, q2])).toBeNull();
    expect(previousCycle(q4, [q1, q4, q3, q2])?.id).toBe("q3");
    expect(previousCycle(q2, [q1, q4, q3, q2])).toBeNull();
  });

  it("starts a key result where it ended, and a milestone not done", () => {
    expect(carriedStart({ direction: "increase", startValue: "30", currentValue: "42" })).toBe("42");
    expect(carriedStart({ direction: "decrease", startValue: "10", currentValue: "7" })).toBe("7");
    expect(carriedStart({ direction: "stay_above", startValue: "0", currentValue: "95" })).toBe("95");
    expect(carriedStart({ direction: "milestone", startValue: "0", currentValue: "1" })).toBe("0");
  });
});
