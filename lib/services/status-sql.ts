import { sql, type SQL } from "drizzle-orm";
import { cycles, keyResults } from "@/db/schema";
import { STALE_AFTER_DAYS, type Status } from "@/lib/okr/progress";

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

/** statusSeveritySql(keyResultStatusSql()) in one step, for the worst status of many key results. */
export function keyResultSeveritySql(now: SQL = sql`now()`): SQL<number> {
  return sql<number>`(case
    when ${staleSql(now)} then 4
    when ${keyResults.lastConfidence} = 'off_track' then 3
    when ${keyResults.lastConfidence} = 'at_risk' then 2
    when ${keyResults.lastConfidence} = 'on_track' then 0
    else 1
  end)`;
}

/** The ranking worstStatus() uses, as SQL: a higher number is a worse status. */
export function statusSeveritySql(status: SQL): SQL<number> {
  return sql<number>`(case ${status} when 'stale' then 4 when 'off_track' then 3 when 'at_risk' then 2 when 'not_started' then 1 else 0 end)`;
}

export function severityToStatusSql(severity: SQL): SQL<Status | null> {
  return sql<Status | null>`(case ${severity} when 4 then 'stale' when 3 then 'off_track' when 2 then 'at_risk' when 1 then 'not_started' when 0 then 'on_track' end)`;
}

/** Where a cycle says progress should be at `now` (expectedProgress() in SQL). */
export function expectedProgressSql(now: SQL = sql`now()`): SQL<number> {
  return sql<number>`least(1, greatest(0,
    extract(epoch from (${now} - (${cycles.startDate})::timestamp at time zone 'UTC'))
    / extract(epoch from (((${cycles.endDate}) + 1)::timestamp at time zone 'UTC' - (${cycles.startDate})::timestamp at time zone 'UTC'))))::float8`;
}
