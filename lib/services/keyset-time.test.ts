import { describe, expect, it } from "vitest";
import { isTimestampText, parseExactInstant } from "./keyset-time";
import { decodeCursor, encodeCursor } from "./pagination";

const id = "5f0c2f6e-8f7e-4d35-9b0a-3f1a2c4d5e6f";

describe("cursors", () => {
  it("read back what they carried", () => {
    expect(decodeCursor(encodeCursor(["Ola", 3], id), 2)).toEqual({ values: ["Ola", 3], id });
    expect(parseExactInstant("2026-03-31T12:00:00.123456Z")).toBe("2026-03-31T12:00:00.123456Z");
  });

  it("start over when tampered with values Postgres could not read, instead of failing the query", () => {
    // As JSON text: JSON.stringify would write 1e400 (Infinity) as null.
    for (const value of ['"a\\u0000b"', '"\\udfff"', `"${"x".repeat(1001)}"`, "1e400"]) {
      const cursor = Buffer.from(`[${value},"${id}"]`).toString("base64url");
      expect(decodeCursor(cursor, 1), value).toBeNull();
    }
    expect(decodeCursor("%%%", 1)).toBeNull();
  });

  it("accept only timestamps that are real instants", () => {
    expect(isTimestampText("2026-03-31 12:00:00.5+02")).toBe(true);
    expect(isTimestampText("2026-03-31T12:00:00Z")).toBe(true);
    for (const value of ["2026-02-31 12:00:00", "2026-13-01 00:00:00", "2026-01-01 25:00:00", "2026-01-01 00:00:00+99", "0000-01-01 00:00:00", "yesterday"]) {
      expect(isTimestampText(value), value).toBe(false);
    }
  });
});
