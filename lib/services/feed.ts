import "server-only";
import { and, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { activity, comments, keyResults, objectives, teams, users, type ActivityAction, type KeyResult, type ObjectiveLevel } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { FEED_MAX_PAGE_SIZE, FEED_PAGE_SIZE, type FeedScope } from "@/lib/validation/activity";
import { uuid } from "@/lib/validation/common";
import { keyResultUnitColumns, keyResultUnitFieldsJson, type KeyResultUnitFields } from "./key-result-measure";
import { exactInstantSql, olderThan, parseExactInstant } from "./keyset-time";
import { decodeCursor, encodeCursor, toPage, type Page } from "./pagination";
import { teamAndDescendants } from "./teams";
import { now } from "@/lib/clock";
import { daysBefore, utcDay } from "@/lib/okr/week";
import { z } from "zod";
import { activityActions, objectiveLevels } from "@/lib/domain";
import { parseRows, sqlDay, sqlNumber, sqlText } from "./sql-rows";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";

export type { FeedScope } from "@/lib/validation/activity";

export interface FeedItem {
  id: string;
  action: ActivityAction;
  actorName: string | null;
  createdAt: Date;
  objectiveId: string | null;
  /** The objective's title now, or the one the log kept for a deleted objective. */
  objectiveTitle: string | null;
  /** Whether the objective is still there to link to. */
  objectiveExists: boolean;
  keyResult: (Pick<KeyResult, "id" | "title"> & KeyResultUnitFields) | null;
  teamId: string | null;
  teamName: string | null;
  /** For comment events: the comment's first line as it reads now, or deleted. */
  comment: { id: string; excerpt: string | null; deleted: boolean } | null;
  before: unknown;
  after: unknown;
}

export const feedItemJson = documents<FeedItem>()(
  z.object({
    id: idJson,
    action: z.enum(activityActions),
    actorName: z.string().nullable(),
    createdAt: timestampJson,
    objectiveId: idJson.nullable(),
    objectiveTitle: z.string().nullable(),
    objectiveExists: z.boolean(),
    keyResult: keyResultUnitFieldsJson.extend({ id: idJson, title: z.string() }).nullable(),
    teamId: idJson.nullable(),
    teamName: z.string().nullable(),
    comment: z.object({ id: idJson, excerpt: z.string().nullable(), deleted: z.boolean() }).nullable(),
    before: z.unknown().meta({ description: "The changed fields as they were (for changes)." }),
    after: z.unknown().meta({ description: "The changed fields as they are now (for changes)." }),
  }),
);

/**
 * Membership, invitation and settings events are the audit trail, read by admins elsewhere;
 * "what changed" is about the goals (and invitations carry e-mail addresses).
 */
const AUDIT_ONLY = ["organisation", "membership", "invitation"];
const EXCERPT_LENGTH = 160;

/** An id that is not even a UUID names nothing that exists (and must not reach SQL as one). */
function assertIds(scope: FeedScope | DeltaScope) {
  const ids = Object.entries(scope).filter(([key, value]) => key.endsWith("Id") && value !== undefined);
  if (!ids.every(([, id]) => uuid.safeParse(id).success)) throw new AppError("not_found", "errors.not_found");
}

async function scopeCondition(tx: Tx, ctx: TenantContext, scope: FeedScope): Promise<SQL | undefined> {
  if ("objectiveId" in scope) {
    const [row] = await tx.select({ id: objectives.id }).from(objectives).where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, scope.objectiveId)));
    if (!row) throw new AppError("not_found", "errors.not_found");
    return eq(activity.objectiveId, scope.objectiveId);
  }
  if ("teamId" in scope) return inArray(activity.teamId, await teamIdsOf(tx, ctx, scope));
  return undefined;
}

/** The team (and the teams below it when asked); a foreign or unknown team is a 404. */
async function teamIdsOf(tx: Tx, ctx: TenantContext, scope: { teamId: string; includeSubTeams?: boolean }): Promise<string[]> {
  const ids = scope.includeSubTeams
    ? await teamAndDescendants(tx, ctx, scope.teamId)
    : (await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, scope.teamId)))).map((row) => row.id);
  if (ids.length === 0) throw new AppError("not_found", "errors.not_found");
  return ids;
}

