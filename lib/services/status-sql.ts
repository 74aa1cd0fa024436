import { sql, type SQL } from "drizzle-orm";
import { cycles, keyResults } from "@/db/schema";
import { STALE_AFTER_DAYS, statusSeverity, type Status } from "@/lib/okr/progress";

/** A week without a check-in, as an absolute length (the TypeScript rule counts milliseconds, not calendar days). */
const STALE_AFTER = sql.raw(`interval '${STALE_AFTER_DAYS * 24} hours'`);

/** Whether the key result is stale: its cycle is active and nothing happened on it for STALE_AFTER_DAYS. */
function staleSql(now: SQL): SQL<boolean> {
  return sql<boolean>`(${cycles.status} = 'active'
    and coalesce(${keyResults.lastCheckInAt}, greatest(${keyResults.createdAt}, (${cycles.startDate})::timestamp at time zone 'UTC')) < ${now} - ${STALE_AFTER})`;
}

/**
 * keyResultStatus() of lib/okr/progress.ts as a SQL expression, for counts and filters computed
 * in the database. It reads `key_results` and its objective's `cycles` row, which the query must
 * join. lib/services/status-sql.test.ts holds the two definitions to the same answers.
 *
 * Written for speed over tens of thousands of rows: enum comparisons and text constants, no
 * enum-to-text cast per row, and the staleness limit as one constant.
 */
export function keyResultStatusSql(now: SQL = sql`now()`): SQL<Status> {
  return sql<Status>`(case
    when ${staleSql(now)} then 'stale'
    when ${keyResults.lastConfidence} = 'on_track' then 'on_track'
    when ${keyResults.lastConfidence} = 'at_risk' then 'at_risk'
    when ${keyResults.lastConfidence} = 'off_track' then 'off_track'
    else 'not_started'
  end)`;
}

/** A status's rank in statusSeverity (lib/okr/progress.ts), inlined as a constant. */
const rank = (status: Status) => sql.raw(String(statusSeverity[status]));
const statuses = Object.keys(statusSeverity) as Status[];

/** statusSeveritySql(keyResultStatusSql()) in one step, for the worst status of many key results. */
export function keyResultSeveritySql(now: SQL = sql`now()`): SQL<number> {
  return sql<number>`(case
    when ${staleSql(now)} then ${rank("stale")}
    when ${keyResults.lastConfidence} = 'off_track' then ${rank("off_track")}
    when ${keyResults.lastConfidence} = 'at_risk' then ${rank("at_risk")}
    when ${keyResults.lastConfidence} = 'on_track' then ${rank("on_track")}
    else ${rank("not_started")}
  end)`;
}

/** The ranking worstStatus() uses, as SQL: a higher number is a worse status (on track for anything else). */
export function statusSeveritySql(status: SQL): SQL<number> {
  const ranks = statuses.filter((value) => value !== "on_track").map((value) => sql.raw(`when '${value}' then ${statusSeverity[value]}`));
  return sql<number>`(case ${status} ${sql.join(ranks, sql` `)} else ${rank("on_track")} end)`;
}

export function severityToStatusSql(severity: SQL): SQL<Status | null> {
  const names = statuses.map((value) => sql.raw(`when ${statusSeverity[value]} then '${value}'`));
  return sql<Status | null>`(case ${severity} ${sql.join(names, sql` `)} end)`;
}

/** Where a cycle says progress should be at `now` (expectedProgress() in SQL). */
export function expectedProgressSql(now: SQL = sql`now()`): SQL<number> {
  return sql<number>`least(1, greatest(0,
    extract(epoch from (${now} - (${cycles.startDate})::timestamp at time zone 'UTC'))
    / extract(epoch from (((${cycles.endDate}) + 1)::timestamp at time zone 'UTC' - (${cycles.startDate})::timestamp at time zone 'UTC'))))::float8`;
}
