import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { keyResults, objectives, teams, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant";
import { withTenant } from "@/lib/tenant-scope";
import { coachCounts, type CoachCounts } from "./coach";
import type { CycleSummary } from "./cycles";
import { cycleCte, keyResultsCte, num, numOrNull, objectivesCte, teamClosureCte, weeklyPointsSql, weeksCte } from "./report-sql";
import { flattenTree, teamTree } from "./teams";

export const TREND_WEEKS = 8;
/** How many items each "needs attention" list shows; its total links to the explorer. */
export const ATTENTION_LIMIT = 5;
export const STATUSES = ["on_track", "at_risk", "off_track", "stale", "not_started"] as const satisfies readonly Status[];

export type StatusCounts = Record<Status, number> & { total: number; checkedInThisWeek: number };

export interface DashboardCycle extends CycleSummary {
  /** Where the cycle says progress should be now; null unless the cycle is active. */
  expected: number | null;
}

export interface TeamRow {
  id: string;
  name: string;
  parentTeamId: string | null;
  depth: number;
  hasChildren: boolean;
  /** Team objectives of this team and every team below it. */
  objectiveCount: number;
  /** Mean progress of those objectives; null without any. */
  progress: number | null;
  keyResults: StatusCounts;
  /** Mean progress at the end of each of the last weeks (see `DashboardData.weeks`); null before there were objectives. */
  trend: Array<number | null>;
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
  /** One value per `DashboardData.weeks` entry; null in weeks before the objective existed. */
  points: Array<number | null>;
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
  teams: TeamRow[];
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

/** `count(*) filter` for each status, the total and the share checked in this week, over `kr`. */
const statusCountColumns = sql.join(
  [
    ...STATUSES.map((status) => sql`count(kr.id) filter (where kr.status = ${status})::int as ${sql.identifier(status)}`),
    sql`count(kr.id)::int as total`,
    sql`count(kr.id) filter (where kr.checked_in)::int as checked_in_this_week`,
  ],
  sql`, `,
);

function statusCounts(row: Record<string, unknown> | undefined): StatusCounts {
  const counts = { total: num(row?.total), checkedInThisWeek: num(row?.checked_in_this_week) } as StatusCounts;
  for (const status of STATUSES) counts[status] = num(row?.[status]);
  return counts;
}

/**
 * Everything the leadership dashboard shows for one cycle, in eight statements whatever the size
 * of the organisation: every figure is aggregated in SQL (grouped queries, `count(*) filter`,
 * `avg`, weekly series from objective_progress_history). A cycle of another organisation is
 * not found.
 */
export async function loadDashboard(ctx: TenantContext, cycleId: string): Promise<DashboardData> {
  return withTenant(ctx, async (tx) => {
    const summary = await loadSummary(tx, ctx, cycleId);
    // One connection serves the transaction: the statements run one after another.
    const teamRows = await loadTeams(tx, ctx, cycleId);
    const series = await loadSeries(tx, ctx, cycleId);
    const attention = await loadAttention(tx, ctx, cycleId);
    const coach = await coachCounts(ctx, cycleId);
    const weekIndex = new Map(series.weeks.map((week, index) => [week.week, index]));
    const trendStart = Math.max(0, series.weeks.length - TREND_WEEKS);
    const trends = new Map<string, Array<number | null>>();
    for (const point of series.teamPoints) {
      const list = trends.get(point.team_id) ?? Array<number | null>(series.weeks.length - trendStart).fill(null);
      list[(weekIndex.get(point.week) ?? 0) - trendStart] = num(point.progress);
      trends.set(point.team_id, list);
    }
    const companyPoints = new Map<string, Array<number | null>>();
    for (const point of series.companyPoints) {
      const list = companyPoints.get(point.id) ?? Array<number | null>(series.weeks.length).fill(null);
      list[weekIndex.get(point.week) ?? 0] = num(point.progress);
      companyPoints.set(point.id, list);
    }
    const ordered = flattenTree(teamTree(teamRows));
    return {
      ...summary,
      teams: ordered.map(({ team, depth, children }) => ({
        ...team,
        depth,
        hasChildren: children.length > 0,
        trend: trends.get(team.id) ?? Array<number | null>(series.weeks.length - trendStart).fill(null),
      })),
      weeks: series.weeks,
      companySeries: series.company.map((objective) => ({
        ...objective,
        points: companyPoints.get(objective.id) ?? Array<number | null>(series.weeks.length).fill(null),
      })),
      attention: { ...attention, coach },
    };
  });
}

async function loadSummary(tx: Tx, ctx: TenantContext, cycleId: string) {
  const buckets = sql.join(
    Array.from({ length: 10 }, (_, bucket) => sql`(select count(*)::int from obj where least(floor(obj.progress * 10), 9) = ${bucket}) as ${sql.identifier(`b${bucket}`)}`),
    sql`, `,
  );
  const [row] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      with ${cycleCte(ctx, cycleId)}, ${objectivesCte(ctx, cycleId)}, ${keyResultsCte(ctx, cycleId)},
      counts as (select ${statusCountColumns} from kr)
      select cyc.id, cyc.name, cyc.start_date, cyc.end_date, cyc.status, cyc.expected,
             (select avg(obj.progress)::float8 from obj where obj.level = 'company') as company_progress,
             (select count(*)::int from obj where obj.level = 'company') as company_count,
             (select count(*)::int from obj) as objective_count,
             ${buckets}, counts.*
      from cyc cross join counts`),
  );
  if (!row) throw new AppError("not_found", "errors.not_found");
  return {
    cycle: {
      id: String(row.id),
      name: String(row.name),
      startDate: String(row.start_date),
      endDate: String(row.end_date),
      status: row.status as CycleSummary["status"],
      expected: numOrNull(row.expected),
    },
    companyProgress: numOrNull(row.company_progress),
    companyObjectiveCount: num(row.company_count),
    objectiveCount: num(row.objective_count),
    keyResults: statusCounts(row),
    distribution: Array.from({ length: 10 }, (_, bucket) => num(row[`b${bucket}`])),
  };
}

/** Every team with the figures of its branch: its team objectives and those of the teams below it. */
async function loadTeams(tx: Tx, ctx: TenantContext, cycleId: string) {
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      with recursive ${teamClosureCte(ctx)}, ${objectivesCte(ctx, cycleId)}, ${keyResultsCte(ctx, cycleId)},
      objective_rollup as (
        select c.ancestor as team_id, count(*)::int as objectives, avg(obj.progress)::float8 as progress
        from closure c join obj on obj.team_id = c.descendant and obj.level = 'team'
        group by c.ancestor
      ),
      key_result_rollup as (
        select c.ancestor as team_id, ${statusCountColumns}
        from closure c join kr on kr.team_id = c.descendant and kr.level = 'team'
        group by c.ancestor
      )
      select ${teams.id} as id, ${teams.name} as name, ${teams.parentTeamId} as parent_team_id,
             coalesce(o.objectives, 0) as objectives, o.progress, k.*
      from ${teams}
      left join objective_rollup o on o.team_id = ${teams.id}
      left join key_result_rollup k on k.team_id = ${teams.id}
      where ${teams.orgId} = ${ctx.orgId}`),
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    parentTeamId: (row.parent_team_id as string | null) ?? null,
    objectiveCount: num(row.objectives),
    progress: numOrNull(row.progress),
    keyResults: statusCounts(row),
  }));
}

