import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cycles, keyResults, objectives, teams } from "@/db/schema";
import { cycleStatuses } from "@/lib/domain";
import { dueOutsideCycleSql } from "@/lib/okr/coach-sql";
import type { TenantContext } from "@/lib/tenant-context";
import type { CycleSummary } from "./cycles";
import { sqlDay, sqlNumberOrNull, sqlText } from "./sql-rows";
import { checkedInThisWeekSql, expectedProgressSql, instantSql, keyResultStatusSql } from "./status-sql";

/**
 * SQL building blocks shared by the dashboard, the weekly review and the export: common table
 * expressions that every one of their queries starts from, so the figures agree across pages.
 */

/** A row of `cyc` (cycleCte), as the pages show a cycle: with its expected progress, null unless active. */
export const cycleRow = z
  .object({ id: sqlText, name: sqlText, start_date: sqlDay, end_date: sqlDay, status: z.enum(cycleStatuses), expected: sqlNumberOrNull })
  .transform((cycle): CycleSummary & { expected: number | null } => ({
    id: cycle.id,
    name: cycle.name,
    startDate: cycle.start_date,
    endDate: cycle.end_date,
    status: cycle.status,
    expected: cycle.expected,
  }));

/** The cycle, with where it says progress should be at `at` (null unless it is active). */
export function cycleCte(ctx: Pick<TenantContext, "orgId">, cycleId: string, at: Date): SQL {
  return sql`cyc as (
    select ${cycles.id} as id, ${cycles.name} as name, ${cycles.startDate}::text as start_date, ${cycles.endDate}::text as end_date,
           ${cycles.status}::text as status, ${cycles.startDate} as start_day, ${cycles.endDate} as end_day,
           case when ${cycles.status} = 'active' then ${expectedProgressSql(instantSql(at))} end as expected
    from ${cycles} where ${cycles.orgId} = ${ctx.orgId} and ${cycles.id} = ${cycleId}
  )`;
}

/**
 * The cycle's objectives that count (not archived), read once per statement (materialized):
 * every figure of the dashboard is derived from this set and from `kr`. `only` narrows it (a
 * condition on `o`, the objectives table).
 */
export function objectivesCte(ctx: Pick<TenantContext, "orgId">, cycleId: string, only?: SQL): SQL {
  return sql`obj as materialized (
    select o.id, o.title, o.level, o.team_id, o.owner_user_id, o.parent_objective_id, o.progress, o.created_at,
           o.title_long, o.title_has_metric
    from ${objectives} o where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null${narrowed(only)}
  )`;
}

const narrowed = (only: SQL | undefined): SQL => (only ? sql` and (${only})` : sql``);

/**
 * The key results of the cycle's counted objectives with their status at `at` (keyResultStatusSql),
 * whether they were checked in that week (checkedInThisWeekSql, as My week asks) and the
 * coach's key-result rules. Joined from the objectives table rather than from `obj`, so the
 * planner sees the real sizes: from a CTE it hashed every key result of the organisation. `only`
 * narrows the objectives as in objectivesCte.
 */
export function keyResultsCte(ctx: Pick<TenantContext, "orgId">, cycleId: string, at: Date, only?: SQL): SQL {
  return sql`kr as materialized (
    select ${keyResults.id} as id, ${keyResults.objectiveId} as objective_id,
           ${keyResults.progress} as progress, ${keyResults.title} as title,
           ${keyResultStatusSql(at)} as status,
           ${checkedInThisWeekSql(at)} as checked_in,
           ${keyResults.notMeasurable} as not_measurable,
           ${dueOutsideCycleSql(keyResults.dueDate, cycles.startDate, cycles.endDate)} as due_outside
    from ${objectives} o
    join ${keyResults} on ${keyResults.orgId} = ${ctx.orgId} and ${keyResults.objectiveId} = o.id
    join ${cycles} on ${cycles.orgId} = ${ctx.orgId} and ${cycles.id} = ${cycleId}
    where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null${narrowed(only)}
  )`;
}

/** Every team with itself and each team below it (ancestor, descendant), for rollups through the hierarchy. */
export function teamClosureCte(ctx: Pick<TenantContext, "orgId">): SQL {
  return sql`closure as (
    select ${teams.id} as ancestor, ${teams.id} as descendant, 0 as depth from ${teams} where ${teams.orgId} = ${ctx.orgId}
    union all
    select c.ancestor, t.id, c.depth + 1 from closure c join ${teams} t on t.org_id = ${ctx.orgId} and t.parent_team_id = c.descendant
    where c.depth < 64
  )`;
}

/**
 * Weeks (Monday dates, UTC) of the cycle up to the week of `at`, at most `limit` of the latest,
 * each with the progress the cycle expected at its end (or at `at`, for the week in progress):
 * expectedProgressSql() asked at each week's end. Needs `cyc`.
 */
export function weeksCte(limit: number, at: Date): SQL {
  // Weeks are counted on the UTC wall clock (timestamps without a time zone), so that adding a
  // week never depends on the session's time zone and its daylight-saving changes.
  const last = sql`date_trunc('week', least(${instantSql(at)} at time zone 'UTC', cyc.end_day::timestamp))`;
  const weekEnd = sql`least((w + interval '7 days') at time zone 'UTC', ${instantSql(at)})`;
  return sql`weeks as (
    select w::date as week,
           case when cyc.status = 'closed' then null else ${expectedProgressSql(weekEnd, { startDate: sql`cyc.start_day`, endDate: sql`cyc.end_day` })} end as expected
    from cyc, generate_series(
      greatest(date_trunc('week', cyc.start_day::timestamp), ${last} - make_interval(weeks => ${limit - 1})),
      ${last},
      interval '1 week') as w
  )`;
}

/**
 * Each objective of `source` (a CTE with id and created_at) at the end of each week: its latest
 * progress point on or before that week's Sunday, 0 before its first point; weeks before the
 * objective existed are left out. Needs `weeks`.
 */
export function weeklyPointsSql(ctx: Pick<TenantContext, "orgId">, source: SQL): SQL {
  return sql`select s.id, w.week, coalesce(h.progress, 0) as progress
    from ${source} s
    join weeks w on s.created_at < (w.week + 7)::timestamp at time zone 'UTC'
    left join lateral (
      select ph.progress from objective_progress_history ph
      where ph.org_id = ${ctx.orgId} and ph.objective_id = s.id and ph.day < w.week + 7
      order by ph.day desc limit 1
    ) h on true`;
}


