import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./i18n/messages/en.json";
import nb from "./i18n/messages/nb.json";
import { formatMeasure, formatMoney, formatPercent } from "./format";

/**
 * Every figure a person reads goes through lib/format.ts (Intl, in their language): these tests
 * read the code and the message catalogues for the ways a number can escape it.
 */

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(dir)).filter((file) => file !== join("lib", "format.ts"));

/** Ways of turning a number into text that bypass lib/format.ts. */
const bypasses: Array<{ name: string; pattern: RegExp; skip?: RegExp }> = [
  { name: "Intl.NumberFormat", pattern: /Intl\.NumberFormat/ },
  { name: "toLocaleString", pattern: /\.toLocaleString\(/ },
  { name: "next-intl's number formatter", pattern: /\b(format|formatter)\.number\(/ },
  // A percent sign glued to an interpolated value: `${x}%`, `${x} %`, {x}%. Not a CSS length in a
  // style, nor a LIKE pattern in SQL.
  { name: "a hand-made percent", pattern: /(\$\{[^}]*\}|\{[^}]*\})\s?%/, skip: /style=\{\{|\b(left|width|height|top):|calc\(|ilike\(|like\(/ },
];

function flatten(tree: object, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : flatten(value as object, `${prefix}${key}.`),
  );
}

describe("one number formatter", () => {
  it("is the only way code turns a number into text", () => {
    const found = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => bypasses.filter(({ pattern, skip }) => pattern.test(line) && !skip?.test(line)).map(({ name }) => `${file}:${index + 1} ${name}: ${line.trim()}`)),
    );
    expect(found).toEqual([]);
  });

  it("is the only source of percent signs in messages: placeholders arrive formatted", () => {
    const glued = [...flatten(en), ...flatten(nb)].filter(([, message]) => /\}\s?%/.test(message)).map(([key]) => key);
    expect(glued).toEqual([]);
    // Written examples follow each language's own spacing, as the formatter does: 18% and 18 %.
    expect(flatten(en).filter(([, message]) => /\d\s%/.test(message)).map(([key]) => key)).toEqual([]);
    expect(flatten(nb).filter(([, message]) => /\d%/.test(message)).map(([key]) => key)).toEqual([]);
  });

  it("writes percent per locale and money with the same fraction digits everywhere", () => {
    expect(formatPercent(0.65, "en")).toBe("65%");
    expect(formatPercent(0.65, "nb")).toMatch(/^65\s%$/);
    const percent = { unit: "percent" as const, currencyCode: null, unitLabel: null };
    expect(formatMeasure("30", percent, "en")).toBe("30%");
    expect(formatMeasure("18.5", percent, "nb")).toMatch(/^18,5\s%$/);
    const nok = { unit: "currency" as const, currencyCode: "NOK", unitLabel: null };
    expect([formatMeasure("308", nok, "en"), formatMeasure("737000", nok, "en"), formatMeasure("0", nok, "en")]).toEqual(["NOK 308", "NOK 737,000", "NOK 0"].map((text) => text.replace(" ", "\u00a0")));
    expect(formatMeasure("308.5", nok, "en")).toBe("NOK\u00a0308.50");
    expect(formatMoney(1234.5, "NOK", "nb")).toMatch(/^1\s234,50\skr$/);
  });
});
