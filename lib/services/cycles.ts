import "server-only";
import { cache } from "react";
import { addDays, format, parseISO } from "date-fns";
import { and, desc, eq, isNotNull, isNull, sql, type SQLWrapper } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { cycleIsOpen, quarterAfter, quarterContaining, type CyclePeriod } from "@/lib/okr/cycles";
import { can } from "@/lib/permissions";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { emitEvents } from "./integration-events";
import { record } from "./activity";
import { authorize } from "./guard";
import { now } from "@/lib/clock";
import { objectiveScope } from "./objective-scope";
import { z } from "zod";
import { dayJson, idJson } from "@/lib/api/json-values";
import { cycleStatuses } from "@/lib/domain";
import { recordStatisticsSql } from "./quarter-stats";
import { instantSql } from "./status-sql";

export const cycleSummaryJson = z.object({ id: idJson, name: z.string(), startDate: dayJson, endDate: dayJson, status: z.enum(cycleStatuses) });
export type CycleSummary = z.infer<typeof cycleSummaryJson>;

const columns = { id: cycles.id, name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status };

/**
 * Every cycle, newest first (an organisation has a handful per year). Once per request (React
 * cache): the layout's cycle picker and the page both ask, with the same request-cached context.
 */
export const listCycles = cache(async (ctx: TenantContext): Promise<CycleSummary[]> => {
  return withTenant(ctx, (tx) => tx.select(columns).from(cycles).where(eq(cycles.orgId, ctx.orgId)).orderBy(desc(cycles.startDate)));
});

/**
 * The cycle a page shows: the one named in the URL if it is this organisation's, else the active
 * one (the latest if several), else the most recent.
 */
export function pickCycle(list: readonly CycleSummary[], requested: string | undefined | null): CycleSummary | null {
  return (
    (requested ? list.find((cycle) => cycle.id === requested) : undefined) ??
    list.find((cycle) => cycle.status === "active") ??
    list[0] ??
    null
  );
}

export async function getCycle(ctx: TenantContext, cycleId: string): Promise<CycleSummary | null> {
  return withTenant(ctx, (tx) => getCycleInTx(tx, ctx, cycleId));
}

/** The cycle, inside a service's transaction; null when it is not this organisation's. */
export async function getCycleInTx(tx: Tx, ctx: Pick<TenantContext, "orgId">, cycleId: string): Promise<CycleSummary | null> {
  const [row] = await tx.select(columns).from(cycles).where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Creating, activating and closing

const isoDay = (date: Date) => format(date, "yyyy-MM-dd");

/**
 * The period `createNextCycle` would create: the fiscal quarter after `latest`, or the quarter
 * containing `today` when there is no cycle yet. If the fiscal year's start month changed since
 * `latest` was created, the next quarter may begin before `latest` ends; it then starts the day
 * after instead, so cycles never overlap (one shorter, transitional quarter).
 */
export function nextCyclePeriod(latest: Pick<CyclePeriod, "endDate"> | null, fiscalYearStartMonth: number, today = now()): CyclePeriod {
  if (!latest) return quarterContaining(today, fiscalYearStartMonth);
  const next = quarterAfter(latest, fiscalYearStartMonth);
  if (next.startDate <= latest.endDate) return { ...next, startDate: isoDay(addDays(parseISO(latest.endDate), 1)) };
  return next;
}

/** The cycle that ends last: the one the next quarter follows. */
async function latestCycle(tx: Tx, ctx: TenantContext) {
  const [row] = await tx
    .select(columns)
    .from(cycles)
    .where(eq(cycles.orgId, ctx.orgId))
    .orderBy(desc(cycles.endDate), desc(cycles.startDate))
    .limit(1);
  return row ?? null;
}

/** The next cycle's period as `createNextCycle` would compute it now, for the button that creates it. */
export async function previewNextCycle(ctx: TenantContext, today = now()): Promise<CyclePeriod> {
  return withTenant(ctx, async (tx) => nextCyclePeriod(await latestCycle(tx, ctx), ctx.fiscalYearStartMonth, today));
}

/**
 * Creates the fiscal quarter after the latest cycle (or the quarter containing today, if there is
 * none), in planning. The organisation row is locked so two clicks cannot create the same quarter twice.
 */
export async function createNextCycle(ctx: TenantContext, today = now()): Promise<CycleSummary> {
  authorize(ctx, "cycle.manage");
  return withTenant(ctx, async (tx) => {
    await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
    const period = nextCyclePeriod(await latestCycle(tx, ctx), ctx.fiscalYearStartMonth, today);
    const [cycle] = await tx
      .insert(cycles)
      .values({ orgId: ctx.orgId, ...period, status: "planning" })
      .returning(columns);
    if (!cycle) throw new Error("Inserting a cycle returned nothing.");
    await record(tx, ctx, { action: "cycle.created", entityType: "cycle", entityId: cycle.id, after: period });
    return cycle;
  });
}

/** The cycle, locked against concurrent transitions; an unknown or foreign id is not found. */
async function lockCycle(tx: Tx, ctx: TenantContext, cycleId: string) {
  const [cycle] = await tx
    .select(columns)
    .from(cycles)
    .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)))
    .for("update");
  if (!cycle) throw new AppError("not_found", "errors.not_found");
  return cycle;
}

