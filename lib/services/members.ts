import "server-only";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, teamMembers, teams, users, type MembershipRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { record } from "./activity";
import { authorize } from "./guard";
import { decodeCursor, encodeCursor, toPage, type Page } from "./pagination";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";
import { membershipRoles } from "@/lib/domain";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
  teams: Array<{ id: string; name: string }>;
}

export const memberRowJson = documents<MemberRow>()(
  z.object({
    userId: idJson,
    name: z.string(),
    email: z.string(),
    role: z.enum(membershipRoles),
    joinedAt: timestampJson,
    teams: z.array(z.object({ id: idJson, name: z.string() })),
  }),
);

export const MEMBERS_PAGE_SIZE = 50;

/** A member's teams by name, as JSON, for a select over memberships. */
export const memberTeamsSql = sql<Array<{ id: string; name: string }>>`coalesce((
  select json_agg(json_build_object('id', ${teams.id}, 'name', ${teams.name}) order by ${teams.name})
  from ${teamMembers} join ${teams} on ${teams.orgId} = ${teamMembers.orgId} and ${teams.id} = ${teamMembers.teamId}
  where ${teamMembers.orgId} = ${memberships.orgId} and ${teamMembers.userId} = ${memberships.userId}), '[]'::json)`;

/** Members by name, a page at a time (keyset pagination: as fast on page 40 as on page 1). */
export async function listMembers(ctx: TenantContext, options: { q?: string; after?: string } = {}): Promise<Page<MemberRow>> {
  const after = decodeCursor(options.after, 1);
  return withTenant(ctx, async (tx) => {
    const rows = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.createdAt,
        teams: memberTeamsSql,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, ctx.orgId),
          options.q ? or(ilike(users.name, `%${escapeLike(options.q)}%`), ilike(users.email, `%${escapeLike(options.q)}%`)) : undefined,
          after ? sql`(${users.name}, ${users.id}) > (${String(after.values[0])}, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(users.name), asc(users.id))
      .limit(MEMBERS_PAGE_SIZE + 1);
    return toPage(rows, MEMBERS_PAGE_SIZE, (row) => encodeCursor([row.name], row.userId));
  });
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

async function membershipOf(tx: Tx, ctx: TenantContext, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new AppError("not_found", "errors.not_found");
  return row;
}

async function ownerCount(tx: Tx, ctx: TenantContext): Promise<number> {
  // Locks the owners' rows so two demotions cannot both see "another owner remains".
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.role, "owner")))
    .for("update");
  return owners.length;
}

/** Promote or demote; owners alone touch owners, and the last owner stays an owner. */
export async function changeRole(ctx: TenantContext, userId: string, role: MembershipRole): Promise<void> {
  return withTenant(ctx, async (tx) => {
    const current = await membershipOf(tx, ctx, userId);
    authorize(ctx, "member.changeRole", { userId, currentRole: current.role, newRole: role });
    if (current.role === role) return;
    if (current.role === "owner" && (await ownerCount(tx, ctx)) <= 1) {
      throw new AppError("conflict", "errors.lastOwner");
    }
    await tx.update(memberships).set({ role, updatedAt: sql`now()` }).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await record(tx, ctx, { action: "member.role_changed", entityType: "membership", entityId: userId, before: { role: current.role }, after: { role } });
  });
}

/** What leaving or removal undoes: the membership, its team places and team leads. Goals stay. */
async function dropMembership(tx: Tx, ctx: TenantContext, userId: string) {
  await tx.update(teams).set({ leadUserId: null, updatedAt: sql`now()` }).where(and(eq(teams.orgId, ctx.orgId), eq(teams.leadUserId, userId)));
  await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
}

/** Removes someone else; their objectives, key results and check-ins stay with their name on them. */
export async function removeMember(ctx: TenantContext, userId: string): Promise<void> {
  return withTenant(ctx, async (tx) => {
    const target = await membershipOf(tx, ctx, userId);
    authorize(ctx, "member.remove", { userId, role: target.role });
    await dropMembership(tx, ctx, userId);
    await record(tx, ctx, { action: "member.removed", entityType: "membership", entityId: userId, before: { role: target.role } });
  });
}

/** Leaves the organisation; the last owner cannot (they hand over or delete it first). */
export async function leaveOrganisation(ctx: TenantContext): Promise<void> {
  return withTenant(ctx, async (tx) => {
    const me = await membershipOf(tx, ctx, ctx.userId);
    if (me.role === "owner" && (await ownerCount(tx, ctx)) <= 1) throw new AppError("conflict", "errors.lastOwnerLeave");
    await dropMembership(tx, ctx, ctx.userId);
    await record(tx, ctx, { action: "member.left", entityType: "membership", entityId: ctx.userId, before: { role: me.role } });
  });
}

export async function countOwners(ctx: TenantContext): Promise<number> {
  return withTenant(ctx, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.role, "owner")));
    return row?.n ?? 0;
  });
}

export async function countMembers(ctx: TenantContext): Promise<number> {
  return withTenant(ctx, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, ctx.orgId));
    return row?.n ?? 0;
  });
}

/** Members as options for owner and lead pickers: id and name only, by name. */
export const memberOptionJson = z.object({ id: idJson, name: z.string() });

export async function memberOptions(ctx: TenantContext): Promise<Array<z.infer<typeof memberOptionJson>>> {
  return withTenant(ctx, (tx) =>
    tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, ctx.orgId))
      .orderBy(asc(users.name)),
  );
}

