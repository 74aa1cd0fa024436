import { describe, expect, it } from "vitest";
import { quarterAfter, quarterBefore, quarterContaining } from "./cycles";

describe("fiscal quarters", () => {
  it("follows calendar quarters when the fiscal year starts in January", () => {
    expect(quarterContaining("2026-11-27")).toEqual({ name: "Q4 2026", startDate: "2026-10-01", endDate: "2026-12-31" });
    expect(quarterContaining("2026-01-01")).toEqual({ name: "Q1 2026", startDate: "2026-01-01", endDate: "2026-03-31" });
  });

  it("shifts quarters to the fiscal start month and names the year it ends in", () => {
    expect(quarterContaining("2026-11-27", 7)).toEqual({ name: "Q2 FY2027", startDate: "2026-10-01", endDate: "2026-12-31" });
    expect(quarterContaining("2026-08-15", 7)).toEqual({ name: "Q1 FY2027", startDate: "2026-07-01", endDate: "2026-09-30" });
    expect(quarterContaining("2026-06-30", 7)).toEqual({ name: "Q4 FY2026", startDate: "2026-04-01", endDate: "2026-06-30" });
    expect(quarterContaining("2026-03-01", 2)).toEqual({ name: "Q1 FY2027", startDate: "2026-02-01", endDate: "2026-04-30" });
    expect(quarterContaining("2026-01-15", 2)).toEqual({ name: "Q4 FY2026", startDate: "2025-11-01", endDate: "2026-01-31" });
  });

  it("steps to the next and previous quarter across years", () => {
    const q4 = quarterContaining("2026-11-27");
    expect(quarterAfter(q4)).toEqual({ name: "Q1 2027", startDate: "2027-01-01", endDate: "2027-03-31" });
    expect(quarterBefore(q4)).toEqual({ name: "Q3 2026", startDate: "2026-07-01", endDate: "2026-09-30" });
  });
});
