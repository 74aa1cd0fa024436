import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { objectives } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant-context";
import { record } from "./activity";
import { refreshProgress } from "./progress";

/**
 * Deletes objectives with their key results, check-ins and comments. Objectives aligned to them
 * become unaligned (they are someone else's work and stay), and the objectives they were aligned
 * to recompute their progress. The activity log keeps what was deleted.
 */
export async function deleteObjectivesInTx(tx: Tx, ctx: Pick<TenantContext, "orgId" | "userId">, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const doomed = await tx
    .select({ id: objectives.id, title: objectives.title, teamId: objectives.teamId, parentObjectiveId: objectives.parentObjectiveId })
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.id, ids)));
  const doomedIds = doomed.map((row) => row.id);
  if (doomedIds.length === 0) return;
  const orphans = await tx
    .update(objectives)
    .set({ parentObjectiveId: null, parentKeyResultId: null, updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
    .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.parentObjectiveId, doomedIds)))
    .returning({ id: objectives.id });
  // Alignment to a key result of a doomed objective goes with it (its row is about to disappear).
  await tx
    .update(objectives)
    .set({ parentKeyResultId: null })
    .where(and(eq(objectives.orgId, ctx.orgId), sql`${objectives.parentKeyResultId} in (select id from key_results where org_id = ${ctx.orgId} and objective_id in ${doomedIds})`));
  await tx.delete(objectives).where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.id, doomedIds)));
  for (const row of doomed) {
    await record(tx, ctx, {
      action: "objective.deleted",
      entityType: "objective",
      entityId: row.id,
      objectiveId: row.id,
      teamId: row.teamId,
      before: { title: row.title, unaligned: orphans.length },
    });
  }
  const parents = doomed.map((row) => row.parentObjectiveId).filter((id): id is string => id !== null && !doomedIds.includes(id));
  await refreshProgress(tx, ctx, parents);
}
