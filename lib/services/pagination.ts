import "server-only";
import { isPlainText } from "@/lib/validation/common";
import { z } from "zod";

export interface Page<T> {
  items: T[];
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The JSON of a Page of `item`s. */
export const pageJson = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque keyset cursor: the sort values of the last row and its id. */
export function encodeCursor(values: ReadonlyArray<string | number | null>, id: string): string {
  return Buffer.from(JSON.stringify([...values, id])).toString("base64url");
}

/**
 * The values inside a cursor, or null for a missing or tampered one (which then starts from the
 * first page rather than failing).
 */
export function decodeCursor(cursor: string | undefined, size: number): { values: Array<string | number | null>; id: string } | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== size + 1) return null;
    const id = value.at(-1);
    const values = value.slice(0, -1);
    if (typeof id !== "string" || !UUID.test(id)) return null;
    if (!values.every(isCursorValue)) return null;
    return { values: values as Array<string | number | null>, id };
  } catch {
    return null;
  }
}

/**
 * A value a cursor may carry into SQL: a finite number, or text Postgres can hold (a tampered
 * cursor with NUL or a lone surrogate would fail the statement rather than start over).
 */
function isCursorValue(part: unknown): part is string | number | null {
  if (part === null) return true;
  if (typeof part === "number") return Number.isFinite(part);
  return typeof part === "string" && part.length <= 1000 && isPlainText(part);
}

/** Fetch one row more than a page to know whether another page follows. */
export function toPage<T>(rows: T[], pageSize: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? cursorOf(last) : null };
}
