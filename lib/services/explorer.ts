import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, memberships, objectives, teams, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { STATUSES, statusSeverity, type Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { defaultDirection, explorerSorts, progressRange, sortDirections, type ExplorerCoachFilter, type ExplorerQuery, type ExplorerSort, type SortDirection } from "@/lib/validation/explorer";
import { anyCoachFlagSql, coachCycleCtes, coachFlagsSql } from "./coach";
import { cycleSummaryJson, pickCycle, type CycleSummary } from "./cycles";
import { beyond, cursorOf, explorerSorts as sortColumns, orderBy, pageOf, readCursor } from "./keyset-sort";
import { objectiveListCardJson, selectObjectiveListCards, type ObjectiveListCard } from "./objective-cards";
import { progressBucketSql } from "./progress-bucket-sql";
import { matches, prefixTerms } from "./search";
import { expectedProgressSql, keyResultSeveritySql, keyResultStatusSql } from "./status-sql";
import { flattenTree, teamAndDescendants, teamTree } from "./teams";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson } from "@/lib/api/json-values";

export const EXPLORER_PAGE_SIZE = 25;

/** A key result as a line under its objective: title and a small progress bar. */
export interface ExplorerKeyResult {
  id: string;
  objectiveId: string;
  title: string;
  progress: number;
  status: Status;
}

export interface ExplorerRow extends ObjectiveListCard {
  keyResults: ExplorerKeyResult[];
}

const explorerKeyResultJson = documents<ExplorerKeyResult>()(
  z.object({ id: idJson, objectiveId: idJson, title: z.string(), progress: z.number(), status: z.enum(STATUSES) }),
);

