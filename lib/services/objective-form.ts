import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { cycles, keyResults, memberships, objectives, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { leadIdsOfSql } from "./objective-scope";
import { flattenTree, listTeams, teamTree } from "./teams";
import { z } from "zod";
import { idJson } from "@/lib/api/json-values";
import { objectiveLevels } from "@/lib/domain";

const parentOptionJson = z.object({
  id: idJson,
  title: z.string(),
  level: z.enum(objectiveLevels),
  teamId: idJson.nullable(),
  keyResults: z.array(z.object({ id: idJson, title: z.string() })),
});
export type ParentOption = z.infer<typeof parentOptionJson>;

const memberOptionJson = z.object({
  id: idJson,
  name: z.string(),
  /** Who leads a team this person is in: with admins and the person, the ones who may give them an objective (lib/permissions.ts). */
  leadIds: z.array(idJson),
});
export type MemberOption = z.infer<typeof memberOptionJson>;

export const objectiveFormOptionsJson = z.object({
  members: z.array(memberOptionJson),
  teams: z.array(z.object({ id: idJson, name: z.string(), depth: z.number().int(), parentTeamId: idJson.nullable(), leadUserId: idJson.nullable() })),
  parents: z.array(parentOptionJson),
});
export type ObjectiveFormOptions = z.infer<typeof objectiveFormOptionsJson>;

/**
 * What the objective and key-result forms offer: people (with the leads of their teams, which the
 * owner chooser asks can() about), teams (in hierarchy order) and the company and team objectives
 * of the cycle that an objective may align to, with their key results.
 * It grows with the organisation, so pages do not carry it: the dialogs fetch it when they open
 * (GET /api/orgs/[org]/cycles/[cycleId]/form-options). A cycle of another organisation is not found.
 */
export async function objectiveFormOptions(ctx: TenantContext, cycleId: string): Promise<ObjectiveFormOptions> {
  const [members, teamList] = await Promise.all([
    withTenant(ctx, (tx) =>
      tx
        .select({ id: users.id, name: users.name, leadIds: leadIdsOfSql(ctx, sql`${memberships.userId}`) })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.orgId, ctx.orgId))
        .orderBy(asc(users.name)),
    ),
    listTeams(ctx),
  ]);
  const parents = await withTenant(ctx, async (tx) => {
    const [cycle] = await tx.select({ id: cycles.id }).from(cycles).where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId)));
    if (!cycle) throw new AppError("not_found", "errors.not_found");
    const rows = await tx
      .select({ id: objectives.id, title: objectives.title, level: objectives.level, teamId: objectives.teamId })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt), ne(objectives.level, "individual")))
      .orderBy(asc(objectives.level), asc(objectives.title));
    const krs = rows.length
      ? await tx
          .select({ id: keyResults.id, title: keyResults.title, objectiveId: keyResults.objectiveId })
          .from(keyResults)
          .where(and(eq(keyResults.orgId, ctx.orgId), inArray(keyResults.objectiveId, rows.map((row) => row.id))))
          .orderBy(asc(keyResults.position))
      : [];
    // Grouped once: a filter per parent was quadratic, and a large cycle has thousands of both.
    const byObjective = new Map<string, Array<{ id: string; title: string }>>();
    for (const { id, title, objectiveId } of krs) {
      const list = byObjective.get(objectiveId);
      if (list) list.push({ id, title });
      else byObjective.set(objectiveId, [{ id, title }]);
    }
    return rows.map((row) => ({ ...row, keyResults: byObjective.get(row.id) ?? [] }));
  });
  const teams = flattenTree(teamTree(teamList)).map((node) => ({
    id: node.team.id,
    name: node.team.name,
    depth: node.depth,
    parentTeamId: node.team.parentTeamId,
    leadUserId: node.team.leadUserId,
  }));
  return { members, teams, parents };
}
