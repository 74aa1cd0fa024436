import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * Keyset cursors over timestamps need Postgres's microseconds: a JavaScript Date keeps
 * milliseconds, and two rows written within one millisecond would then be skipped or repeated at
 * a page boundary. The cursor carries the exact instant as text instead.
 */
export const exactInstantSql = (column: SQLWrapper) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The instant from a cursor, or null for anything that is not one (a tampered cursor starts over). */
export function parseExactInstant(value: unknown): string | null {
  if (typeof value !== "string" || !INSTANT.test(value)) return null;
  const date = new Date(value);
  // Rejects 2025-02-31 and the like, which the pattern lets through.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== value.slice(0, 19)) return null;
  return value;
}

/** Rows strictly after (older than) the cursor in a newest-first `(created_at desc, id desc)` order. */
export const olderThan = (createdAt: SQLWrapper, id: SQLWrapper, instant: string, cursorId: string): SQL =>
  sql`(${createdAt}, ${id}) < (${instant}::timestamptz, ${cursorId}::uuid)`;