const isComment = sql`${activity.entityType} = 'comment'`;

const feedColumns = {
  id: activity.id,
  action: activity.action,
  actorName: users.name,
  createdAt: activity.createdAt,
  instant: exactInstantSql(activity.createdAt),
  objectiveId: activity.objectiveId,
  objectiveTitle: sql<string | null>`case when ${objectives.id} is not null then ${objectives.title}
    when ${activity.entityType} = 'objective' then coalesce(${activity.before}->>'title', ${activity.after}->>'title') end`,
  objectiveExists: sql<boolean>`${objectives.id} is not null`,
  keyResultId: keyResults.id,
  keyResultTitle: keyResults.title,
  ...keyResultUnitColumns,
  teamId: activity.teamId,
  teamName: teams.name,
  commentId: comments.id,
  commentExcerpt: sql<string | null>`case when ${comments.deletedAt} is null then (
    select case when char_length(line) > ${EXCERPT_LENGTH} then left(line, ${EXCERPT_LENGTH - 1}) || '…' else line end
    from split_part(${comments.body}, chr(10), 1) as line) end`,
  commentDeleted: sql<boolean>`${comments.deletedAt} is not null`,
  // A comment's words come from the comment itself (above), never from the log: an edit or a
  // delete then shows everywhere, and the log's copy stays in the audit trail only.
  before: sql<unknown>`case when ${isComment} then null else ${activity.before} end`,
  after: sql<unknown>`case when ${isComment} then null else ${activity.after} end`,
};

/**
 * "What changed": check-ins, edits and comments, newest first, a page at a time. One query per page
 * (plus one to resolve an objective or team scope): actor, objective, key result, team and comment
 * are joined, and the (org_id, …, created_at desc) indexes of activity serve each scope.
 */
export async function activityFeed(ctx: TenantContext, scope: FeedScope, options: { after?: string; limit?: number } = {}): Promise<Page<FeedItem>> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? FEED_PAGE_SIZE), 1), FEED_MAX_PAGE_SIZE);
  const cursor = decodeCursor(options.after, 1);
  const instant = cursor ? parseExactInstant(cursor.values[0]) : null;
  assertIds(scope);
  return withTenant(ctx, async (tx) => {
    const inScope = await scopeCondition(tx, ctx, scope);
    const rows = await tx
      .select(feedColumns)
      .from(activity)
      .leftJoin(users, eq(users.id, activity.actorUserId))
      .leftJoin(objectives, and(eq(objectives.orgId, activity.orgId), eq(objectives.id, activity.objectiveId)))
      .leftJoin(keyResults, and(eq(keyResults.orgId, activity.orgId), eq(keyResults.id, activity.keyResultId)))
      .leftJoin(teams, and(eq(teams.orgId, activity.orgId), eq(teams.id, activity.teamId)))
      .leftJoin(comments, and(isComment, eq(comments.orgId, activity.orgId), eq(comments.id, activity.entityId)))
      .where(
        and(
          eq(activity.orgId, ctx.orgId),
          notInArray(activity.entityType, AUDIT_ONLY),
          inScope,
          cursor && instant ? olderThan(activity.createdAt, activity.id, instant, cursor.id) : undefined,
        ),
      )
      // "nulls last" as in the (org_id, created_at desc nulls last, id desc nulls last) index: both
      // columns are not null, but only an exact match lets Postgres read the page off the index
      // instead of sorting every row of the organisation.
      .orderBy(sql`${activity.createdAt} desc nulls last`, sql`${activity.id} desc nulls last`)
      .limit(limit + 1);
    const page = toPage(rows, limit, (row) => encodeCursor([row.instant], row.id));
    const items = page.items.map(
      ({ instant: _instant, keyResultId, keyResultTitle, unit, currencyCode, unitLabel, direction, commentId, commentExcerpt, commentDeleted, ...row }): FeedItem => ({
        ...row,
        keyResult: keyResultId && keyResultTitle && unit && direction ? { id: keyResultId, title: keyResultTitle, unit, currencyCode, unitLabel, direction } : null,
        comment: commentId ? { id: commentId, excerpt: commentExcerpt, deleted: commentDeleted } : null,
      }),
    );
    return { items, nextCursor: page.nextCursor };
  });
}

