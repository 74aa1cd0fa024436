import "server-only";
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

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:([+-])(\d{2})(?::?(\d{2}))?|Z)?$/;

/**
 * A timestamp Postgres will read as `timestamptz`: a real calendar day and time and an offset it
 * accepts. "2025-02-31" or "+99" would fail the whole statement, not just start the list over.
 */
export function isTimestampText(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, , , offsetHours, offsetMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0));
  const sameDay = date.getUTCFullYear() === year && date.getUTCMonth() === (month ?? 1) - 1 && date.getUTCDate() === day;
  const sameTime = date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return year !== 0 && sameDay && sameTime && (offsetHours ?? 0) <= 15 && (offsetMinutes ?? 0) < 60;
}

/** Rows strictly after (older than) the cursor in a newest-first `(created_at desc, id desc)` order. */
export const olderThan = (createdAt: SQLWrapper, id: SQLWrapper, instant: string, cursorId: string): SQL =>
  sql`(${createdAt}, ${id}) < (${instant}::timestamptz, ${cursorId}::uuid)`;
