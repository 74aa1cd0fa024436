import "server-only";
import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ExplorerSort, SortDirection } from "@/lib/validation/explorer";
import { isTimestampText } from "./keyset-time";
import { decodeCursor, encodeCursor } from "./pagination";

/** One column a list is ordered by, with the Postgres type its cursor value is cast back to. */
export interface SortKey {
  column: SQL | AnyPgColumn;
  type: "text" | "numeric" | "timestamptz";
}

/** A sort: the columns it orders by (the row's id breaks ties) and the row values a cursor keeps. */
export interface SortSpec<Row> {
  keys: SortKey[];
  values: (row: Row) => string[];
}

/** The explorer's sorts, for a list of objectives or of key results: the columns each orders by. */
export function explorerSorts<Row extends { title: string; progress: number; ownerName: string; updatedKey: string }>(columns: {
  title: AnyPgColumn;
  progress: AnyPgColumn;
  updatedAt: AnyPgColumn;
  ownerName: AnyPgColumn;
}): Record<ExplorerSort, SortSpec<Row>> {
  return {
    title: { keys: [{ column: columns.title, type: "text" }], values: (row) => [row.title] },
    progress: { keys: [{ column: sql`${columns.progress}`, type: "numeric" }], values: (row) => [String(row.progress)] },
    owner: {
      keys: [
        { column: sql`${columns.ownerName}`, type: "text" },
        { column: columns.title, type: "text" },
      ],
      values: (row) => [row.ownerName, row.title],
    },
    updated: { keys: [{ column: sql`${columns.updatedAt}`, type: "timestamptz" }], values: (row) => [row.updatedKey] },
  };
}

// Bounded: an exponent of a million overflows numeric in Postgres.
const NUMERIC = /^-?\d{1,30}(\.\d{1,30})?(e-?\d{1,3})?$/i;

/**
 * A cursor's values if it was made for this sort and direction and holds values of the right
 * kinds; anything else (a tampered link, a cursor from another sort) starts from the first page.
 */
export function readCursor<Row>(cursor: string | undefined, sort: string, dir: SortDirection, spec: SortSpec<Row>): { values: string[]; id: string } | null {
  const decoded = decodeCursor(cursor, spec.keys.length + 2);
  if (!decoded) return null;
  const [cursorSort, cursorDir, ...values] = decoded.values;
  if (cursorSort !== sort || cursorDir !== dir) return null;
  const strings = values.filter((value): value is string => typeof value === "string");
  if (strings.length !== spec.keys.length) return null;
  const ok = spec.keys.every(({ type }, i) => {
    const value = strings[i] ?? "";
    return type === "numeric" ? NUMERIC.test(value) : type === "timestamptz" ? isTimestampText(value) : true;
  });
  return ok ? { values: strings, id: decoded.id } : null;
}

export function cursorOf<Row extends { id: string }>(row: Row, sort: string, dir: SortDirection, spec: SortSpec<Row>): string {
  return encodeCursor([sort, dir, ...spec.values(row)], row.id);
}

/** `(k1, k2, id) > (v1, v2, id)`: rows after (or before) the cursor in the list's order. */
export function beyond<Row>(spec: SortSpec<Row>, id: AnyPgColumn, forward: boolean, cursor: { values: string[]; id: string }): SQL {
  const left = sql.join([...spec.keys.map((key) => sql`${key.column}`), sql`${id}`], sql`, `);
  const right = sql.join([...spec.keys.map((key, i) => sql`${cursor.values[i]}::${sql.raw(key.type)}`), sql`${cursor.id}::uuid`], sql`, `);
  return forward ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

export function orderBy<Row>(spec: SortSpec<Row>, id: AnyPgColumn, ascending: boolean): SQL[] {
  const direction = ascending ? asc : desc;
  return [...spec.keys.map((key) => direction(key.column)), direction(id)];
}

/**
 * One page read by keyset, in either direction, from `rows` (a page and one more, ordered as the
 * reading direction asks): the page in display order and the cursors either side of it.
 */
export function pageOf<Row extends { id: string }>(
  rows: Row[],
  pageSize: number,
  reading: { after: boolean; before: boolean },
  cursorFor: (row: Row) => string,
): { page: Row[]; nextCursor: string | null; prevCursor: string | null } {
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (reading.before) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    page,
    nextCursor: last && (reading.before ? true : more) ? cursorFor(last) : null,
    prevCursor: first && (reading.before ? more : reading.after) ? cursorFor(first) : null,
  };
}
