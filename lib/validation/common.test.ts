import { describe, expect, it } from "vitest";
import { isoDate, isPlainText, optionalText, strictInt, text, version } from "./common";
import { commentBody } from "./comments";
import { explorerQuerySchema } from "./explorer";
import { keyResultCreateSchema, objectiveUpdateSchema } from "./okrs";
import { newOrganisationSchema, orgParams } from "./members";

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("free text", () => {
  it("refuses NUL and lone surrogates, and keeps every real character, emoji included", () => {
    expect(isPlainText("Grow revenue 20 % 🚀 – æøå")).toBe(true);
    expect(isPlainText("a\u0000b")).toBe(false);
    expect(isPlainText("x\udfffy")).toBe(false);
    expect(isPlainText("x\ud800")).toBe(false);
    expect(isPlainText("\ud83d\ude80")).toBe(true);
  });

  it("names the field whose text cannot be stored, in every kind of text field", () => {
    expect(text(1, 10).safeParse("a\u0000").error?.issues[0]?.message).toBe("validation.invalidCharacters");
    expect(optionalText(10).safeParse("\udfff").error?.issues[0]?.message).toBe("validation.invalidCharacters");
    expect(commentBody.safeParse("hello\u0000").error?.issues[0]?.message).toBe("validation.invalidCharacters");
    expect(messages(objectiveUpdateSchema.safeParse({ version: 1, description: "a\u0000" }))).toEqual(["description: validation.invalidCharacters"]);
    expect(messages(newOrganisationSchema.safeParse({ name: "Org \udfff" }))).toEqual(["name: validation.invalidCharacters"]);
    expect(messages(explorerQuerySchema.safeParse({ q: "a\u0000b" }))).toEqual(["q: validation.invalidCharacters"]);
  });

  it("an organisation's address in a path is letters, digits and dashes, or nothing at all", () => {
    expect(orgParams.safeParse({ org: "nordlys-2" }).success).toBe(true);
    for (const org of ["\u0000", "a'b", "x".repeat(61), "", "Nordlys"]) expect(orgParams.safeParse({ org }).success).toBe(false);
  });
});

describe("dates", () => {
  it("are real calendar days between 1900 and 2200", () => {
    expect(isoDate.safeParse("2026-03-31").success).toBe(true);
    expect(isoDate.safeParse("1900-01-01").success).toBe(true);
    expect(isoDate.safeParse("2200-12-31").success).toBe(true);
    expect(isoDate.safeParse("0000-01-01").error?.issues[0]?.message).toBe("validation.dateRange");
    expect(isoDate.safeParse("1899-12-31").error?.issues[0]?.message).toBe("validation.dateRange");
    expect(isoDate.safeParse("9999-12-31").error?.issues[0]?.message).toBe("validation.dateRange");
    expect(isoDate.safeParse("2026-02-30").success).toBe(false);
    expect(messages(keyResultCreateSchema.safeParse({ title: "T", ownerUserId: crypto.randomUUID(), targetValue: "2", dueDate: "0000-01-01" }))).toEqual([
      "dueDate: validation.dateRange",
    ]);
  });
});

describe("integers", () => {
  it("are numbers without a fraction or strings of digits, and nothing that merely coerces to one", () => {
    expect(version.parse(69)).toBe(69);
    expect(version.parse("69")).toBe(69);
    for (const value of [[69], "69e0", "0x45", " 69 ", true, 69.5, 0, -1, 2 ** 31, "", null, {}]) {
      expect(version.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(strictInt(1, 12).safeParse("13").success).toBe(false);
    expect(strictInt(1, 12).parse("12")).toBe(12);
  });
});
