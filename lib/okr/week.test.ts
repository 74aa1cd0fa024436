import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedInThisWeek, utcDay, weekStart } from "./week";

describe("the weekly rhythm's week", () => {
  it("starts on Monday 00:00 UTC, whatever the weekday and hour", () => {
    expect(weekStart(new Date("2026-12-07T00:00:00Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekStart(new Date("2026-12-13T23:59:59.999Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekStart(new Date("2026-12-06T23:30:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    // Across a year's end and a leap day.
    expect(weekStart(new Date("2027-01-01T12:00:00Z")).toISOString()).toBe("2026-12-28T00:00:00.000Z");
    expect(weekStart(new Date("2028-02-29T08:00:00Z")).toISOString()).toBe("2028-02-28T00:00:00.000Z");
  });

  it("is a Monday at midnight, at most seven days back", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true }), (at) => {
        const start = weekStart(at);
        expect(start.getUTCDay()).toBe(1);
        expect(start.getTime() % 86_400_000).toBe(0);
        expect(at.getTime() - start.getTime()).toBeGreaterThanOrEqual(0);
        expect(at.getTime() - start.getTime()).toBeLessThan(7 * 86_400_000);
      }),
    );
  });

  it("counts a check-in from Monday 00:00 UTC on as this week's", () => {
    const now = new Date("2026-12-09T10:00:00Z");
    expect(checkedInThisWeek(null, now)).toBe(false);
    expect(checkedInThisWeek(new Date("2026-12-07T00:00:00Z"), now)).toBe(true);
    expect(checkedInThisWeek(new Date("2026-12-06T23:59:59Z"), now)).toBe(false);
  });

  it("files an instant under its UTC day", () => {
    expect(utcDay(new Date("2026-12-31T23:30:00-01:00"))).toBe("2027-01-01");
  });
});