/** Planning → active. Several cycles may be active at once; a closed cycle stays closed. */
export async function activateCycle(ctx: TenantContext, cycleId: string): Promise<void> {
  authorize(ctx, "cycle.manage");
  return withTenant(ctx, async (tx) => {
    const cycle = await lockCycle(tx, ctx, cycleId);
    if (!cycleIsOpen(cycle)) throw new AppError("conflict", "errors.cycleClosed");
    if (cycle.status === "active") return;
    await tx
      .update(cycles)
      .set({ status: "active", updatedAt: sql`now()` })
      .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)));
    await record(tx, ctx, { action: "cycle.activated", entityType: "cycle", entityId: cycleId, before: { status: cycle.status }, after: { status: "active" } });
  });
}

/**
 * The final score of lib/okr/progress.ts `finalScore` in SQL: progress clamped to 0–1, two
 * decimals. Exported so a test can hold the two definitions to the same answers.
 */
export const finalScoreSql = (progress: SQLWrapper) => sql<string>`round(least(greatest(${progress}, 0), 1), 2)`;

/**
 * Closes a cycle (active or planning): every objective in it that is not archived gets its score
 * frozen at today's progress, in one statement, its quarter statistics are recorded in another
 * (lib/services/quarter-stats.ts), and the cycle becomes read-only. Returns how many objectives
 * were scored.
 */
export async function closeCycle(ctx: TenantContext, cycleId: string): Promise<number> {
  authorize(ctx, "cycle.manage");
  return withTenant(ctx, async (tx) => {
    const cycle = await lockCycle(tx, ctx, cycleId);
    if (!cycleIsOpen(cycle)) throw new AppError("conflict", "errors.cycleClosed");
    await tx
      .update(cycles)
      .set({ status: "closed", closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)));
    const scored = await tx
      .update(objectives)
      .set({ score: finalScoreSql(objectives.progress), version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt)))
      .returning({ id: objectives.id });
    // The quarter statistics of the organisation, its teams and people, frozen with the scores.
    await tx.execute(recordStatisticsSql(sql`c.org_id = ${ctx.orgId} and c.id = ${cycleId}`, instantSql(now())));
    await record(tx, ctx, {
      action: "cycle.closed",
      entityType: "cycle",
      entityId: cycleId,
      before: { status: cycle.status },
      after: { status: "closed", scored: scored.length },
    });
    await emitEvents(tx, ctx.orgId, [{ type: "cycle.closed", data: { cycle: { id: cycleId, name: cycle.name, scoredObjectives: scored.length } } }]);
    return scored.length;
  });
}

/**
 * For the objective, key result and check-in services, inside their transaction: the cycle, if it
 * is this organisation's and not closed. A closed cycle is read-only (409 `errors.cycleClosed`);
 * an unknown or foreign id is not found. The row is share-locked, so a close waits for writes
 * already under way and writes that come after it see the cycle closed.
 */
export async function assertCycleWritable(tx: Tx, ctx: Pick<TenantContext, "orgId">, cycleId: string): Promise<CycleSummary> {
  const [cycle] = await tx
    .select(columns)
    .from(cycles)
    .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)))
    .for("share");
  if (!cycle) throw new AppError("not_found", "errors.not_found");
  if (!cycleIsOpen(cycle)) throw new AppError("conflict", "errors.cycleClosed");
  return cycle;
}

// ---------------------------------------------------------------------------------------------
// Reflections

export const REFLECTION_MAX_LENGTH = 2000;
export const OWED_REFLECTIONS_LIMIT = 20;

export interface OwedReflection {
  objectiveId: string;
  title: string;
  /** The frozen score, 0–1 (a decimal string). */
  score: string;
  cycleId: string;
  cycleName: string;
}

/** My scored objectives of closed cycles that still want a reflection, newest cycle first, at most 20. */
export async function listOwedReflections(ctx: TenantContext): Promise<OwedReflection[]> {
  return withTenant(ctx, async (tx) => {
    const rows = await tx
      .select({ objectiveId: objectives.id, title: objectives.title, score: objectives.score, cycleId: cycles.id, cycleName: cycles.name })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(
        and(
          eq(objectives.orgId, ctx.orgId),
          eq(objectives.ownerUserId, ctx.userId),
          eq(cycles.status, "closed"),
          isNotNull(objectives.score),
          isNull(objectives.reflection),
          isNull(objectives.archivedAt),
        ),
      )
      .orderBy(desc(cycles.endDate), desc(cycles.id), objectives.title, objectives.id)
      .limit(OWED_REFLECTIONS_LIMIT);
    return rows.map((row) => ({ ...row, score: row.score ?? "0" }));
  });
}

