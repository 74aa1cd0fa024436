import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 60;

/**
 * What someone typed, as prefix queries for the 'simple' text-search configuration, one per word:
 * each must match the start of a word ("kunde" finds "kundene", "christ" finds "Christmas"). Each
 * word is quoted, so nothing typed is read as tsquery syntax; Postgres then splits it the way it
 * splits the documents ("e-post" → e-post, e, post). Empty when nothing searchable was typed.
 */
export function prefixTerms(input: string | undefined | null): string[] {
  if (!input) return [];
  return input
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_TERMS)
    .map((word) => `'${word.slice(0, MAX_TERM_LENGTH).toLowerCase().replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`);
}

/** `document @@ query` for a stored tsvector column. */
export function matches(document: AnyPgColumn | SQL, tsQuery: string): SQL<boolean> {
  return sql<boolean>`${document} @@ to_tsquery('simple'::regconfig, ${tsQuery})`;
}
