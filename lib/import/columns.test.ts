import { describe, expect, it } from "vitest";
import { columnOf, namesOf, numberText, parseDay, parseDirection, parseLevel, parseUnit } from "./columns";
import { importColumns } from "./types";

describe("reading an import's header and cells", () => {
  it("knows every column by its English and Norwegian name, in any case, and no name means two columns", () => {
    for (const column of importColumns) {
      for (const name of namesOf(column)) {
        expect(columnOf(name)).toBe(column);
        expect(columnOf(`  ${name.toUpperCase()} `)).toBe(column);
      }
    }
    expect(columnOf("Key result ower")).toBeNull();
  });

  it("reads levels and directions in both languages", () => {
    expect([parseLevel("Selskap"), parseLevel("team"), parseLevel("PERSONLIG"), parseLevel("Individual"), parseLevel("Department")]).toEqual([
      "company",
      "team",
      "individual",
      "individual",
      null,
    ]);
    expect([parseDirection("Holde over"), parseDirection("stay below"), parseDirection("Milepæl"), parseDirection("sideways")]).toEqual(["stay_above", "stay_below", "milestone", null]);
  });

  it("reads numbers, units and days as spreadsheets write them", () => {
    expect([numberText("1 000 000"), numberText("1\u00a0000,5"), numberText("+5"), numberText("-3.5")]).toEqual(["1000000", "1000,5", "5", "-3.5"]);
    expect(parseUnit("")).toEqual({ unit: "number", currencyCode: null, unitLabel: null });
    expect(parseUnit("%")).toEqual({ unit: "percent", currencyCode: null, unitLabel: null });
    expect(parseUnit("NOK")).toEqual({ unit: "currency", currencyCode: "NOK", unitLabel: null });
    expect(parseUnit("kr")).toEqual({ unit: "custom", currencyCode: null, unitLabel: "kr" });
    expect([parseDay("2026-03-31"), parseDay("31.03.2026"), parseDay("1.4.2026"), parseDay("2026-02-30"), parseDay("31/03/2026")]).toEqual([
      "2026-03-31",
      "2026-03-31",
      "2026-04-01",
      null,
      null,
    ]);
  });
});