/** The weeks of the cycle, each team's weekly mean (last weeks) and each company objective's weekly progress. */
async function loadSeries(tx: Tx, ctx: TenantContext, cycleId: string) {
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      with recursive ${cycleCte(ctx, cycleId)}, ${teamClosureCte(ctx)}, ${objectivesCte(ctx, cycleId)}, ${weeksCte(53)},
      trend_weeks as (select week from weeks order by week desc limit ${TREND_WEEKS}),
      team_obj as (select id, team_id, created_at from obj where level = 'team'),
      company_obj as (select id, created_at from obj where level = 'company'),
      team_points as (
        select c.ancestor as team_id, p.week, avg(p.progress)::float8 as progress
        from (${weeklyPointsSql(ctx, sql`team_obj`)}) p
        join trend_weeks tw on tw.week = p.week
        join team_obj t on t.id = p.id
        join closure c on c.descendant = t.team_id
        group by c.ancestor, p.week
      )
      select 'week' as kind, null::uuid as id, weeks.week::text as week, weeks.expected as progress, null as title from weeks
      union all
      select 'team', team_id, week::text, progress, null from team_points
      union all
      select 'company', p.id, p.week::text, p.progress::float8, null from (${weeklyPointsSql(ctx, sql`company_obj`)}) p
      union all
      select 'objective', obj.id, null, obj.progress::float8, obj.title from obj where obj.level = 'company'
      order by 1, 3`),
  );
  type Row = { kind: string; id: string; week: string; progress: number | string | null; title: string };
  const typed = rows as unknown as Row[];
  return {
    weeks: typed.filter((row) => row.kind === "week").map((row) => ({ week: row.week, expected: numOrNull(row.progress) })),
    teamPoints: typed.filter((row) => row.kind === "team").map((row) => ({ team_id: row.id, week: row.week, progress: row.progress })),
    companyPoints: typed.filter((row) => row.kind === "company"),
    company: typed
      .filter((row) => row.kind === "objective")
      .map((row) => ({ id: row.id, title: row.title, progress: num(row.progress) }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** The first few key results off track, at risk and stale, objectives without key results, with totals. */
async function loadAttention(tx: Tx, ctx: TenantContext, cycleId: string) {
  const krRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      with ${keyResultsCte(ctx, cycleId)},
      ranked as (
        select kr.*, count(*) over (partition by kr.status)::int as total,
               row_number() over (partition by kr.status order by kr.progress asc, kr.title asc, kr.id asc) as rank
        from kr
        where kr.status in ('off_track', 'at_risk', 'stale')
      )
      select r.id, r.status, r.total, k.title, k.progress::float8 as progress, o.id as objective_id, o.title as objective_title,
             u.name as owner_name, (k.last_check_in_at is null) as never_checked_in,
             floor(extract(epoch from now() - coalesce(k.last_check_in_at, greatest(k.created_at, c.start_date::timestamp at time zone 'UTC'))) / 86400)::int as days_since
      from ranked r
      join ${keyResults} k on k.org_id = ${ctx.orgId} and k.id = r.id
      join ${objectives} o on o.org_id = k.org_id and o.id = k.objective_id
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      join ${users} u on u.id = k.owner_user_id
      where r.rank <= ${ATTENTION_LIMIT}
      order by r.status, r.rank`),
  );
  const objectiveRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select o.id, o.title, o.level::text as level, t.name as team_name, u.name as owner_name, count(*) over ()::int as total
      from ${objectives} o
      join ${users} u on u.id = o.owner_user_id
      left join ${teams} t on t.org_id = o.org_id and t.id = o.team_id
      where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
        and not exists (select 1 from ${keyResults} k where k.org_id = o.org_id and k.objective_id = o.id)
      order by case o.level when 'company' then 0 when 'team' then 1 else 2 end, o.title, o.id
      limit ${ATTENTION_LIMIT}`),
  );
  const list = (status: Status) => {
    const items = krRows.filter((row) => row.status === status);
    return {
      total: num(items[0]?.total),
      items: items.map(
        (row): AttentionKeyResult => ({
          id: String(row.id),
          title: String(row.title),
          objectiveId: String(row.objective_id),
          objectiveTitle: String(row.objective_title),
          ownerName: String(row.owner_name),
          status,
          progress: num(row.progress),
          daysSince: num(row.days_since),
          neverCheckedIn: Boolean(row.never_checked_in),
        }),
      ),
    };
  };
  return {
    off_track: list("off_track"),
    at_risk: list("at_risk"),
    stale: list("stale"),
    withoutKeyResults: {
      total: num(objectiveRows[0]?.total),
      items: objectiveRows.map(
        (row): AttentionObjective => ({
          id: String(row.id),
          title: String(row.title),
          level: row.level as AttentionObjective["level"],
          teamName: (row.team_name as string | null) ?? null,
          ownerName: String(row.owner_name),
        }),
      ),
    },
  };
}
