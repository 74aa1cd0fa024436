import "server-only";
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { cycles, keyResults, objectives, users, type KeyResult, type ObjectiveLevel } from "@/db/schema";
import { now } from "@/lib/clock";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { keyResultMeasureColumns, type KeyResultMeasureFields } from "./key-result-measure";
import { levelOrder } from "./objective-cards";
import { checkedInThisWeekSql, expectedProgressSql, instantSql, keyResultStatusSql } from "./status-sql";

/**
 * Key results this person reports on: they own it, or they own its objective. Both halves are
 * conditions on key_results, so Postgres ORs two index scans — (org_id, owner_user_id) and
 * (org_id, objective_id) with the few objectives they own — instead of joining every key result
 * of the organisation to test an OR across two tables (56 ms → 0.6 ms at XL, bench/README.md).
 */
export const mineCondition = (ctx: Pick<TenantContext, "userId" | "orgId">) =>
  or(
    eq(keyResults.ownerUserId, ctx.userId),
    sql`${keyResults.objectiveId} = any(array(select mine.id from ${objectives} mine where mine.org_id = ${ctx.orgId} and mine.owner_user_id = ${ctx.userId}))`,
  );

/** Not yet checked in during the week of `at` (checkedInThisWeek, lib/okr/week.ts): what the weekly rhythm asks of this key result. */
export const owedThisWeek = (at: Date): SQL<boolean> => sql<boolean>`not ${checkedInThisWeekSql(at)}`;

/**
 * How many of my key results in active cycles still want this week's check-in: the count on the
 * "Check in" button in every page's header. One aggregate query.
 */
export async function countOwedCheckIns(ctx: TenantContext): Promise<number> {
  const at = now();
  const [row] = await withTenant(ctx, (tx) =>
    tx
      .select({ owed: sql<number>`count(*)::int` })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(cycles.status, "active"), isNull(objectives.archivedAt), mineCondition(ctx), owedThisWeek(at))),
  );
  return row?.owed ?? 0;
}

/** One key result on My week: what it aims for, where it stands, and whether this week's check-in is done. */
export interface MyWeekRow extends KeyResultMeasureFields {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  objectiveLevel: ObjectiveLevel;
  cycleName: string;
  achievement: number;
  progress: number;
  dueDate: string;
  ownerUserId: string;
  ownerName: string;
  lastCheckInAt: Date | null;
  lastConfidence: KeyResult["lastConfidence"];
  /** Stale outranks the owner's last confidence, as everywhere else. */
  status: Status;
  /** Where the cycle says progress should be today (0–1). */
  expected: number;
  /** Not checked in since Monday. */
  owed: boolean;
}

export interface MyWeek {
  /** False when no cycle is active: there is nothing to check in on, and the page says why. */
  hasActiveCycle: boolean;
  /** Grouped by objective (company, team, individual; then by title), in each objective's own order. */
  rows: MyWeekRow[];
  owedCount: number;
}

/**
 * Every key result I report on in active cycles, with its objective, status and pace, in one query
 * (a second, only when there is none, tells "no active cycle" from "nothing of mine").
 */
export async function listMyWeek(ctx: TenantContext): Promise<MyWeek> {
  const at = now();
  return withTenant(ctx, async (tx) => {
    const rows = await tx
      .select({
        id: keyResults.id,
        title: keyResults.title,
        objectiveId: objectives.id,
        objectiveTitle: objectives.title,
        objectiveLevel: objectives.level,
        cycleName: cycles.name,
        ...keyResultMeasureColumns,
        achievement: sql<number>`${keyResults.achievement}::float8`,
        progress: sql<number>`${keyResults.progress}::float8`,
        dueDate: keyResults.dueDate,
        ownerUserId: keyResults.ownerUserId,
        ownerName: users.name,
        lastCheckInAt: keyResults.lastCheckInAt,
        lastConfidence: keyResults.lastConfidence,
        status: keyResultStatusSql(at),
        expected: expectedProgressSql(instantSql(at)),
        owed: owedThisWeek(at),
      })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .innerJoin(users, eq(users.id, keyResults.ownerUserId))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(cycles.status, "active"), isNull(objectives.archivedAt), mineCondition(ctx)))
      .orderBy(levelOrder, asc(objectives.title), asc(objectives.id), asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
    const hasActiveCycle =
      rows.length > 0 ||
      (await tx.select({ id: cycles.id }).from(cycles).where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.status, "active"))).limit(1)).length > 0;
    return { hasActiveCycle, rows, owedCount: rows.filter((row) => row.owed).length };
  });
}