export interface ExplorerPage {
  /** The cycle shown: the one asked for, else the active one, else the latest; null without cycles. */
  cycle: CycleSummary | null;
  items: ExplorerRow[];
  /** How many objectives match the filters, across pages, counted up to EXPLORER_COUNT_LIMIT. */
  total: number;
  /** More match than `total` says: the count stopped at EXPLORER_COUNT_LIMIT. */
  totalIsLowerBound: boolean;
  sort: ExplorerSort;
  dir: SortDirection;
  /** `after` for the next page, `before` for the previous one; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

export const explorerPageJson = documents<ExplorerPage>()(
  z.object({
    cycle: cycleSummaryJson.nullable(),
    items: z.array(objectiveListCardJson.extend({ keyResults: z.array(explorerKeyResultJson) })),
    total: z.number().int(),
    totalIsLowerBound: z.boolean(),
    sort: z.enum(explorerSorts),
    dir: z.enum(sortDirections),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  }),
);

/**
 * Past this many matches the explorer says "more than 1,000" instead of counting on: an exact
 * count visits every matching objective of the cycle (14,793 at XL) on every page turn.
 */
export const EXPLORER_COUNT_LIMIT = 1000;

/** Objectives of these teams (a filtered team and its branch); no condition without a team filter. */
export function inTeams(teamIds: string[] | null): SQL | undefined {
  if (!teamIds) return undefined;
  return teamIds.length > 0 ? inArray(objectives.teamId, teamIds) : sql`false`;
}

/** The columns each sort orders by (the id breaks ties), and the row values a cursor keeps. */
const sortKeys = sortColumns<ObjectiveListCard>({ title: objectives.title, progress: objectives.progress, updatedAt: objectives.updatedAt, ownerName: users.name });

/**
 * The search condition: every word typed matches the objective's own text or one of its key
 * results' (so "answers csat" finds an objective titled "answers" with a CSAT key result). Both
 * documents are stored on the objective's row (key_results_search is kept by triggers), so this
 * reads nothing but the cycle's objectives.
 */
function searchCondition(terms: string[]): SQL | undefined {
  return and(...terms.map((term) => sql`(${matches(objectives.search, term)} or ${matches(objectives.keyResultsSearch, term)})`));
}

/**
 * Objectives whose worst key result has this status (ObjectiveCard.status), found in one grouped
 * pass over the key results of the objectives the other filters leave (`narrow`: a team's
 * branch is a few thousand key results, not the cycle's forty thousand) rather than one
 * subquery per objective.
 */
function statusCondition(tx: Tx, ctx: TenantContext, cycleId: string, status: Status, narrow: SQL | undefined): SQL {
  const worst = tx
    .select({ objectiveId: keyResults.objectiveId })
    .from(keyResults)
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .where(and(eq(keyResults.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), narrow))
    .groupBy(keyResults.objectiveId)
    .having(sql`max(${keyResultSeveritySql()}) = ${statusSeverity[status]}`);
  return sql`${objectives.id} in ${worst}`;
}

/** Every filter of the query, as one condition on `objectives` (with `cycles` joined). */
function filterCondition(tx: Tx, ctx: TenantContext, cycleId: string, query: ExplorerQuery, teamIds: string[] | null): SQL | undefined {
  const terms = prefixTerms(query.q);
  // What narrows the objectives on their own columns, repeated inside the status pass.
  const narrow = and(
    query.archived === "1" ? undefined : isNull(objectives.archivedAt),
    query.level ? eq(objectives.level, query.level) : undefined,
    inTeams(teamIds),
    query.owner ? eq(objectives.ownerUserId, query.owner) : undefined,
  );
  return and(
    eq(objectives.cycleId, cycleId),
    narrow,
    query.status ? statusCondition(tx, ctx, cycleId, query.status, narrow) : undefined,
    query.pace === "ahead" ? sql`${objectives.progress}::float8 >= ${expectedProgressSql()}` : undefined,
    query.pace === "behind" ? sql`${objectives.progress}::float8 < ${expectedProgressSql()}` : undefined,
    query.aligned === "yes" ? isNotNull(objectives.parentObjectiveId) : undefined,
    // Company objectives are where alignment starts, so they never count as unaligned.
    query.aligned === "no" ? and(isNull(objectives.parentObjectiveId), ne(objectives.level, "company")) : undefined,
    terms.length > 0 ? searchCondition(terms) : undefined,
    query.krs === "none" ? sql`not exists (select 1 from ${keyResults} k where k.org_id = ${objectives.orgId} and k.objective_id = ${objectives.id})` : undefined,
    query.progress ? progressCondition(query.progress) : undefined,
    query.coach ? coachCondition(ctx, cycleId, query.coach) : undefined,
  );
}

/** Objectives in a range of the dashboard's progress buckets ("3-4": 30 % up to 40 %). */
function progressCondition(value: string): SQL | undefined {
  const range = progressRange(value);
  if (!range) return undefined;
  return sql`${progressBucketSql(sql`${objectives.progress}`)} between ${range.from} and ${range.to - 1}`;
}

/** Objectives the coach warns about (one warning, or any), by the same SQL as the dashboard's counts. */
function coachCondition(ctx: TenantContext, cycleId: string, coach: ExplorerCoachFilter): SQL {
  const flagged = coach === "any" ? anyCoachFlagSql : sql.identifier(coach);
  return sql`${objectives.id} in (
    with ${coachCycleCtes(ctx, cycleId)}
    select flags.id from (${coachFlagsSql(sql`objective`, sql`per_objective`)}) flags where ${flagged})`;
}

/** The key results of the listed objectives, in one query, in each objective's own order. */
async function keyResultsOf(tx: Tx, ctx: TenantContext, objectiveIds: string[]): Promise<Map<string, ExplorerKeyResult[]>> {
  const byObjective = new Map<string, ExplorerKeyResult[]>();
  if (objectiveIds.length === 0) return byObjective;
  const rows = await tx
    .select({
      id: keyResults.id,
      objectiveId: keyResults.objectiveId,
      title: keyResults.title,
      progress: sql<number>`${keyResults.progress}::float8`,
      status: keyResultStatusSql(),
    })
    .from(keyResults)
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .where(and(eq(keyResults.orgId, ctx.orgId), inArray(keyResults.objectiveId, objectiveIds)))
    .orderBy(asc(keyResults.objectiveId), asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  for (const row of rows) {
    const list = byObjective.get(row.objectiveId) ?? [];
    list.push(row);
    byObjective.set(row.objectiveId, list);
  }
  return byObjective;
}

export async function resolveCycle(tx: Tx, ctx: TenantContext, requested: string | undefined): Promise<CycleSummary | null> {
  const list = await tx
    .select({ id: cycles.id, name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status })
    .from(cycles)
    .where(eq(cycles.orgId, ctx.orgId))
    .orderBy(desc(cycles.startDate));
  if (requested && !list.some((cycle) => cycle.id === requested)) throw new AppError("not_found", "errors.not_found");
  return pickCycle(list, requested);
}

/**
 * One page of the OKR explorer: the objectives of a cycle that match every filter, sorted, with
 * their key results and the total. Five queries whatever the size of the organisation (six with a
 * team filter: the team's subtree). A cycle of another organisation is not found.
 */
export async function exploreObjectives(ctx: TenantContext, query: ExplorerQuery, options: { pageSize?: number; countLimit?: number } = {}): Promise<ExplorerPage> {
  const pageSize = options.pageSize ?? EXPLORER_PAGE_SIZE;
  const countLimit = options.countLimit ?? EXPLORER_COUNT_LIMIT;
  const sort = query.sort ?? "title";
  const dir = query.dir ?? defaultDirection[sort];
  const ascending = dir === "asc";
  return withTenant(ctx, async (tx) => {
    const cycle = await resolveCycle(tx, ctx, query.cycle);
    if (!cycle) return { cycle: null, items: [], total: 0, totalIsLowerBound: false, sort, dir, nextCursor: null, prevCursor: null };
    const teamIds = query.team ? await teamAndDescendants(tx, ctx, query.team) : null;
    const where = filterCondition(tx, ctx, cycle.id, query, teamIds);

    const spec = sortKeys[sort];
    const after = query.after ? readCursor(query.after, sort, dir, spec) : null;
    const before = !after && query.before ? readCursor(query.before, sort, dir, spec) : null;
    // Going back reads the list in reverse from the cursor, then turns the page around.
    const reading = before ? !ascending : ascending;
    const cursor = after ?? before;
    const rows = await selectObjectiveListCards(tx, ctx, and(where, cursor ? beyond(spec, objectives.id, reading, cursor) : undefined))
      .orderBy(...orderBy(spec, objectives.id, reading))
      .limit(pageSize + 1);
    const { page, nextCursor, prevCursor } = pageOf(rows, pageSize, { after: Boolean(after), before: Boolean(before) }, (row) => cursorOf(row, sort, dir, spec));

    const matching = tx
      .select({ one: sql`1` })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), where))
      .limit(countLimit + 1)
      .as("matching");
    const [{ counted } = { counted: 0 }] = await tx.select({ counted: sql<number>`count(*)::int` }).from(matching);
    const total = Math.min(Number(counted), countLimit);
    const krs = await keyResultsOf(tx, ctx, page.map((row) => row.id));

    return {
      cycle,
      items: page.map((row) => ({ ...row, keyResults: krs.get(row.id) ?? [] })),
      total,
      totalIsLowerBound: Number(counted) > countLimit,
      sort,
      dir,
      nextCursor,
      prevCursor,
    };
  });
}

