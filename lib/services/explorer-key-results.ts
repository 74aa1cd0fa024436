import "server-only";
import { and, eq, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives, teams, users, type KeyResult, type ObjectiveLevel } from "@/db/schema";
import { now } from "@/lib/clock";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { defaultDirection, type ExplorerQuery, type ExplorerSort, type SortDirection } from "@/lib/validation/explorer";
import type { CycleSummary } from "./cycles";
import { EXPLORER_COUNT_LIMIT, EXPLORER_PAGE_SIZE, inTeams, resolveCycle } from "./explorer";
import { keyResultMeasureColumns, type KeyResultMeasureFields } from "./key-result-measure";
import { beyond, cursorOf, explorerSorts, orderBy, pageOf, readCursor } from "./keyset-sort";
import { matches, prefixTerms } from "./search";
import { checkedInThisWeekSql, expectedProgressSql, instantSql, keyResultStatusSql } from "./status-sql";
import { teamAndDescendants } from "./teams";

/** A key result as the explorer's key-result list shows it: where it stands, and whose it is. */
export interface ExplorerKeyResultRow extends KeyResultMeasureFields {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  objectiveLevel: ObjectiveLevel;
  teamName: string | null;
  ownerUserId: string;
  ownerName: string;
  status: Status;
  progress: number;
  achievement: number;
  lastCheckInAt: Date | null;
  lastConfidence: KeyResult["lastConfidence"];
  /** updated_at to the microsecond, for cursors that sort by it. */
  updatedKey: string;
}

export interface ExplorerKeyResultPage {
  cycle: CycleSummary | null;
  items: ExplorerKeyResultRow[];
  /** How many key results match, across pages, counted up to EXPLORER_COUNT_LIMIT. */
  total: number;
  totalIsLowerBound: boolean;
  sort: ExplorerSort;
  dir: SortDirection;
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Built per query: the status is judged at the query's instant (lib/clock.ts), never a module's first one. */
const columnsAt = (at: Date) => ({
  id: keyResults.id,
  title: keyResults.title,
  objectiveId: objectives.id,
  objectiveTitle: objectives.title,
  objectiveLevel: objectives.level,
  teamName: sql<string | null>`(select ${teams.name} from ${teams} where ${teams.orgId} = ${objectives.orgId} and ${teams.id} = ${objectives.teamId})`,
  ownerUserId: keyResults.ownerUserId,
  ownerName: users.name,
  ...keyResultMeasureColumns,
  status: keyResultStatusSql(at),
  progress: sql<number>`${keyResults.progress}::float8`,
  achievement: sql<number>`${keyResults.achievement}::float8`,
  lastCheckInAt: keyResults.lastCheckInAt,
  lastConfidence: keyResults.lastConfidence,
  updatedKey: sql<string>`${keyResults.updatedAt}::text`,
});

const sortKeys = explorerSorts<ExplorerKeyResultRow>({ title: keyResults.title, progress: keyResults.progress, updatedAt: keyResults.updatedAt, ownerName: users.name });

/**
 * The key results a query asks for, as one condition on key_results joined to its objective and
 * cycle. It counts what the dashboard counts: key results of the cycle's objectives that are not
 * archived, by the same status (keyResultStatusSql) and "checked in this week" (checkedInThisWeekSql, at one instant of the clock)
 * definitions. Filters that concern objectives only (coach, progress buckets, "without key
 * results") do not apply to this list.
 */
function keyResultCondition(cycleId: string, query: ExplorerQuery, teamIds: string[] | null, at: Date): SQL | undefined {
  const terms = prefixTerms(query.q);
  return and(
    eq(objectives.cycleId, cycleId),
    query.archived === "1" ? undefined : isNull(objectives.archivedAt),
    query.level ? eq(objectives.level, query.level) : undefined,
    inTeams(teamIds),
    query.owner ? eq(keyResults.ownerUserId, query.owner) : undefined,
    query.status ? sql`${keyResultStatusSql(at)} = ${query.status}` : undefined,
    query.checkin === "done" ? checkedInThisWeekSql(at) : query.checkin === "owed" ? sql`not ${checkedInThisWeekSql(at)}` : undefined,
    query.pace === "ahead" ? sql`${keyResults.progress}::float8 >= ${expectedProgressSql(instantSql(at))}` : undefined,
    query.pace === "behind" ? sql`${keyResults.progress}::float8 < ${expectedProgressSql(instantSql(at))}` : undefined,
    query.aligned === "yes" ? isNotNull(objectives.parentObjectiveId) : undefined,
    query.aligned === "no" ? and(isNull(objectives.parentObjectiveId), ne(objectives.level, "company")) : undefined,
    ...terms.map((term) => matches(keyResults.search, term)),
  );
}

function selectRows(tx: Tx, ctx: TenantContext, where: SQL | undefined, at: Date) {
  return tx
    .select(columnsAt(at))
    .from(keyResults)
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .innerJoin(users, eq(users.id, keyResults.ownerUserId))
    .where(and(eq(keyResults.orgId, ctx.orgId), where));
}

/**
 * One page of the explorer's key-result list: the key results of a cycle that match every filter,
 * sorted, with the total. Three queries (four with a team filter). A cycle of another
 * organisation is not found.
 */
export async function exploreKeyResults(
  ctx: TenantContext,
  query: ExplorerQuery,
  options: { pageSize?: number; countLimit?: number } = {},
): Promise<ExplorerKeyResultPage> {
  const pageSize = options.pageSize ?? EXPLORER_PAGE_SIZE;
  const countLimit = options.countLimit ?? EXPLORER_COUNT_LIMIT;
  const sort = query.sort ?? "title";
  const dir = query.dir ?? defaultDirection[sort];
  const ascending = dir === "asc";
  return withTenant(ctx, async (tx) => {
    const cycle = await resolveCycle(tx, ctx, query.cycle);
    if (!cycle) return { cycle: null, items: [], total: 0, totalIsLowerBound: false, sort, dir, nextCursor: null, prevCursor: null };
    const teamIds = query.team ? await teamAndDescendants(tx, ctx, query.team) : null;
    const at = now();
    const where = keyResultCondition(cycle.id, query, teamIds, at);
    const spec = sortKeys[sort];
    const after = query.after ? readCursor(query.after, sort, dir, spec) : null;
    const before = !after && query.before ? readCursor(query.before, sort, dir, spec) : null;
    const reading = before ? !ascending : ascending;
    const cursor = after ?? before;
    const rows = await selectRows(tx, ctx, and(where, cursor ? beyond(spec, keyResults.id, reading, cursor) : undefined), at)
      .orderBy(...orderBy(spec, keyResults.id, reading))
      .limit(pageSize + 1);
    const { page, nextCursor, prevCursor } = pageOf(rows, pageSize, { after: Boolean(after), before: Boolean(before) }, (row) => cursorOf(row, sort, dir, spec));

    const matching = tx
      .select({ one: sql`1` })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), where))
      .limit(countLimit + 1)
      .as("matching");
    const [{ counted } = { counted: 0 }] = await tx.select({ counted: sql<number>`count(*)::int` }).from(matching);
    return {
      cycle,
      items: page,
      total: Math.min(Number(counted), countLimit),
      totalIsLowerBound: Number(counted) > countLimit,
      sort,
      dir,
      nextCursor,
      prevCursor,
    };
  });
}
