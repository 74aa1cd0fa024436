import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { checkIns, cycles, keyResults, objectiveProgressHistory, objectives, teams, users, type Confidence } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import type { Status } from "@/lib/okr/progress";
import { daysBefore, utcDay } from "@/lib/okr/week";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { DashboardCycle } from "./dashboard";
import type { KeyResultMeasureFields } from "./key-result-measure";
import { cycleCte, cycleRow } from "./report-sql";
import { measureFieldsOf, parseRow, parseRows, sqlBoolean, sqlConfidence, sqlCount, sqlMeasureShape, sqlNumber, sqlNumberOrNull, sqlStatus, sqlText } from "./sql-rows";
import { instantSql, keyResultSeveritySql, keyResultStatusSql, severityToStatusSql, statusSeveritySql } from "./status-sql";
import { flattenTree, teamTree } from "./teams";

/** How far back "this week" reaches in the meeting: the seven days before now. */
export const REVIEW_DAYS = 7;
/** Notes shown per objective (the newest); a busy week still fits on its slide. */
export const NOTES_PER_OBJECTIVE = 8;

export interface ReviewKeyResult extends KeyResultMeasureFields {
  id: string;
  objectiveId: string;
  title: string;
  ownerName: string;
  progress: number;
  status: Status;
  /** Its status seven days ago; null if it did not exist then. */
  statusWeekAgo: Status | null;
  /** Became at risk, off track or stale this week (or got worse among those). */
  newRisk: boolean;
  /** Check-ins of the last seven days; null without any. */
  week: { checkIns: number; valueBefore: string; valueAfter: string; confidenceBefore: Confidence | null; confidenceAfter: Confidence } | null;
}

export interface ReviewNote {
  id: string;
  keyResultId: string;
  keyResultTitle: string;
  authorName: string;
  note: string;
  confidence: Confidence;
  /** ISO timestamp. */
  createdAt: string;
}

export interface ReviewObjective {
  id: string;
  title: string;
  level: "company" | "team";
  teamId: string | null;
  ownerName: string;
  progress: number;
  /** Progress minus expected; null unless the cycle is active. */
  pace: number | null;
  /** Progress seven days ago, and the change since; null for an objective created this week. */
  progressWeekAgo: number | null;
  delta: number | null;
  status: Status | null;
  keyResults: ReviewKeyResult[];
  notes: ReviewNote[];
}

export type ReviewSlide =
  | { kind: "company"; id: string; title: string; objectives: ReviewObjective[] }
  | { kind: "team"; id: string; title: string; depth: number; parentName: string | null; objectives: ReviewObjective[] };

export interface ReviewData {
  cycle: DashboardCycle;
  /** ISO timestamp: where "this week" starts. */
  since: string;
  slides: ReviewSlide[];
}

const objectiveRow = z
  .object({
    id: sqlText,
    title: sqlText,
    level: z.enum(["company", "team"]),
    team_id: sqlText.nullable(),
    owner_name: sqlText,
    progress: sqlNumber,
    pace: sqlNumberOrNull,
    progress_week_ago: sqlNumberOrNull,
    delta: sqlNumberOrNull,
    status: sqlStatus.nullable(),
  })
  .transform((row): Omit<ReviewObjective, "keyResults" | "notes"> => ({
    id: row.id,
    title: row.title,
    level: row.level,
    teamId: row.team_id,
    ownerName: row.owner_name,
    progress: row.progress,
    pace: row.pace,
    progressWeekAgo: row.progress_week_ago,
    delta: row.delta,
    status: row.status,
  }));

const keyResultRow = z
  .object({
    id: sqlText,
    objective_id: sqlText,
    title: sqlText,
    owner_name: sqlText,
    ...sqlMeasureShape,
    progress: sqlNumber,
    status: sqlStatus,
    status_week_ago: sqlStatus.nullable(),
    new_risk: sqlBoolean,
    check_ins: sqlCount,
    value_before: sqlText.nullable(),
    value_after: sqlText.nullable(),
    confidence_before: sqlConfidence.nullable(),
    confidence_after: sqlConfidence.nullable(),
  })
  .transform(
    (row): ReviewKeyResult => ({
      id: row.id,
      objectiveId: row.objective_id,
      title: row.title,
      ownerName: row.owner_name,
      ...measureFieldsOf(row),
      progress: row.progress,
      status: row.status,
      statusWeekAgo: row.status_week_ago,
      newRisk: row.new_risk,
      week:
        row.check_ins > 0 && row.value_after !== null && row.confidence_after !== null
          ? {
              checkIns: row.check_ins,
              valueBefore: row.value_before ?? row.start_value,
              valueAfter: row.value_after,
              confidenceBefore: row.confidence_before,
              confidenceAfter: row.confidence_after,
            }
          : null,
    }),
  );