/** More people than a list can usefully offer: the owner filter asks for a team first. */
export const OWNER_OPTIONS_MAX = 300;

export interface ExplorerFilterOptions {
  /** Depth-first, parents before their sub-teams, with their depth for indenting. */
  teams: Array<{ id: string; name: string; depth: number }>;
  /**
   * People who own objectives in the cycle (within the team filter, if any), by name, and the
   * chosen owner in any case; only the chosen one when there are more than OWNER_OPTIONS_MAX.
   */
  owners: Array<{ id: string; name: string }>;
  /** False when `owners` had to be cut short: narrowing by team brings the list back. */
  ownersComplete: boolean;
}

/**
 * The teams and people the explorer's filters offer: three queries (four with a team filter, for
 * its sub-teams). Owners are only the people with objectives in view, so the list stays short in
 * a large organisation and never offers someone whose filter would show nothing.
 */
export async function explorerFilterOptions(
  ctx: TenantContext,
  scope: { cycleId: string; team?: string; owner?: string },
  max = OWNER_OPTIONS_MAX,
): Promise<ExplorerFilterOptions> {
  return withTenant(ctx, async (tx) => {
    const teamRows = await tx
      .select({ id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId })
      .from(teams)
      .where(eq(teams.orgId, ctx.orgId));
    const teamIds = scope.team ? await teamAndDescendants(tx, ctx, scope.team) : null;
    const teamsInOrder = flattenTree(teamTree(teamRows)).map((node) => ({ id: node.team.id, name: node.team.name, depth: node.depth }));
    // Who owns objectives in view: distinct owners straight from the (org, cycle, owner) index,
    // stopping at one more than the list offers, so a large cycle costs the same as a small one.
    const ownerIds = await tx
      .selectDistinct({ id: objectives.ownerUserId })
      .from(objectives)
      .where(
        and(
          eq(objectives.orgId, ctx.orgId),
          eq(objectives.cycleId, scope.cycleId),
          isNull(objectives.archivedAt),
          inTeams(teamIds),
        ),
      )
      .limit(max + 1);
    const complete = ownerIds.length <= max;
    const wanted = [...(complete ? ownerIds.map((row) => row.id) : []), ...(scope.owner ? [scope.owner] : [])];
    // Current members only, by name; the chosen owner in any case.
    const owners = await tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), wanted.length > 0 ? inArray(memberships.userId, [...new Set(wanted)]) : sql`false`))
      .orderBy(asc(users.name), asc(users.id));
    return { teams: teamsInOrder, owners, ownersComplete: complete };
  });
}
