import { describe, expect, it } from "vitest";
import { toCsv, UTF8_BOM } from "./csv";
import { detectDelimiter, readCsv } from "./csv-read";

describe("readCsv", () => {
  it("reads back what the export writes: byte order mark, CRLF, quotes, commas, line breaks and the formula guard", () => {
    const rows = [
      ["Objective", "Owner"],
      ["=Bli Norges beste nettbutikk, på ære", 'Ola "Nordmann"'],
      ["line one\r\nline two", "-12.5"],
      ["@SUM(1)", "+47 22 00 00 00"],
      ["'Tis the season", "a=b"],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(readCsv(csv)).toEqual({ delimiter: ",", records: rows });
  });

  it("reads semicolons, as Excel writes them in a Norwegian locale, and LF line ends", () => {
    const table = readCsv('Mål;Målverdi\n"Vekst; glede";3,5\n');
    expect(table).toEqual({ delimiter: ";", records: [["Mål", "Målverdi"], ["Vekst; glede", "3,5"]] });
  });

  it("keeps empty lines as empty rows, so row numbers stay the spreadsheet's", () => {
    expect(readCsv("a,b\r\n\r\n1,2\r\n").records).toEqual([["a", "b"], [""], ["1", "2"]]);
  });

  it("trims cells and tolerates rows of other lengths", () => {
    expect(readCsv(" a , b \n1\n1,2,3\n").records).toEqual([["a", "b"], ["1"], ["1", "2", "3"]]);
  });

  it("says where a quote was left open", () => {
    expect(() => readCsv('a,b\n"open,1\n')).toThrow(expect.objectContaining({ name: "CsvSyntaxError", line: 2 }));
  });

  it("picks the separator from the header, ignoring quoted ones", () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a;b,c;d\n")).toBe(";");
    expect(detectDelimiter("single\n")).toBe(",");
  });
});
