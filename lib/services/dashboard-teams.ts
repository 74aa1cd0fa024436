import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { teams } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { STATUSES, type Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { now } from "@/lib/clock";
import { cycleCte, keyResultsCte, objectivesCte, teamClosureCte, weeklyPointsSql, weeksCte } from "./report-sql";
import { parseRow, parseRows, sqlBoolean, sqlCount, sqlDay, sqlJsonList, sqlNumber, sqlNumberOrNull, sqlText } from "./sql-rows";
import { flattenTree, teamTree } from "./teams";
import { documents } from "@/lib/api/answer-types";
import { idJson } from "@/lib/api/json-values";

/**
 * The dashboard's team table: each team's objectives and key-result statuses over its whole
 * branch, with a weekly trend. A large organisation's page carries only the top level; a team's
 * branch is read on its own when it is opened (`loadTeamBranch`), by the same SQL.
 */

/** Weeks of trend each team row shows. */
export const TREND_WEEKS = 8;
/** Past this many teams the dashboard carries only the top level of its team table. */
export const TEAMS_IN_FULL_UP_TO = 25;

export type StatusCounts = Record<Status, number> & { total: number; checkedInThisWeek: number };

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

export const teamRowJson = documents<TeamRow>()(
  z.object({
    id: idJson,
    name: z.string(),
    parentTeamId: idJson.nullable(),
    depth: z.number().int(),
    hasChildren: z.boolean(),
    objectiveCount: z.number().int(),
    progress: z.number().nullable(),
    // One count per status (documents<TeamRow> fails if STATUSES gains one this does not name).
    keyResults: z.object({
      on_track: z.number().int(),
      at_risk: z.number().int(),
      off_track: z.number().int(),
      stale: z.number().int(),
      not_started: z.number().int(),
      total: z.number().int(),
      checkedInThisWeek: z.number().int(),
    }),
    trend: z.array(z.number().nullable()),
  }),
);

/**
 * Whose rows a statement sends; the figures of each row always cover its whole branch.
 * `dashboard`: every team up to TEAMS_IN_FULL_UP_TO teams, past that the top level only.
 */
export type TeamScope = { kind: "dashboard" } | { kind: "all" } | { kind: "below"; teamId: string };

/** `count(*) filter` for each status, the total and the share checked in this week, over `kr`. */
export const statusCountColumns = sql.join(
  [
    ...STATUSES.map((status) => sql`count(kr.id) filter (where kr.status = ${status})::int as ${sql.identifier(status)}`),
    sql`count(kr.id)::int as total`,
    sql`count(kr.id) filter (where kr.checked_in)::int as checked_in_this_week`,
  ],
  sql`, `,
);

/** The same columns summed over rows that already carry them (a team's branch). */
export const statusSumColumns = sql.join(
  [...STATUSES, "total", "checked_in_this_week"].map((column) => sql`coalesce(sum(k.${sql.identifier(column)}), 0)::int as ${sql.identifier(column)}`),
  sql`, `,
);

/** The columns statusCountColumns and statusSumColumns name, as a row schema reads them. */
export const statusCountsShape = {
  on_track: sqlCount,
  at_risk: sqlCount,
  off_track: sqlCount,
  stale: sqlCount,
  not_started: sqlCount,
  total: sqlCount,
  checked_in_this_week: sqlCount,
} satisfies Record<Status | "total" | "checked_in_this_week", typeof sqlCount>;

type StatusCountsColumns = z.output<z.ZodObject<typeof statusCountsShape>>;

export function statusCounts(row: StatusCountsColumns): StatusCounts {
  const { on_track, at_risk, off_track, stale, not_started, total, checked_in_this_week } = row;
  return { on_track, at_risk, off_track, stale, not_started, total, checkedInThisWeek: checked_in_this_week };
}

/** Whether the organisation is small enough for the dashboard to send its every team (a boolean). */
export function teamsInFullSql(ctx: Pick<TenantContext, "orgId">): SQL<boolean> {
  return sql<boolean>`((select count(*) from ${teams} n where n.org_id = ${ctx.orgId}) <= ${TEAMS_IN_FULL_UP_TO})`;
}

function teamScopeSql(ctx: Pick<TenantContext, "orgId">, scope: TeamScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "dashboard":
      return sql`(t.parent_team_id is null or ${teamsInFullSql(ctx)})`;
    case "below":
      return sql`t.id in (select c.descendant from closure c where c.ancestor = ${scope.teamId} and c.depth > 0)`;
  }
}

/** `team_scope`: the teams whose rows a statement sends. Needs `closure`. */
function teamScopeCte(ctx: Pick<TenantContext, "orgId">, scope: TeamScope): SQL {
  return sql`team_scope as (
      select t.id, t.name, t.parent_team_id from ${teams} t where t.org_id = ${ctx.orgId} and ${teamScopeSql(ctx, scope)}
    )`;
}