const noteRow = z
  .object({
    id: sqlText,
    key_result_id: sqlText,
    key_result_title: sqlText,
    objective_id: sqlText,
    author_name: sqlText,
    note: sqlText,
    confidence: sqlConfidence,
    created_at: sqlText,
  })
  .transform((row): ReviewNote & { objectiveId: string } => ({
    id: row.id,
    keyResultId: row.key_result_id,
    keyResultTitle: row.key_result_title,
    objectiveId: row.objective_id,
    authorName: row.author_name,
    note: row.note,
    confidence: row.confidence,
    createdAt: row.created_at,
  }));

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

const isoTimestamp = (column: unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * keyResultStatus() of lib/okr/progress.ts as it stood at `then`: judged from the last check-in
 * before then (`before`, joined laterally) instead of the stored latest one. Reads `before`,
 * `key_results` and `cycles`.
 */
const statusThenSql = (then: Date) =>
  keyResultStatusSql(then, {
    lastCheckInAt: sql`before.created_at`,
    lastConfidence: sql`before.confidence`,
    createdAt: keyResults.createdAt,
    cycleStatus: cycles.status,
    cycleStartDate: cycles.startDate,
  });

/**
 * The weekly review of a cycle: one slide per company objective, then one per team in hierarchy
 * order, each with its objectives, the week's check-ins, new risks and notes. Six statements
 * whatever the size of the organisation. A cycle of another organisation is not found.
 */
export async function loadReview(ctx: TenantContext, cycleId: string): Promise<ReviewData> {
  const at = now();
  const weekAgo = daysBefore(at, REVIEW_DAYS);
  return withTenant(ctx, async (tx) => {
    const cycle = parseRow(cycleRow, await tx.execute(sql`with ${cycleCte(ctx, cycleId, at)} select cyc.* from cyc`));
    if (!cycle) throw new AppError("not_found", "errors.not_found");
    const teamRows = await tx
      .select({ id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId })
      .from(teams)
      .where(eq(teams.orgId, ctx.orgId))
      .orderBy(asc(teams.name));
    const objectiveRows = await loadObjectives(tx, ctx, cycleId, at, weekAgo);
    const krRows = await loadKeyResults(tx, ctx, cycleId, at, weekAgo);
    const noteRows = await loadNotes(tx, ctx, cycleId, weekAgo);

    const krsOf = groupBy(krRows, (row) => row.objectiveId);
    const notesOf = groupBy(noteRows, (row) => row.objectiveId);
    const full: ReviewObjective[] = objectiveRows.map((row) => ({
      ...row,
      keyResults: krsOf.get(row.id) ?? [],
      notes: (notesOf.get(row.id) ?? []).map(({ objectiveId: _, ...note }) => note),
    }));
    const ofTeam = groupBy(
      full.filter((objective) => objective.level === "team"),
      (objective) => objective.teamId ?? "",
    );
    const nameOf = new Map(teamRows.map((team) => [team.id, team.name]));
    const slides: ReviewSlide[] = [
      ...full
        .filter((objective) => objective.level === "company")
        .map((objective) => ({ kind: "company" as const, id: objective.id, title: objective.title, objectives: [objective] })),
      ...flattenTree(teamTree(teamRows)).map(({ team, depth }) => ({
        kind: "team" as const,
        id: team.id,
        title: team.name,
        depth,
        parentName: team.parentTeamId ? (nameOf.get(team.parentTeamId) ?? null) : null,
        objectives: ofTeam.get(team.id) ?? [],
      })),
    ];
    return {
      cycle,
      since: weekAgo.toISOString(),
      slides,
    };
  });
}

/** Company and team objectives with pace, progress a week ago (from history) and their worst status. */
async function loadObjectives(tx: Tx, ctx: TenantContext, cycleId: string, at: Date, weekAgo: Date) {
  return parseRows(
    objectiveRow,
    await tx.execute(sql`
      with ${cycleCte(ctx, cycleId, at)},
      obj as (
        select o.*, case when o.created_at > ${instantSql(weekAgo)} then null else coalesce((
          select ph.progress from ${objectiveProgressHistory} ph
          where ph.org_id = o.org_id and ph.objective_id = o.id and ph.day <= ${utcDay(weekAgo)}::date
          order by ph.day desc limit 1), 0) end as progress_week_ago
        from ${objectives} o
        where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null and o.level in ('company', 'team')
      )
      select obj.id, obj.title, obj.level::text as level, obj.team_id, u.name as owner_name, obj.progress::float8 as progress,
             (obj.progress - cyc.expected)::float8 as pace, obj.progress_week_ago::float8 as progress_week_ago,
             (obj.progress - obj.progress_week_ago)::float8 as delta,
             ${severityToStatusSql(sql`(
               select max(${keyResultSeveritySql(at)}) from ${keyResults}
               join ${cycles} on ${cycles.orgId} = ${keyResults.orgId} and ${cycles.id} = ${cycleId}
               where ${keyResults.orgId} = obj.org_id and ${keyResults.objectiveId} = obj.id)`)} as status
      from obj cross join cyc join ${users} u on u.id = obj.owner_user_id
      order by obj.title, obj.id`),
  );
}

/** Key results with their status now and a week ago, and what their check-ins of the week changed. */
async function loadKeyResults(tx: Tx, ctx: TenantContext, cycleId: string, at: Date, weekAgo: Date): Promise<ReviewKeyResult[]> {
  const status = keyResultStatusSql(at);
  const previous = sql`case when ${keyResults.createdAt} > ${instantSql(weekAgo)} then null else ${statusThenSql(weekAgo)} end`;
  return parseRows(
    keyResultRow,
    await tx.execute(sql`
      select ${keyResults.id} as id, ${keyResults.objectiveId} as objective_id, ${keyResults.title} as title, u.name as owner_name,
             ${keyResults.unit}::text as unit, ${keyResults.currencyCode} as currency_code, ${keyResults.unitLabel} as unit_label,
             ${keyResults.direction}::text as direction, ${keyResults.startValue}::text as start_value,
             ${keyResults.targetValue}::text as target_value, ${keyResults.currentValue}::text as current_value,
             ${keyResults.progress}::float8 as progress, ${status} as status, ${previous} as status_week_ago,
             (${statusSeveritySql(status)} >= 2 and (${previous} is null or ${statusSeveritySql(status)} > ${statusSeveritySql(previous)})) as new_risk,
             wk.check_ins, coalesce(wk.value_before, ${keyResults.startValue}::text) as value_before, wk.value_after,
             wk.confidence_after, before.confidence::text as confidence_before
      from ${keyResults}
      join ${objectives} o on o.org_id = ${keyResults.orgId} and o.id = ${keyResults.objectiveId}
      join ${cycles} on ${cycles.orgId} = o.org_id and ${cycles.id} = o.cycle_id
      join ${users} u on u.id = ${keyResults.ownerUserId}
      left join lateral (
        select count(*)::int as check_ins,
               (array_agg(c.previous_value::text order by c.created_at asc))[1] as value_before,
               (array_agg(c.value::text order by c.created_at desc))[1] as value_after,
               (array_agg(c.confidence::text order by c.created_at desc))[1] as confidence_after
        from ${checkIns} c
        where c.org_id = ${ctx.orgId} and c.key_result_id = ${keyResults.id} and c.created_at > ${instantSql(weekAgo)}
      ) wk on true
      left join lateral (
        select c.confidence, c.created_at from ${checkIns} c
        where c.org_id = ${ctx.orgId} and c.key_result_id = ${keyResults.id} and c.created_at <= ${instantSql(weekAgo)}
        order by c.created_at desc limit 1
      ) before on true
      where ${keyResults.orgId} = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null and o.level in ('company', 'team')
      order by ${keyResults.position}, ${keyResults.createdAt}, ${keyResults.id}`),
  );
}

/** The week's check-in notes, newest first, a handful per objective. */
async function loadNotes(tx: Tx, ctx: TenantContext, cycleId: string, weekAgo: Date) {
  return parseRows(
    noteRow,
    await tx.execute(sql`
      select * from (
        select c.id, c.key_result_id, k.title as key_result_title, k.objective_id, u.name as author_name, c.note,
               c.confidence::text as confidence, ${isoTimestamp(sql`c.created_at`)} as created_at, c.created_at as at,
               row_number() over (partition by k.objective_id order by c.created_at desc, c.id) as rank
        from ${checkIns} c
        join ${keyResults} k on k.org_id = c.org_id and k.id = c.key_result_id
        join ${objectives} o on o.org_id = k.org_id and o.id = k.objective_id
        join ${users} u on u.id = c.author_user_id
        where c.org_id = ${ctx.orgId} and c.created_at > ${instantSql(weekAgo)} and btrim(c.note) <> ''
          and o.cycle_id = ${cycleId} and o.archived_at is null and o.level in ('company', 'team')
      ) notes where rank <= ${NOTES_PER_OBJECTIVE}
      order by at desc, id`),
  );
}
