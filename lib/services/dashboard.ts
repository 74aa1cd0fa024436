import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { keyResults, teams, users } from "@/db/schema";
import { cycleStatuses, objectiveLevels } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { firstPoint, progressAtWeekEnds, type ProgressPoint } from "@/lib/okr/history";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { now } from "@/lib/clock";
import { coachCountsRow, coachTallySql, type CoachCounts } from "./coach";
import type { CycleSummary } from "./cycles";
import {
  loadSeriesRows,
  orderTeamRows,
  perObjectiveCte,
  pointsByWeek,
  statusCounts,
  statusCountsShape,
  statusSumColumns,
  teamFiguresRow,
  teamRollupCtes,
  teamsInFullSql,
  TREND_WEEKS,
  weeksOf,
  type StatusCounts,
  type TeamRow,
} from "./dashboard-teams";
import { progressBucketSql } from "./progress-bucket-sql";
import { cycleCte, keyResultsCte, objectivesCte, teamClosureCte } from "./report-sql";
import { parseRow, sqlBoolean, sqlCount, sqlDay, sqlJsonList, sqlNumber, sqlNumberOrNull, sqlText } from "./sql-rows";
import { instantSql } from "./status-sql";

// The team table's row type, for components that import the dashboard's types from here.
export type { TeamRow } from "./dashboard-teams";

/** How many items each "needs attention" list shows; its total links to the explorer. */
export const ATTENTION_LIMIT = 5;
/** The statuses whose key results "needs attention" lists, worst first. */
const ATTENTION_STATUSES = ["off_track", "at_risk", "stale"] as const satisfies readonly Status[];

export interface DashboardCycle extends CycleSummary {
  /** Where the cycle says progress should be now; null unless the cycle is active. */
  expected: number | null;
}

export interface AttentionKeyResult {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  ownerName: string;
  status: Status;
  progress: number;
  /** Whole days since the last check-in (or since it started, never checked in). */
  daysSince: number;
  neverCheckedIn: boolean;
}

export interface AttentionObjective {
  id: string;
  title: string;
  level: "company" | "team" | "individual";
  teamName: string | null;
  ownerName: string;
}

export interface CompanySeries {
  id: string;
  title: string;
  progress: number;
  /** One value per `DashboardData.weeks` entry; null in weeks before its first recorded point. */
  points: Array<number | null>;
  /** Its first recorded progress (lib/okr/history.ts): where "from" starts, as on its own page. */
  first: number | null;
}

export interface DashboardData {
  cycle: DashboardCycle;
  /** Mean progress of the company objectives; null when there are none. */
  companyProgress: number | null;
  companyObjectiveCount: number;
  objectiveCount: number;
  keyResults: StatusCounts;
  /** Objectives per progress bucket: [0–10 %), [10–20 %), …, [90–100 %]. */
  distribution: number[];
  /** The team table's rows: every team, or (`teamsComplete` false) the top level of a large organisation. */
  teams: TeamRow[];
  teamsComplete: boolean;
  /** Monday dates of the cycle's weeks so far, oldest first, with the expected progress at each week's end. */
  weeks: Array<{ week: string; expected: number | null }>;
  companySeries: CompanySeries[];
  attention: {
    off_track: { items: AttentionKeyResult[]; total: number };
    at_risk: { items: AttentionKeyResult[]; total: number };
    stale: { items: AttentionKeyResult[]; total: number };
    withoutKeyResults: { items: AttentionObjective[]; total: number };
    coach: CoachCounts;
  };
}

/**
 * Everything the leadership dashboard shows for one cycle, in two statements whatever the size
 * of the organisation: one for the figures, one for the weekly series. Every figure is
 * aggregated in SQL. A cycle of another organisation is not found.
 *
 * The two statements read different rows and neither needs the other's answer, so they run at
 * once, each in its own transaction (its own connection): the page waits for the slower of the
 * two instead of their sum. Both are reads, and under READ COMMITTED each statement took its own
 * snapshot in a shared transaction too, so nothing is less consistent than it was.
 */
