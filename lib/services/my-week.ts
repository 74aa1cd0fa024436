import { and, eq, isNull, or, sql } from "drizzle-orm";
import { cycles, keyResults, objectives } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant";
import { withTenant } from "@/lib/tenant-scope";

/** Key results this person reports on: they own it, or they own its objective. */
export const mineCondition = (ctx: Pick<TenantContext, "userId">) =>
  or(eq(keyResults.ownerUserId, ctx.userId), eq(objectives.ownerUserId, ctx.userId));

/** Not yet checked in since Monday: what the weekly rhythm asks of this key result. */
export const owedThisWeek = sql`(${keyResults.lastCheckInAt} is null or ${keyResults.lastCheckInAt} < date_trunc('week', now()))`;

/**
 * How many of my key results in active cycles still want this week's check-in: the count on the
 * "Check in" button in every page's header. One aggregate query.
 */
export async function countOwedCheckIns(ctx: TenantContext): Promise<number> {
  const [row] = await withTenant(ctx, (tx) =>
    tx
      .select({ owed: sql<number>`count(*)::int` })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(cycles.status, "active"), isNull(objectives.archivedAt), mineCondition(ctx), owedThisWeek)),
  );
  return row?.owed ?? 0;
}
