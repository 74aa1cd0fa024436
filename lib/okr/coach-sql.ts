import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { DIGIT_PATTERN, MEASURED_DIRECTIONS, TITLE_MAX_CHARS, TITLE_MAX_WORDS, TITLE_METRIC_PATTERN, WHITESPACE_CHARS, WORD_SEPARATOR_PATTERN } from "./coach";

/**
 * The coach's text rules (lib/okr/coach.ts) as the expressions of generated columns: Postgres
 * works them out once when a title is written, instead of running the regular expressions over
 * every title of a cycle each time the dashboard counts warnings. Literals are inlined because a
 * column's generation expression cannot take parameters; changing a threshold or pattern in
 * coach.ts changes these expressions, and `drizzle-kit generate` writes the migration.
 */

/** A string constant; every character outside printable ASCII as an escape, so migrations stay readable. */
function literal(value: string): SQL {
  const escaped = Array.from(value, (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (char === "'") return "''";
    if (char === "\\") return "\\\\";
    if (code >= 0x20 && code < 0x7f) return char;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  }).join("");
  return sql.raw(`E'${escaped}'`);
}

/** A whole number of ours (a threshold), inlined. */
export const sqlInteger = (value: number): SQL => sql.raw(String(Math.trunc(value)));

/** Enum labels of ours, inlined as a list for `in (…)`: compared with the enum itself, not each row's label as text. */
export const sqlLabels = (values: readonly string[]): SQL => sql.raw(values.map((value) => `'${value}'`).join(", "));

/** isTitleLong(): more characters or more words than the coach allows, once trimmed. */
export function titleLongSql(title: AnyPgColumn): SQL {
  const trimmed = sql`btrim(${title}, ${literal(WHITESPACE_CHARS)})`;
  return sql`(char_length(${trimmed}) > ${sqlInteger(TITLE_MAX_CHARS)} or (${trimmed} <> '' and cardinality(regexp_split_to_array(${trimmed}, ${literal(WORD_SEPARATOR_PATTERN)})) > ${sqlInteger(TITLE_MAX_WORDS)}))`;
}

/** titleHasMetric(): a number, percent, currency or metric word in the title. */
export function titleHasMetricSql(title: AnyPgColumn): SQL {
  return sql`(${title} ~ ${literal(TITLE_METRIC_PATTERN)})`;
}

/** !isKeyResultMeasurable(): an increase or decrease going nowhere, or without a number to name. */
export function keyResultNotMeasurableSql(columns: { direction: AnyPgColumn; startValue: AnyPgColumn; targetValue: AnyPgColumn; title: AnyPgColumn }): SQL {
  return sql`(${columns.direction} in (${sqlLabels(MEASURED_DIRECTIONS)}) and (${columns.startValue} = ${columns.targetValue} or ${columns.title} !~ ${literal(DIGIT_PATTERN)}))`;
}

/** isDueOutsideCycle(): a key result due before its cycle starts or after it ends. */
export function dueOutsideCycleSql(dueDate: SQL | AnyPgColumn, cycleStart: SQL | AnyPgColumn, cycleEnd: SQL | AnyPgColumn): SQL<boolean> {
  return sql<boolean>`(${dueDate} < ${cycleStart} or ${dueDate} > ${cycleEnd})`;
}
