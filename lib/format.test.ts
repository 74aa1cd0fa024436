import { describe, expect, it } from "vitest";
import { formatMeasure, formatPercent, formatPoints, formatScore } from "./format";

const number = { unit: "number" as const, currencyCode: null, unitLabel: null };

describe("formatting", () => {
  it("writes values by their unit and language", () => {
    expect(formatMeasure("3600000", { unit: "currency", currencyCode: "NOK", unitLabel: null }, "en")).toMatch(/^NOK\s3,600,000$/);
    expect(formatMeasure("3600000", { unit: "currency", currencyCode: "NOK", unitLabel: null }, "nb")).toMatch(/^3\s600\s000\skr$/);
    expect(formatMeasure("18.5", { unit: "percent", currencyCode: null, unitLabel: null }, "en")).toBe("18.5%");
    expect(formatMeasure("24", { unit: "custom", currencyCode: null, unitLabel: "hours" }, "en")).toBe("24 hours");
    expect(formatMeasure("4.5", number, "nb")).toBe("4,5");
  });

  it("shows progress, pace and score the way people read them", () => {
    expect(formatPercent(0.42, "en")).toBe("42%");
    expect(formatPercent(1.2, "en")).toBe("120%");
    expect(formatPoints(0.084, "en")).toBe("+8");
    expect(formatPoints(-0.12, "en")).toBe("-12");
    expect(formatScore(0.7, "en")).toBe("0.7");
    expect(formatScore(0.71, "nb")).toBe("0,71");
  });
});
