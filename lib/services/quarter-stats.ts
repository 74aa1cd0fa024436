import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkIns, cycles, cycleStatistics, keyResults, objectives } from "@/db/schema";
import { SUCCESS_SCORE } from "@/lib/okr/progress";
import type { Tx } from "@/db/client";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { parseRows, sqlCount, sqlDay, sqlNumberOrNull, sqlText } from "./sql-rows";
import { weekStartSql } from "./status-sql";

/**
 * Quarter statistics: how each of the last closed cycles went, for the organisation, a team or
 * a person. The rules are written once, here, and described in docs/architecture.md:
 *
 * - **Objectives counted**: the cycle's objectives that are not archived — all of them for the
 *   organisation, those whose `team_id` is the team for a team (not its sub-teams'), those a
 *   person owns for a person.
 * - **Average score**: the mean of their frozen `score` (set when the cycle closed).
 * - **Success share**: the share of them scoring at least SUCCESS_SCORE (0.7 of a stretch goal).
 * - **Check-in rate**: of every (key result of those objectives × ISO week in UTC of the cycle it
 *   existed in), the share with at least one check-in that week. The cycle's weeks run from the
 *   week of its first day to the week of its last day, or of the day it was closed if that came
 *   first; a key result counts from the week it was created. Weeks are lib/okr/week.ts's, through
 *   its SQL mirror weekStartSql.
 * - **Carried over**: how many of them were carried into a later cycle (see carriedOverSql).
 *
 * A closed cycle is read-only, so its figures are worked out once, when it closes
 * (recordStatisticsSql, called by closeCycle, into `cycle_statistics`: one row for the
 * organisation, each team and each person), and pages read the last QUARTER_STATS_CYCLES closed
 * cycles' rows in one statement, whatever the organisation's size. Counting every check-in of
 * eight quarters on each read took a second per quarter for 10,000 people (bench/README.md).
 */

/** How many closed cycles the statistics look back over: two years of quarters. */
export const QUARTER_STATS_CYCLES = 8;

export type QuarterScope = { kind: "organisation" } | { kind: "team"; teamId: string } | { kind: "person"; userId: string };

export interface QuarterStats {
  cycleId: string;
  cycleName: string;
  startDate: string;
  endDate: string;
  /** Objectives counted (not archived, in scope). */
  objectiveCount: number;
  /** Mean frozen score, 0–1; null without scored objectives (every counted objective of a closed cycle has one). */
  averageScore: number | null;
  /** Share of the scored objectives scoring ≥ SUCCESS_SCORE, 0–1; null without any. */
  successShare: number | null;
  /** Key-result weeks the rate is out of, and how many of them had a check-in. */
  keyResultWeeks: number;
  checkedInWeeks: number;
  /** checkedInWeeks / keyResultWeeks; null without key-result weeks. */
  checkInRate: number | null;
  /** Objectives carried into a later cycle. */
  carriedOver: number;
}

const statsRow = z
  .object({
    id: sqlText,
    name: sqlText,
    start_date: sqlDay,
    end_date: sqlDay,
    objective_count: sqlCount,
    scored_count: sqlCount,
    average_score: sqlNumberOrNull,
    success_count: sqlCount,
    key_result_weeks: sqlCount,
    checked_in_weeks: sqlCount,
    carried_over: sqlCount,
  })
  .transform(
    (row): QuarterStats => ({
      cycleId: row.id,
      cycleName: row.name,
      startDate: row.start_date,
      endDate: row.end_date,
      objectiveCount: row.objective_count,
      averageScore: row.scored_count > 0 ? row.average_score : null,
      successShare: row.scored_count > 0 ? row.success_count / row.scored_count : null,
      keyResultWeeks: row.key_result_weeks,
      checkedInWeeks: row.checked_in_weeks,
      checkInRate: row.key_result_weeks > 0 ? row.checked_in_weeks / row.key_result_weeks : null,
      carriedOver: row.carried_over,
    }),
  );

/** The objectives a scope counts, as a condition on `o`, for figures read live (carriedOverSql). */
export function scopeSql(scope: QuarterScope): SQL {
  switch (scope.kind) {
    case "organisation":
      return sql`true`;
    case "team":
      return sql`o.team_id = ${scope.teamId}`;
    case "person":
      return sql`o.owner_user_id = ${scope.userId}`;
  }
}

/**
 * How many of a cycle's counted objectives were carried over into a later cycle, as a column of
 * the read: carrying over happens at or after the close, so it is not frozen with the rest. Read
 * from the copies' side (`carried_from_id`, indexed by its unique key), so the cost follows how
 * many objectives were ever carried, not how many the cycle holds.
 */
function carriedOverSql(orgId: string, scope: QuarterScope): SQL {
  return sql`(select count(*) from ${objectives} n join ${objectives} o on o.org_id = n.org_id and o.id = n.carried_from_id
    where n.org_id = ${orgId} and n.carried_from_id is not null and o.cycle_id = cyc.id and o.archived_at is null and (${scopeSql(scope)}))::int`;
}

/** Midnight UTC of a `date` expression, as an instant. */
const dayStart = (date: SQL): SQL => sql`((${date})::timestamp at time zone 'UTC')`;

/**
 * Writes the figures of the cycles `which` names (a condition on `c`, the cycles table) for the
 * organisation, each team and each person, in one statement: what closing a cycle records. The
 * cycle's last week is the week of the earlier of its last day and `closedAt` (an instant
 * expression: the clock's now when closing, `c.closed_at` for cycles closed before statistics
 * were kept). A cycle that already has figures keeps them.
 */
