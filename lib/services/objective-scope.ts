import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, teamMembers, teams, type Objective } from "@/db/schema";
import type { ObjectiveScope } from "@/lib/permissions";
import type { TenantContext } from "@/lib/tenant-context";

/**
 * The people who lead a team that `userId` (a column or a value) belongs to, as a correlated
 * subquery: with the person, they write the person's individual objectives (lib/permissions.ts).
 * One definition for the pages that read it beside an objective and the writes that check it.
 */
export function leadIdsOfSql(ctx: Pick<TenantContext, "orgId">, userId: SQL | string): SQL<string[]> {
  return sql<string[]>`coalesce((
    select array_agg(distinct t.lead_user_id) from ${teamMembers} tm
    join ${teams} t on t.org_id = tm.org_id and t.id = tm.team_id
    where tm.org_id = ${ctx.orgId} and tm.user_id = ${userId} and t.lead_user_id is not null
  ), '{}')`;
}

/** For each of `userIds` (members of the organisation), the people who lead a team they belong to. One query. */
export async function leadsOf(tx: Tx, ctx: TenantContext, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const leads = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return leads;
  const rows = await tx
    .select({ userId: memberships.userId, leadIds: leadIdsOfSql(ctx, sql`${memberships.userId}`) })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), inArray(memberships.userId, [...new Set(userIds)])));
  for (const row of rows) leads.set(row.userId, row.leadIds);
  return leads;
}

/**
 * An objective (or one about to be written) as the permission table judges it, read in the
 * writing transaction. The owner's leads matter to individual objectives only (ObjectiveScope),
 * so company and team writes skip that query.
 */
export async function objectiveScope(tx: Tx, ctx: TenantContext, row: Pick<Objective, "level" | "ownerUserId" | "teamId">): Promise<ObjectiveScope> {
  const ownerLeadIds = row.level === "individual" ? ((await leadsOf(tx, ctx, [row.ownerUserId])).get(row.ownerUserId) ?? []) : [];
  return { level: row.level, ownerUserId: row.ownerUserId, teamId: row.teamId, ownerLeadIds };
}