/**
 * `team_scope` (the teams whose rows are sent) and `team_rollup` (each with its depth, whether
 * teams sit below it, and its branch's figures). Teams add up their own objectives first and
 * then those of their branch, so the hierarchy costs a join of team rows, not of key results.
 * Needs `closure`, `obj` and `per_obj` (status counts per objective).
 */
export function teamRollupCtes(ctx: Pick<TenantContext, "orgId">, scope: TeamScope): SQL {
  return sql`${teamScopeCte(ctx, scope)},
    team_kr as (
      select o.team_id, ${statusSumColumns}
      from per_obj k join obj o on o.id = k.objective_id
      where o.level = 'team' group by o.team_id
    ),
    team_obj as (select obj.team_id, count(*)::int as objectives, sum(obj.progress) as progress_sum from obj where obj.level = 'team' group by obj.team_id),
    team_rollup as (
      select s.id, s.name, s.parent_team_id,
             (select max(d.depth) from closure d where d.descendant = s.id)::int as depth,
             exists (select 1 from ${teams} ch where ch.org_id = ${ctx.orgId} and ch.parent_team_id = s.id) as has_children,
             coalesce(sum(o.objectives), 0)::int as objectives,
             (sum(o.progress_sum) / nullif(sum(o.objectives), 0))::float8 as progress,
             ${statusSumColumns}
      from team_scope s
      join closure c on c.ancestor = s.id
      left join team_obj o on o.team_id = c.descendant
      left join team_kr k on k.team_id = c.descendant
      group by s.id, s.name, s.parent_team_id
    )`;
}

/** `per_obj`: each objective's key results counted by status (needs `kr`). */
export const perObjectiveCte = sql`per_obj as (
    select kr.objective_id, ${statusCountColumns}, bool_or(kr.not_measurable) as not_measurable, bool_or(kr.due_outside) as due_outside
    from kr group by kr.objective_id
  )`;

export type TeamFigures = Omit<TeamRow, "trend">;

/** A row `team_rollup` sent, as `json_agg` delivers it. */
export const teamFiguresRow = z
  .object({
    id: sqlText,
    name: sqlText,
    parent_team_id: sqlText.nullable(),
    depth: sqlNumber,
    has_children: sqlBoolean,
    objectives: sqlCount,
    progress: sqlNumberOrNull,
    ...statusCountsShape,
  })
  .transform(
    (team): TeamFigures => ({
      id: team.id,
      name: team.name,
      parentTeamId: team.parent_team_id,
      depth: team.depth,
      hasChildren: team.has_children,
      objectiveCount: team.objectives,
      progress: team.progress,
      keyResults: statusCounts(team),
    }),
  );

/**
 * A row of loadSeriesRows: a week with its expected progress, a team's weekly point, a company
 * objective's recorded point of one day (company_day, in `week`, read by lib/okr/history.ts), or
 * a company objective's line.
 */
const seriesRow = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("week"), week: sqlDay, progress: sqlNumberOrNull }),
  z.object({ kind: z.enum(["team", "company_day"]), id: sqlText, week: sqlDay, progress: sqlNumber }),
  z.object({ kind: z.literal("objective"), id: sqlText, title: sqlText, progress: sqlNumber }),
]);
export type SeriesRow = z.output<typeof seriesRow>;

/** The week rows of a series, oldest first. */
export function weeksOf(rows: readonly SeriesRow[]) {
  return rows.flatMap((row) => (row.kind === "week" ? [row] : []));
}

/**
 * The cycle's weeks, each scoped team's mean progress at the end of each of the last weeks, and
 * (with `company`) each company objective's recorded days and current progress. `objectives` narrows the team
 * objectives that are read (a branch reads only its own).
 */
