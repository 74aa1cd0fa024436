import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { objectives, type ObjectiveLevel } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { levelOrder, selectObjectiveCards, type ObjectiveCard } from "./objective-cards";
import { teamAndDescendants } from "./teams";
import { z } from "zod";
import { objectiveLevels } from "@/lib/domain";
import { parseRows, sqlText } from "./sql-rows";

export const TEAM_OBJECTIVES_LIMIT = 200;

export interface ChainLink {
  id: string;
  title: string;
  level: ObjectiveLevel;
}

export interface TeamObjectives {
  /** The team's own objectives in the cycle, and then its sub-teams' (group them by teamId). */
  objectives: ObjectiveCard[];
  /** More than TEAM_OBJECTIVES_LIMIT matched: the explorer lists them all. */
  truncated: boolean;
  /**
   * For each of the team's own objectives, the objectives it aligns up to: from the top of the
   * chain (the company objective, when it reaches one) down to its direct parent.
   */
  chains: Record<string, ChainLink[]>;
}

/**
 * A team's objectives in a cycle with its sub-teams' objectives, and how the team's own align up
 * to the company. Three queries: the team's subtree, the objectives, and one recursive query for
 * every chain at once.
 */
export async function teamObjectives(ctx: TenantContext, teamId: string, cycleId: string): Promise<TeamObjectives> {
  return withTenant(ctx, async (tx) => {
    const teamIds = await teamAndDescendants(tx, ctx, teamId);
    if (teamIds.length === 0) return { objectives: [], truncated: false, chains: {} };
    const rows = await selectObjectiveCards(tx, ctx, and(eq(objectives.cycleId, cycleId), inArray(objectives.teamId, teamIds), isNull(objectives.archivedAt)))
      .orderBy(sql`${objectives.teamId} = ${teamId} desc`, levelOrder, asc(objectives.title), asc(objectives.id))
      .limit(TEAM_OBJECTIVES_LIMIT + 1);
    const list = rows.slice(0, TEAM_OBJECTIVES_LIMIT);
    const own = list.filter((card) => card.teamId === teamId && card.parentObjectiveId).map((card) => card.id);

    const chains: Record<string, ChainLink[]> = {};
    if (own.length > 0) {
      const links = parseRows(
        z.object({ start_id: sqlText, id: sqlText, title: sqlText, level: z.enum(objectiveLevels) }),
        await tx.execute(sql`
          with recursive up as (
            select o.id as start_id, o.parent_objective_id as id, 1 as depth
            from ${objectives} o where o.org_id = ${ctx.orgId} and o.id in ${own}
            union all
            select up.start_id, p.parent_objective_id, up.depth + 1
            from ${objectives} p join up on p.id = up.id
            where p.org_id = ${ctx.orgId} and p.parent_objective_id is not null and up.depth < 64
          )
          select up.start_id, up.depth, o.id, o.title, o.level
          from up join ${objectives} o on o.org_id = ${ctx.orgId} and o.id = up.id
          order by up.start_id, up.depth desc`),
      );
      for (const link of links) (chains[link.start_id] ??= []).push({ id: link.id, title: link.title, level: link.level });
    }
    return { objectives: list, truncated: rows.length > TEAM_OBJECTIVES_LIMIT, chains };
  });
}