export function recordStatisticsSql(which: SQL, closedAt: SQL): SQL {
  const lastDay = sql`least(${dayStart(sql`c.end_date`)}, coalesce(${closedAt}, ${dayStart(sql`c.end_date`)}))`;
  return sql`
    insert into ${cycleStatistics} (org_id, cycle_id, scope, scope_id, objective_count, scored_count, score_sum, success_count, key_result_weeks, checked_in_weeks)
    with cyc as materialized (
      select c.org_id, c.id, ${weekStartSql(dayStart(sql`c.start_date`))} as first_week, ${weekStartSql(lastDay)} as last_week
      from ${cycles} c where ${which}
    ),
    obj as materialized (
      select o.org_id, o.id, o.cycle_id, o.team_id, o.owner_user_id, o.score
      from cyc join ${objectives} o on o.org_id = cyc.org_id and o.cycle_id = cyc.id
      where o.archived_at is null
    ),
    kr as (
      select k.org_id, k.objective_id, k.id,
             greatest(cyc.first_week, ${weekStartSql(sql`k.created_at`)}) as from_week, cyc.last_week
      from obj
      join ${keyResults} k on k.org_id = obj.org_id and k.objective_id = obj.id
      join cyc on cyc.org_id = obj.org_id and cyc.id = obj.cycle_id
    ),
    kr_weeks as (
      select kr.org_id, kr.objective_id,
             greatest(0, round(extract(epoch from (kr.last_week - kr.from_week)) / 604800)::int + 1) as weeks,
             (select count(distinct ${weekStartSql(sql`ci.created_at`)}) from ${checkIns} ci
              where ci.org_id = kr.org_id and ci.key_result_id = kr.id
                and ci.created_at >= kr.from_week and ci.created_at < kr.last_week + interval '7 days') as checked
      from kr
    ),
    per_objective as (
      select obj.org_id, obj.cycle_id, obj.team_id, obj.owner_user_id, obj.score,
             coalesce(w.weeks, 0) as weeks, coalesce(w.checked, 0) as checked
      from obj
      left join (select org_id, objective_id, sum(weeks) as weeks, sum(least(checked, weeks)) as checked from kr_weeks group by org_id, objective_id) w
        on w.org_id = obj.org_id and w.objective_id = obj.id
    ),
    figures as (
      select org_id, cycle_id,
             case when grouping(team_id) = 0 then 'team' when grouping(owner_user_id) = 0 then 'person' else 'organisation' end as scope,
             case when grouping(team_id) = 0 then team_id when grouping(owner_user_id) = 0 then owner_user_id else org_id end as scope_id,
             count(*)::int as objective_count, count(score)::int as scored_count, coalesce(sum(score), 0) as score_sum,
             count(*) filter (where score >= ${sql.raw(String(SUCCESS_SCORE))})::int as success_count,
             sum(weeks)::int as key_result_weeks, sum(checked)::int as checked_in_weeks
      from per_objective
      group by grouping sets ((org_id, cycle_id), (org_id, cycle_id, team_id), (org_id, cycle_id, owner_user_id))
    )
    select org_id, cycle_id, scope, scope_id, objective_count, scored_count, score_sum, success_count, key_result_weeks, checked_in_weeks
    from figures where scope_id is not null
    on conflict (org_id, scope_id, cycle_id, scope) do nothing`;
}

/** Figures for the closed cycles that have none yet (cycles closed before they were kept; seeds), from their closed_at. */
export const missingStatisticsSql = (): SQL =>
  recordStatisticsSql(
    sql`c.status = 'closed' and not exists (select 1 from ${cycleStatistics} s where s.org_id = c.org_id and s.cycle_id = c.id)`,
    sql`c.closed_at`,
  );

/** The scope as the statistics table names it. */
function scopeKey(ctx: Pick<TenantContext, "orgId">, scope: QuarterScope): { scope: QuarterScope["kind"]; id: string } {
  switch (scope.kind) {
    case "organisation":
      return { scope: "organisation", id: ctx.orgId };
    case "team":
      return { scope: "team", id: scope.teamId };
    case "person":
      return { scope: "person", id: scope.userId };
  }
}

/** The statement: the last closed cycles, oldest first, each with its recorded figures for `scope`. */
export function quarterStatsSql(ctx: Pick<TenantContext, "orgId">, scope: QuarterScope): SQL {
  const key = scopeKey(ctx, scope);
  return sql`
    with cyc as materialized (
      select c.id, c.name, c.start_date, c.end_date
      from ${cycles} c
      where c.org_id = ${ctx.orgId} and c.status = 'closed'
      order by c.start_date desc, c.id desc
      limit ${QUARTER_STATS_CYCLES}
    )
    select cyc.id, cyc.name, cyc.start_date::text as start_date, cyc.end_date::text as end_date,
           s.objective_count, s.scored_count, s.score_sum / nullif(s.scored_count, 0) as average_score, s.success_count,
           s.key_result_weeks, s.checked_in_weeks, ${carriedOverSql(ctx.orgId, scope)} as carried_over
    from cyc
    left join ${cycleStatistics} s on s.org_id = ${ctx.orgId} and s.scope_id = ${key.id} and s.cycle_id = cyc.id and s.scope = ${key.scope}
    order by cyc.start_date, cyc.id`;
}

/** The last closed cycles (at most QUARTER_STATS_CYCLES), oldest first, with their figures for `scope`. One statement. */
export async function loadQuarterStats(ctx: TenantContext, scope: QuarterScope): Promise<QuarterStats[]> {
  return withTenant(ctx, (tx) => quarterStatsIn(tx, ctx, scope));
}

/** loadQuarterStats inside a transaction the caller holds (the export reads its scope's name first). */
export async function quarterStatsIn(tx: Tx, ctx: Pick<TenantContext, "orgId">, scope: QuarterScope): Promise<QuarterStats[]> {
  return parseRows(statsRow, await tx.execute(quarterStatsSql(ctx, scope)));
}
