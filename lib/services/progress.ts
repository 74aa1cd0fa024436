import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { keyResults, objectiveProgressHistory, objectives } from "@/db/schema";
import { achievement, keyResultProgress, objectiveProgress, type Measure } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { now } from "@/lib/clock";
import { utcDay } from "@/lib/okr/week";

/** The stored pair for a key result: achievement as shown (120 %) and progress as rolled up. */
export function measureColumns(measure: Measure): { achievement: string; progress: string } {
  const shown = achievement(measure);
  const bounded = Number.isFinite(shown) ? Math.max(-99_999, Math.min(99_999, shown)) : 0;
  return { achievement: bounded.toFixed(6), progress: keyResultProgress(measure).toFixed(6) };
}

export function measureOf(row: { direction: Measure["direction"]; startValue: string; targetValue: string; currentValue: string }): Measure {
  return { direction: row.direction, start: Number(row.startValue), target: Number(row.targetValue), current: Number(row.currentValue) };
}

const MAX_DEPTH = 32;

/**
 * Recomputes the stored progress of the given objectives and then of every objective above them,
 * wave by wave up the alignment chain, with the rules of lib/okr/progress.ts. Each objective whose
 * progress changed also gets today's point in its history (charts and "since last week" deltas).
 * Runs in the caller's transaction, so a check-in and the rollup it causes commit together.
 */
export async function refreshProgress(tx: Tx, ctx: Pick<TenantContext, "orgId">, objectiveIds: Iterable<string>): Promise<void> {
  let wave = [...new Set(objectiveIds)];
  for (let depth = 0; wave.length > 0 && depth < MAX_DEPTH; depth++) {
    const rows = await tx
      .select({
        id: objectives.id,
        rollupMode: objectives.rollupMode,
        manualProgress: objectives.manualProgress,
        progress: objectives.progress,
        parentObjectiveId: objectives.parentObjectiveId,
      })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.id, wave)));
    if (rows.length === 0) return;

    const krs = await tx
      .select({ objectiveId: keyResults.objectiveId, progress: keyResults.progress, weight: keyResults.weight })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), inArray(keyResults.objectiveId, wave)));
    const children = await tx
      .select({ parentId: objectives.parentObjectiveId, progress: objectives.progress })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.parentObjectiveId, wave), isNull(objectives.archivedAt)));

    const changed: Array<{ id: string; progress: string }> = [];
    for (const row of rows) {
      const value = objectiveProgress({
        mode: row.rollupMode,
        keyResults: krs.filter((kr) => kr.objectiveId === row.id).map((kr) => ({ progress: Number(kr.progress), weight: Number(kr.weight) })),
        children: children.filter((child) => child.parentId === row.id).map((child) => Number(child.progress)),
        manual: row.manualProgress === null ? null : Number(row.manualProgress),
      }).toFixed(6);
      if (value !== Number(row.progress).toFixed(6)) changed.push({ id: row.id, progress: value });
    }
    if (changed.length === 0) return;
    const day = utcDay(now());

    const values = sql.join(
      changed.map((row) => sql`(${row.id}::uuid, ${row.progress}::numeric)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${objectives} set progress = v.progress
      from (values ${values}) as v(id, progress)
      where ${objectives.orgId} = ${ctx.orgId} and ${objectives.id} = v.id`);
    await tx
      .insert(objectiveProgressHistory)
      .values(changed.map((row) => ({ orgId: ctx.orgId, objectiveId: row.id, day, progress: row.progress })))
      .onConflictDoUpdate({
        target: [objectiveProgressHistory.orgId, objectiveProgressHistory.objectiveId, objectiveProgressHistory.day],
        set: { progress: sql`excluded.progress` },
      });

    const changedIds = new Set(changed.map((row) => row.id));
    wave = [...new Set(rows.filter((row) => changedIds.has(row.id) && row.parentObjectiveId).map((row) => row.parentObjectiveId as string))];
  }
}
