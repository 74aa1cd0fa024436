import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkIns, cycles, keyResults, objectives } from "@/db/schema";
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
 * - **Carried over**: how many of them were carried into a later cycle; null while the data
 *   model does not record it (see carriedOverSql).
 *
 * One statement for the last QUARTER_STATS_CYCLES closed cycles, whatever the organisation's size.
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
  /** Objectives carried into a later cycle; null: not tracked yet (shown as "—"). */
  carriedOver: number | null;
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
    carried_over: sqlNumberOrNull,
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

/** The objectives a scope counts, as a condition on `o` (uuid comparisons, so the (org_id, cycle_id, …) indexes serve it). */
function scopeSql(scope: QuarterScope): SQL {
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
 * How many of a cycle's counted objectives (`obj` rows of the group) were carried over into a
 * later cycle. The data model does not record carrying over yet, so this is null ("not tracked"),
 * never a made-up 0. Once `objectives.carried_from_id` exists, this is the one line to change:
 *   return sql`count(*) filter (where exists (select 1 from ${objectives} n where n.org_id = obj.org_id and n.carried_from_id = obj.id))::int`;
 */
function carriedOverSql(): SQL {
  return sql`null::int`;
}

/** Midnight UTC of a `date` expression, as an instant. */
const dayStart = (date: SQL): SQL => sql`((${date})::timestamp at time zone 'UTC')`;

/** The statement: the last closed cycles, oldest first, each with its figures for `scope`. */
export function quarterStatsSql(ctx: Pick<TenantContext, "orgId">, scope: QuarterScope): SQL {
  const lastDay = sql`least(${dayStart(sql`c.end_date`)}, coalesce(c.closed_at, ${dayStart(sql`c.end_date`)}))`;
  return sql`
    with cyc as materialized (
      select c.id, c.name, c.start_date, c.end_date,
             ${weekStartSql(dayStart(sql`c.start_date`))} as first_week,
             ${weekStartSql(lastDay)} as last_week
      from ${cycles} c
      where c.org_id = ${ctx.orgId} and c.status = 'closed'
      order by c.start_date desc, c.id desc
      limit ${QUARTER_STATS_CYCLES}
    ),
    obj as materialized (
      select o.org_id, o.id, o.cycle_id, o.score
      from cyc join ${objectives} o on o.org_id = ${ctx.orgId} and o.cycle_id = cyc.id
      where o.archived_at is null and (${scopeSql(scope)})
    ),
    kr as (
      select obj.cycle_id, k.id,
             greatest(cyc.first_week, ${weekStartSql(sql`k.created_at`)}) as from_week, cyc.last_week
      from obj
      join ${keyResults} k on k.org_id = ${ctx.orgId} and k.objective_id = obj.id
      join cyc on cyc.id = obj.cycle_id
    ),
    kr_weeks as (
      select kr.cycle_id,
             greatest(0, round(extract(epoch from (kr.last_week - kr.from_week)) / 604800)::int + 1) as weeks,
             (select count(distinct ${weekStartSql(sql`ci.created_at`)}) from ${checkIns} ci
              where ci.org_id = ${ctx.orgId} and ci.key_result_id = kr.id
                and ci.created_at >= kr.from_week and ci.created_at < kr.last_week + interval '7 days') as checked
      from kr
    ),
    obj_figures as (
      select obj.cycle_id, count(*)::int as objective_count, count(obj.score)::int as scored_count, avg(obj.score) as average_score,
             count(*) filter (where obj.score >= ${sql.raw(String(SUCCESS_SCORE))})::int as success_count,
             ${carriedOverSql()} as carried_over
      from obj group by obj.cycle_id
    ),
    kr_figures as (
      select cycle_id, sum(weeks)::int as key_result_weeks, sum(least(checked, weeks))::int as checked_in_weeks
      from kr_weeks group by cycle_id
    )
    select cyc.id, cyc.name, cyc.start_date::text as start_date, cyc.end_date::text as end_date,
           f.objective_count, f.scored_count, f.average_score, f.success_count, k.key_result_weeks, k.checked_in_weeks, f.carried_over
    from cyc
    left join obj_figures f on f.cycle_id = cyc.id
    left join kr_figures k on k.cycle_id = cyc.id
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
