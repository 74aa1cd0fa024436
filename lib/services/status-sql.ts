import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { cycles, keyResults } from "@/db/schema";
import { now } from "@/lib/clock";
import { STALE_AFTER_DAYS, STATUSES, statusSeverity, type Status } from "@/lib/okr/progress";

/**
 * The time rules of lib/okr (progress.ts, week.ts) as SQL expressions, for counts, filters and
 * reports computed in the database. Each takes the instant it judges at as a parameter — the
 * clock's (lib/clock.ts), by default read when the expression is built — never the database's
 * `now()`, so a pinned clock in a test moves the SQL and the TypeScript rules together. Build
 * them per query, never once per module (a module-level constant would keep its first instant). status-sql.test.ts holds every
 * expression here to the same answers as its TypeScript rule.
 */

/** An instant as a SQL parameter. */
export const instantSql = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

/** Midnight UTC of a `date` expression, as an instant. */
const dayStartSql = (date: SQLWrapper): SQL => sql`(${date})::timestamp at time zone 'UTC'`;

/** weekStart() of lib/okr/week.ts: Monday 00:00 UTC of the week `at` falls in, whatever the session's time zone. */
export function weekStartSql(at: SQLWrapper): SQL {
  return sql`(date_trunc('week', (${at}) at time zone 'UTC') at time zone 'UTC')`;
}

/** checkedInThisWeek() of lib/okr/week.ts; false without any check-in. */
export function checkedInThisWeekSql(at: Date = now(), lastCheckInAt: SQLWrapper = keyResults.lastCheckInAt): SQL<boolean> {
  return sql<boolean>`coalesce(${lastCheckInAt} >= ${weekStartSql(instantSql(at))}, false)`;
}

/** Where a cycle's status and first day come from, and what a key result's status reads. */
export interface StatusSources {
  lastCheckInAt: SQLWrapper;
  lastConfidence: SQLWrapper;
  createdAt: SQLWrapper;
  cycleStatus: SQLWrapper;
  cycleStartDate: SQLWrapper;
}

/** The key result as stored, in its objective's cycle: `key_results` and `cycles` must be in the query. */
const stored: StatusSources = {
  lastCheckInAt: keyResults.lastCheckInAt,
  lastConfidence: keyResults.lastConfidence,
  createdAt: keyResults.createdAt,
  cycleStatus: cycles.status,
  cycleStartDate: cycles.startDate,
};

/** A week without a check-in, as an absolute length (the TypeScript rule counts milliseconds, not calendar days). */
const STALE_AFTER = sql.raw(`interval '${STALE_AFTER_DAYS * 24} hours'`);

/** Whether the key result is stale at `at`: its cycle is active and nothing happened on it for STALE_AFTER_DAYS. */
function staleSql(at: Date, from: StatusSources): SQL<boolean> {
  return sql<boolean>`(${from.cycleStatus} = 'active'
    and coalesce(${from.lastCheckInAt}, greatest(${from.createdAt}, ${dayStartSql(from.cycleStartDate)})) < ${instantSql(at)} - ${STALE_AFTER})`;
}

/**
 * keyResultStatus() of lib/okr/progress.ts at `at`. By default it reads the stored key result and
 * its cycle (the query joins `key_results` and `cycles`); the weekly review passes the last
 * check-in before a week ago instead, to know the status then.
 *
 * Written for speed over tens of thousands of rows: enum comparisons and text constants, no
 * enum-to-text cast per row, and the staleness limit as one constant.
 */
export function keyResultStatusSql(at: Date = now(), from: StatusSources = stored): SQL<Status> {
  return sql<Status>`(case
    when ${staleSql(at, from)} then 'stale'
    when ${from.lastConfidence} = 'on_track' then 'on_track'
    when ${from.lastConfidence} = 'at_risk' then 'at_risk'
    when ${from.lastConfidence} = 'off_track' then 'off_track'
    else 'not_started'
  end)`;
}

/** A status's rank in statusSeverity (lib/okr/progress.ts), inlined as a constant. */
const rank = (status: Status) => sql.raw(String(statusSeverity[status]));
const statuses = STATUSES;

/** statusSeveritySql(keyResultStatusSql()) in one step, for the worst status of many key results. */
export function keyResultSeveritySql(at: Date = now(), from: StatusSources = stored): SQL<number> {
  return sql<number>`(case
    when ${staleSql(at, from)} then ${rank("stale")}
    when ${from.lastConfidence} = 'off_track' then ${rank("off_track")}
    when ${from.lastConfidence} = 'at_risk' then ${rank("at_risk")}
    when ${from.lastConfidence} = 'on_track' then ${rank("on_track")}
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

/** A cycle's first and last day (`date` expressions); by default the `cycles` row in the query. */
export interface CycleDaysSql {
  startDate: SQLWrapper;
  endDate: SQLWrapper;
}

/**
 * expectedProgress() of lib/okr/progress.ts: where a cycle says progress should be at `at` (an
 * instant expression, so a report can ask it for the end of each week).
 */
export function expectedProgressSql(at: SQLWrapper = instantSql(now()), cycle: CycleDaysSql = cycles): SQL<number> {
  const start = dayStartSql(cycle.startDate);
  const end = dayStartSql(sql`(${cycle.endDate}) + 1`);
  return sql<number>`least(1, greatest(0,
    extract(epoch from ((${at}) - ${start})) / extract(epoch from (${end} - ${start}))))::float8`;
}
