import { describe, expect, it } from "vitest";
import { csvCell, csvRow, toCsv, UTF8_BOM } from "./csv";

describe("csvCell", () => {
  it("writes plain text and numbers as they are, and nothing for empty values", () => {
    expect(csvCell("Grow revenue")).toBe("Grow revenue");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, double quotes and line breaks", () => {
    expect(csvCell("Oslo, Bergen")).toBe('"Oslo, Bergen"');
    expect(csvCell('The "best" shop')).toBe('"The ""best"" shop"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("line one\r\nline two")).toBe('"line one\r\nline two"');
  });

  it("keeps Norwegian letters", () => {
    expect(csvCell("Øke kundetilfredshet på Ålesund-lageret, sa Ærlig")).toBe('"Øke kundetilfredshet på Ålesund-lageret, sa Ærlig"');
    expect(csvCell("blåbærsyltetøy")).toBe("blåbærsyltetøy");
  });

  it("prefixes a single quote to text a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+47 22 00 00 00")).toBe("'+47 22 00 00 00");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvCell("\tindented")).toBe("'\tindented");
    expect(csvCell("\rreturn")).toBe("\"'\rreturn\"");
    // Guarded first, then quoted: the quote goes inside the field.
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe('"\'=HYPERLINK(""http://x"", ""y"")"');
    // Only the start counts.
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("leaves plain negative numbers alone: they cannot be formulas", () => {
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("-12.5e3")).toBe("'-12.5e3");
  });
});

describe("toCsv", () => {
  it("joins fields with commas and rows with CRLF, after a byte order mark", () => {
    const csv = toCsv([
      ["Objective", "Progress"],
      ["Vekst, glede", 45],
    ]);
    expect(csv).toBe(`${UTF8_BOM}Objective,Progress\r\n"Vekst, glede",45\r\n`);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
    expect(csvRow(["a", null, "=b"])).toBe("a,,'=b");
  });
});