/**
 * The owner's look back at an objective of a closed cycle: what worked, what did not. Its owner,
 * or anyone who may write the objective (admins; a team's members for its team objectives).
 */
export async function saveReflection(ctx: TenantContext, objectiveId: string, text: string): Promise<void> {
  const reflection = text.trim();
  if (reflection.length < 1 || reflection.length > REFLECTION_MAX_LENGTH) {
    throw new AppError("validation_failed", "errors.validation", { reflection: ["validation.reflectionLength"] });
  }
  return withTenant(ctx, async (tx) => {
    const [current] = await tx
      .select({
        level: objectives.level,
        ownerUserId: objectives.ownerUserId,
        teamId: objectives.teamId,
        reflection: objectives.reflection,
        cycleStatus: cycles.status,
      })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)))
      .for("update", { of: objectives });
    if (!current) throw new AppError("not_found", "errors.not_found");
    if (current.ownerUserId !== ctx.userId && !can(ctx, "objective.write", await objectiveScope(tx, ctx, current))) throw new AppError("forbidden", "errors.forbidden");
    if (cycleIsOpen({ status: current.cycleStatus })) throw new AppError("conflict", "errors.reflectionCycleOpen");
    if (current.reflection === reflection) return;
    await tx
      .update(objectives)
      .set({ reflection, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    await record(tx, ctx, {
      action: "objective.reflected",
      entityType: "objective",
      entityId: objectiveId,
      objectiveId,
      teamId: current.teamId,
      before: { reflection: current.reflection },
      after: { reflection },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Figures for the settings list

export interface CycleStats {
  cycleId: string;
  /** Objectives that are not archived. */
  objectiveCount: number;
  keyResultCount: number;
  /** Mean frozen score (closed cycles), 0–1 as a decimal string; null when nothing was scored. */
  averageScore: string | null;
  /** Mean progress of its objectives, 0–1 as a decimal string; null without objectives. */
  averageProgress: string | null;
}

export interface CycleWithStats extends CycleSummary, Omit<CycleStats, "cycleId"> {
  closedAt: Date | null;
}

/** Every cycle (or one) with its figures, in one query whatever the number of cycles. */
async function cyclesWithStats(ctx: TenantContext, cycleId?: string): Promise<CycleWithStats[]> {
  return withTenant(ctx, async (tx) => {
    const objectiveStats = tx
      .select({
        cycleId: objectives.cycleId,
        objectiveCount: sql<number>`count(*)::int`.as("objective_count"),
        averageScore: sql<string | null>`round(avg(${objectives.score}), 4)::text`.as("average_score"),
        averageProgress: sql<string | null>`round(avg(${objectives.progress}), 4)::text`.as("average_progress"),
      })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), isNull(objectives.archivedAt), cycleId ? eq(objectives.cycleId, cycleId) : undefined))
      .groupBy(objectives.cycleId)
      .as("objective_stats");
    const keyResultStats = tx
      .select({ cycleId: sql<string>`${objectives.cycleId}`.as("kr_cycle_id"), keyResultCount: sql<number>`count(*)::int`.as("key_result_count") })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), isNull(objectives.archivedAt), cycleId ? eq(objectives.cycleId, cycleId) : undefined))
      .groupBy(objectives.cycleId)
      .as("key_result_stats");
    const rows = await tx
      .select({
        ...columns,
        closedAt: cycles.closedAt,
        objectiveCount: sql<number>`coalesce(${objectiveStats.objectiveCount}, 0)`,
        keyResultCount: sql<number>`coalesce(${keyResultStats.keyResultCount}, 0)`,
        averageScore: objectiveStats.averageScore,
        averageProgress: objectiveStats.averageProgress,
      })
      .from(cycles)
      .leftJoin(objectiveStats, eq(objectiveStats.cycleId, cycles.id))
      .leftJoin(keyResultStats, eq(keyResultStats.cycleId, cycles.id))
      .where(and(eq(cycles.orgId, ctx.orgId), cycleId ? eq(cycles.id, cycleId) : undefined))
      .orderBy(desc(cycles.startDate), desc(cycles.id));
    // postgres.js and PGlite both answer int4 as a number; coalesce keeps it one, but be sure.
    return rows.map((row) => ({ ...row, objectiveCount: Number(row.objectiveCount), keyResultCount: Number(row.keyResultCount) }));
  });
}

/** Every cycle, newest first, with its objective and key result counts and average: the settings list. */
export async function listCyclesWithStats(ctx: TenantContext): Promise<CycleWithStats[]> {
  return cyclesWithStats(ctx);
}

/** One cycle's objective and key result counts and its average score (closed) or progress. */
export async function cycleStats(ctx: TenantContext, cycleId: string): Promise<CycleStats> {
  const [row] = await cyclesWithStats(ctx, cycleId);
  if (!row) throw new AppError("not_found", "errors.not_found");
  return {
    cycleId: row.id,
    objectiveCount: row.objectiveCount,
    keyResultCount: row.keyResultCount,
    averageScore: row.averageScore,
    averageProgress: row.averageProgress,
  };
}