export async function loadSeriesRows(
  tx: Tx,
  ctx: Pick<TenantContext, "orgId">,
  cycleId: string,
  at: Date,
  scope: TeamScope,
  options: { company: boolean; objectives?: SQL },
): Promise<SeriesRow[]> {
  const company = options.company
    ? sql`union all
      select 'company_day', h.objective_id, h.day::text, h.progress::float8, null
      from objective_progress_history h join company_obj c on c.id = h.objective_id where h.org_id = ${ctx.orgId}
      union all
      select 'objective', obj.id, null, obj.progress::float8, obj.title from obj where obj.level = 'company'`
    : sql``;
  return parseRows(
    seriesRow,
    await tx.execute(sql`
      with recursive ${cycleCte(ctx, cycleId, at)}, ${teamClosureCte(ctx)}, ${objectivesCte(ctx, cycleId, options.objectives)}, ${weeksCte(53, at)},
      ${teamScopeCte(ctx, scope)},
      trend_weeks as (select week from weeks order by week desc limit ${TREND_WEEKS}),
      team_obj as (select id, team_id, created_at from obj where level = 'team'),
      company_obj as (select id, created_at from obj where level = 'company'),
      -- Each team objective's weekly points first (materialized): joined with the scope's teams
      -- in one query, the planner misjudged the sizes and looked up every pair of the two.
      team_obj_points as materialized (
        select p.id, p.week, p.progress from (${weeklyPointsSql(ctx, sql`team_obj`)}) p join trend_weeks tw on tw.week = p.week
      ),
      team_points as (
        select c.ancestor as team_id, p.week, avg(p.progress)::float8 as progress
        from team_obj_points p
        join team_obj t on t.id = p.id
        join closure c on c.descendant = t.team_id
        join team_scope s on s.id = c.ancestor
        group by c.ancestor, p.week
      )
      select 'week' as kind, null::uuid as id, weeks.week::text as week, weeks.expected as progress, null as title from weeks
      union all
      select 'team', team_id, week::text, progress, null from team_points
      ${company}
      order by 1, 3`),
  );
}

/**
 * The series rows of one kind as a list per id, aligned to the last `count` of `weeks` (null
 * where a week has no point): team trends.
 */
export function pointsByWeek(
  weeks: readonly string[],
  rows: readonly SeriesRow[],
  kind: "team",
  count = weeks.length,
): (id: string) => Array<number | null> {
  const start = Math.max(0, weeks.length - count);
  const weekIndex = new Map(weeks.map((week, index) => [week, index - start]));
  const empty = () => Array<number | null>(weeks.length - start).fill(null);
  const lists = new Map<string, Array<number | null>>();
  for (const row of rows) {
    if (row.kind !== kind) continue;
    const list = lists.get(row.id) ?? empty();
    list[weekIndex.get(row.week) ?? 0] = row.progress;
    lists.set(row.id, list);
  }
  return (id) => lists.get(id) ?? empty();
}

/** Team rows in hierarchy order (parents first, by name), each with its trend. */
export function orderTeamRows(figures: readonly TeamFigures[], trendOf: (teamId: string) => Array<number | null>): TeamRow[] {
  return flattenTree(teamTree(figures)).map(({ team }) => ({ ...team, trend: trendOf(team.id) }));
}

/**
 * The rows of the team table below one team (all of its branch, in hierarchy order), or every
 * row without a team: what the table fetches when a large organisation's team is opened. Only
 * that branch's objectives are read; the figures come from the same SQL as the dashboard's, so
 * the two never disagree. A team or cycle of another organisation is not found.
 */
export async function loadTeamBranch(ctx: TenantContext, cycleId: string, parentTeamId: string | null): Promise<TeamRow[]> {
  const scope: TeamScope = parentTeamId === null ? { kind: "all" } : { kind: "below", teamId: parentTeamId };
  // A branch reads the team objectives of its own teams only; every row still counts its whole branch.
  const objectives = parentTeamId === null ? undefined : sql`o.level = 'team' and o.team_id in (select c.descendant from closure c where c.ancestor = ${parentTeamId})`;
  const at = now();
  const [figures, series] = await Promise.all([
    withTenant(ctx, (tx) => loadBranchFigures(tx, ctx, cycleId, at, scope, parentTeamId, objectives)),
    withTenant(ctx, (tx) => loadSeriesRows(tx, ctx, cycleId, at, scope, { company: false, objectives })),
  ]);
  const weeks = weeksOf(series).map((row) => row.week);
  return orderTeamRows(figures, pointsByWeek(weeks, series, "team", TREND_WEEKS));
}

async function loadBranchFigures(tx: Tx, ctx: TenantContext, cycleId: string, at: Date, scope: TeamScope, parentTeamId: string | null, objectives: SQL | undefined) {
  const row = parseRow(
    z.object({ teams: sqlJsonList(teamFiguresRow), parent_found: sqlBoolean }),
    await tx.execute(sql`
      with recursive ${cycleCte(ctx, cycleId, at)}, ${teamClosureCte(ctx)}, ${objectivesCte(ctx, cycleId, objectives)}, ${keyResultsCte(ctx, cycleId, at, objectives)},
      ${perObjectiveCte}, ${teamRollupCtes(ctx, scope)}
      select (select json_agg(tr) from team_rollup tr) as teams,
             ${parentTeamId === null ? sql`true` : sql`exists (select 1 from ${teams} t where t.org_id = ${ctx.orgId} and t.id = ${parentTeamId})`} as parent_found
      from cyc`),
  );
  if (!row || !row.parent_found) throw new AppError("not_found", "errors.not_found");
  return row.teams;
}
