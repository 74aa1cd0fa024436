import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { objectives } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { levelOrder, selectObjectiveCards, type ObjectiveCard } from "./objective-cards";
import { idRow, parseRows } from "./sql-rows";

export const UNALIGNED_LIMIT = 50;

export interface TreeData {
  roots: ObjectiveCard[];
  /** Children of every expanded objective, by parent id. */
  children: Record<string, ObjectiveCard[]>;
  /** Expanded on arrival: the company objectives, and the chain down to a focused objective. */
  expanded: string[];
  unaligned: ObjectiveCard[];
  unalignedTotal: number;
}

const visible = (cycleId: string) => and(eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt));

/**
 * The alignment tree of a cycle as it first appears: company objectives with the level below them,
 * and, for a deep link, every objective on the way down to the focused one. Deeper levels load
 * when opened (childrenOf). Four queries, whatever the size of the organisation.
 */
export async function loadTree(ctx: TenantContext, cycleId: string, focusId?: string): Promise<TreeData> {
  return withTenant(ctx, async (tx) => {
    const roots = await selectObjectiveCards(tx, ctx, and(visible(cycleId), eq(objectives.level, "company"))).orderBy(asc(objectives.title));
    const chain = focusId
      ? parseRows(
          idRow,
          await tx.execute(sql`
            with recursive up as (
              select id, parent_objective_id, 0 as depth from ${objectives} where org_id = ${ctx.orgId} and id = ${focusId} and cycle_id = ${cycleId}
              union all
              select o.id, o.parent_objective_id, up.depth + 1 from ${objectives} o join up on o.id = up.parent_objective_id
              where o.org_id = ${ctx.orgId} and up.depth < 64
            )
            select id from up where id <> ${focusId}`),
        ).map((row) => row.id)
      : [];
    const expanded = [...new Set([...roots.map((root) => root.id), ...chain])];
    const below = expanded.length
      ? await selectObjectiveCards(tx, ctx, and(visible(cycleId), inArray(objectives.parentObjectiveId, expanded))).orderBy(levelOrder, asc(objectives.title))
      : [];
    const children: Record<string, ObjectiveCard[]> = {};
    for (const card of below) if (card.parentObjectiveId) (children[card.parentObjectiveId] ??= []).push(card);

    const orphanWhere = and(visible(cycleId), isNull(objectives.parentObjectiveId), sql`${objectives.level} <> 'company'`);
    const unaligned = await selectObjectiveCards(tx, ctx, orphanWhere).orderBy(levelOrder, asc(objectives.title)).limit(UNALIGNED_LIMIT);
    const [{ total } = { total: 0 }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), orphanWhere));
    return { roots, children, expanded, unaligned, unalignedTotal: total };
  });
}

/** The objectives aligned directly below one objective, for opening a node of the tree. */
export async function childrenOf(ctx: TenantContext, objectiveId: string): Promise<ObjectiveCard[]> {
  return withTenant(ctx, async (tx) => {
    // An unknown or foreign objective is a 404, not an empty list.
    const [parent] = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    if (!parent) throw new AppError("not_found", "errors.not_found");
    return selectObjectiveCards(tx, ctx, and(eq(objectives.parentObjectiveId, objectiveId), isNull(objectives.archivedAt))).orderBy(
      levelOrder,
      asc(objectives.title),
    );
  });
}