export async function loadDashboard(ctx: TenantContext, cycleId: string): Promise<DashboardData> {
  const at = now();
  const [figures, series] = await Promise.all([
    withTenant(ctx, (tx) => loadFigures(tx, ctx, cycleId, at)),
    withTenant(ctx, (tx) => loadSeriesRows(tx, ctx, cycleId, at, { kind: "dashboard" }, { company: true })),
  ]);
  const weekRows = weeksOf(series);
  const weeks = weekRows.map((row) => row.week);
  // Company objectives' lines from their recorded days, by the rule the objective page reads them with.
  const days = new Map<string, ProgressPoint[]>();
  for (const row of series) if (row.kind === "company_day") days.set(row.id, [...(days.get(row.id) ?? []), { day: row.week, progress: row.progress }]);
  return {
    ...figures,
    teams: orderTeamRows(figures.teams, pointsByWeek(weeks, series, "team", TREND_WEEKS)),
    weeks: weekRows.map((row) => ({ week: row.week, expected: row.progress })),
    companySeries: series
      .flatMap((row) =>
        row.kind === "objective"
          ? [
              {
                id: row.id,
                title: row.title,
                progress: row.progress,
                points: progressAtWeekEnds(days.get(row.id) ?? [], weeks),
                first: firstPoint(days.get(row.id) ?? [])?.progress ?? null,
              },
            ]
          : [],
      )
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

const LEVEL_RANK = sql`case o.level when 'company' then 0 when 'team' then 1 else 2 end`;

const attentionRow = z.object({
  id: sqlText,
  status: z.enum(ATTENTION_STATUSES),
  title: sqlText,
  progress: sqlNumber,
  objective_id: sqlText,
  objective_title: sqlText,
  owner_name: sqlText,
  never_checked_in: sqlBoolean,
  days_since: sqlNumber,
});

const withoutKeyResultsRow = z.object({ id: sqlText, title: sqlText, level: z.enum(objectiveLevels), team_name: sqlText.nullable(), owner_name: sqlText });

/** The one row loadFigures' statement answers. */
const figuresRow = z.object({
  id: sqlText,
  name: sqlText,
  start_date: sqlDay,
  end_date: sqlDay,
  status: z.enum(cycleStatuses),
  expected: sqlNumberOrNull,
  company_progress: sqlNumberOrNull,
  company_count: sqlCount,
  objective_count: sqlCount,
  distribution: z.array(sqlCount).length(10),
  ...statusCountsShape,
  teams: sqlJsonList(teamFiguresRow),
  teams_complete: sqlBoolean,
  attention: sqlJsonList(attentionRow),
  without_key_results: sqlJsonList(withoutKeyResultsRow),
  without_key_results_total: sqlCount,
  coach: coachCountsRow,
});

/**
 * Summary, team table, "needs attention" and the coach's counts in one statement: the cycle's
 * objectives (`obj`) and key results (`kr`) are read once and every figure is derived from them.
 * Teams add up their own figures first and then those of their branch, so the hierarchy costs a
 * join of a few thousand rows however many key results there are.
 */
async function loadFigures(tx: Tx, ctx: TenantContext, cycleId: string, at: Date) {
  const buckets = sql`array[${sql.join(
    Array.from({ length: 10 }, (_, bucket) => sql`count(*) filter (where o.bucket = ${sql.raw(String(bucket))})::int`),
    sql`, `,
  )}] as distribution`;
  const row = parseRow(
    figuresRow,
    await tx.execute(sql`
      with recursive ${cycleCte(ctx, cycleId, at)}, ${objectivesCte(ctx, cycleId)}, ${keyResultsCte(ctx, cycleId, at)}, ${teamClosureCte(ctx)},
      ${perObjectiveCte}, ${teamRollupCtes(ctx, { kind: "dashboard" })},
      kr_counts as (select ${statusSumColumns} from per_obj k),
      obj_counts as (
        select avg(o.progress) filter (where o.level = 'company')::float8 as company_progress,
               count(*) filter (where o.level = 'company')::int as company_count,
               count(*)::int as objective_count,
               ${buckets}
        from (select obj.level, obj.progress, ${progressBucketSql(sql`obj.progress`)} as bucket from obj) o
      ),
      attention_kr as (
        ${sql.join(
          ATTENTION_STATUSES.map((status) => sql`(select kr.id, kr.status from kr where kr.status = ${status} order by kr.progress, kr.title, kr.id limit ${ATTENTION_LIMIT})`),
          sql` union all `,
        )}
      ),
      attention_rows as (
        select a.id, a.status, k.title, k.progress::float8 as progress, o.id as objective_id, o.title as objective_title,
               u.name as owner_name, (k.last_check_in_at is null) as never_checked_in,
               floor(extract(epoch from ${instantSql(at)} - coalesce(k.last_check_in_at, greatest(k.created_at, cyc.start_day::timestamp at time zone 'UTC'))) / 86400)::int as days_since
        from attention_kr a
        join ${keyResults} k on k.org_id = ${ctx.orgId} and k.id = a.id
        join obj o on o.id = k.objective_id
        join ${users} u on u.id = k.owner_user_id
        cross join cyc
      ),
      without_kr as (
        select o.id, o.title, o.level, o.team_id, o.owner_user_id, ${LEVEL_RANK} as level_rank
        from obj o where not exists (select 1 from per_obj p where p.objective_id = o.id)
      ),
      without_kr_top as (
        select w.id, w.title, w.level, w.level_rank, t.name as team_name, u.name as owner_name
        from (select * from without_kr order by level_rank, title, id limit ${ATTENTION_LIMIT}) w
        join ${users} u on u.id = w.owner_user_id
        left join ${teams} t on t.org_id = ${ctx.orgId} and t.id = w.team_id
      )
      select cyc.id, cyc.name, cyc.start_date, cyc.end_date, cyc.status, cyc.expected, obj_counts.*, kr_counts.*,
             (select json_agg(tr) from team_rollup tr) as teams,
             ${teamsInFullSql(ctx)} as teams_complete,
             (select json_agg(r order by r.status, r.progress, r.title, r.id) from attention_rows r) as attention,
             (select json_agg(w order by w.level_rank, w.title, w.id) from without_kr_top w) as without_key_results,
             (select count(*)::int from without_kr) as without_key_results_total,
             (select row_to_json(tally) from (${coachTallySql(sql`obj`, sql`(select objective_id, total as key_results, not_measurable, due_outside from per_obj)`)}) tally) as coach
      from cyc cross join obj_counts cross join kr_counts`),
  );
  if (!row) throw new AppError("not_found", "errors.not_found");
  const keyResultCounts = statusCounts(row);
  const list = (status: (typeof ATTENTION_STATUSES)[number]) => ({
    total: keyResultCounts[status],
    items: row.attention
      .filter((item) => item.status === status)
      .map(
        (item): AttentionKeyResult => ({
          id: item.id,
          title: item.title,
          objectiveId: item.objective_id,
          objectiveTitle: item.objective_title,
          ownerName: item.owner_name,
          status,
          progress: item.progress,
          daysSince: item.days_since,
          neverCheckedIn: item.never_checked_in,
        }),
      ),
  });
  return {
    cycle: { id: row.id, name: row.name, startDate: row.start_date, endDate: row.end_date, status: row.status, expected: row.expected },
    companyProgress: row.company_progress,
    companyObjectiveCount: row.company_count,
    objectiveCount: row.objective_count,
    keyResults: keyResultCounts,
    distribution: row.distribution,
    teams: row.teams,
    teamsComplete: row.teams_complete,
    attention: {
      off_track: list("off_track"),
      at_risk: list("at_risk"),
      stale: list("stale"),
      withoutKeyResults: {
        total: row.without_key_results_total,
        items: row.without_key_results.map(
          (item): AttentionObjective => ({ id: item.id, title: item.title, level: item.level, teamName: item.team_name, ownerName: item.owner_name }),
        ),
      },
      coach: row.coach,
    },
  };
}