export type DeltaScope = { objectiveId: string } | { teamId: string; includeSubTeams?: boolean; cycleId?: string } | { organisation: true; cycleId?: string };

export interface ProgressDelta {
  objectiveId: string;
  title: string;
  level: ObjectiveLevel;
  teamName: string | null;
  /** Progress now and then, 0–1. */
  now: number;
  then: number;
  change: number;
  /** The day of the history point "then" was read from; null when there was none (then = 0). */
  thenDay: string | null;
}

export interface ProgressDeltas {
  days: number;
  items: ProgressDelta[];
  /** The plain mean over the objectives in scope, now and then; null without any. */
  overall: { now: number; then: number; change: number } | null;
}

const deltaRow = z.object({
  objective_id: sqlText,
  title: sqlText,
  level: z.enum(objectiveLevels),
  team_name: sqlText.nullable(),
  now: sqlNumber,
  then: sqlNumber,
  then_day: sqlDay.nullable(),
  overall_now: sqlNumber,
  overall_then: sqlNumber,
});

async function deltaCondition(tx: Tx, ctx: TenantContext, scope: DeltaScope): Promise<SQL> {
  if ("objectiveId" in scope) return sql`o.id = ${scope.objectiveId}`;
  const cycle = scope.cycleId
    ? sql`o.cycle_id = ${scope.cycleId}`
    : sql`o.cycle_id in (select c.id from cycles c where c.org_id = ${ctx.orgId} and c.status = 'active')`;
  if ("teamId" in scope) {
    const ids = await teamIdsOf(tx, ctx, scope);
    return sql`o.level = 'team' and o.team_id in ${ids} and o.archived_at is null and ${cycle}`;
  }
  return sql`o.level = 'company' and o.archived_at is null and ${cycle}`;
}

/**
 * Progress now against the last point of objective_progress_history on or before `days` ago, in
 * one query (a lateral join per objective). Without such a point, "then" is 0: a point is written
 * every day progress changes, and progress starts at 0, so no earlier point means it was still 0
 * (or the objective did not exist yet, and all its progress is new). Reading the first later
 * point instead would hide exactly the progress of a new objective's first week.
 * Scopes without a cycle read the active cycle(s).
 */
export async function progressDeltas(ctx: TenantContext, scope: DeltaScope, days = 7): Promise<ProgressDeltas> {
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError("validation_failed", "errors.validation", { days: ["validation.invalid"] });
  assertIds(scope);
  return withTenant(ctx, async (tx) => {
    const condition = await deltaCondition(tx, ctx, scope);
    const rows = parseRows(
      deltaRow,
      await tx.execute(sql`
        select o.id as objective_id, o.title, o.level, t.name as team_name,
               o.progress::float8 as now,
               coalesce(h.progress, 0)::float8 as then,
               to_char(h.day, 'YYYY-MM-DD') as then_day,
               (avg(o.progress) over ())::float8 as overall_now,
               (avg(coalesce(h.progress, 0)) over ())::float8 as overall_then
        from ${objectives} o
        left join ${teams} t on t.org_id = o.org_id and t.id = o.team_id
        left join lateral (
          select ph.progress, ph.day from objective_progress_history ph
          where ph.org_id = o.org_id and ph.objective_id = o.id and ph.day <= ${utcDay(daysBefore(now(), days))}::date
          order by ph.day desc
          limit 1
        ) h on true
        where o.org_id = ${ctx.orgId} and ${condition}
        order by abs(o.progress - coalesce(h.progress, 0)) desc, o.title, o.id`),
    );
    if ("objectiveId" in scope && rows.length === 0) throw new AppError("not_found", "errors.not_found");
    const first = rows[0];
    return {
      days,
      items: rows.map((row) => ({
        objectiveId: row.objective_id,
        title: row.title,
        level: row.level,
        teamName: row.team_name,
        now: Number(row.now),
        then: Number(row.then),
        change: Number(row.now) - Number(row.then),
        thenDay: row.then_day,
      })),
      overall: first ? { now: Number(first.overall_now), then: Number(first.overall_then), change: Number(first.overall_now) - Number(first.overall_then) } : null,
    };
  });
}
