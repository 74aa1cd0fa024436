import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, objectives, teamMembers, teams, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { changedFields, record } from "./activity";
import { isUniqueViolation } from "./db-errors";
import { authorize } from "./guard";
import { deleteObjectivesInTx } from "./objective-deletion";
import { leadIdsOfSql } from "./objective-scope";
import { z } from "zod";
import { idRow, parseRows } from "./sql-rows";
import { documents } from "@/lib/api/answer-types";
import { idJson } from "@/lib/api/json-values";

export const teamSummaryJson = z.object({
  id: idJson,
  name: z.string(),
  description: z.string(),
  parentTeamId: idJson.nullable(),
  leadUserId: idJson.nullable(),
  leadName: z.string().nullable(),
  memberCount: z.number().int(),
  objectiveCount: z.number().int(),
});

export type TeamSummary = z.infer<typeof teamSummaryJson>;

/** A team with its lead's name and its counts (correlated subqueries on (org_id, team_id) indexes). */
const teamSummaryColumns = {
  id: teams.id,
  name: teams.name,
  description: teams.description,
  parentTeamId: teams.parentTeamId,
  leadUserId: teams.leadUserId,
  leadName: users.name,
  memberCount: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.orgId} = ${teams.orgId} and ${teamMembers.teamId} = ${teams.id})`,
  objectiveCount: sql<number>`(select count(*)::int from ${objectives} where ${objectives.orgId} = ${teams.orgId} and ${objectives.teamId} = ${teams.id} and ${objectives.archivedAt} is null)`,
};

/** Every team with its lead and counts, in one query: the hierarchy is built from parentTeamId. */
export async function listTeams(ctx: TenantContext): Promise<TeamSummary[]> {
  return withTenant(ctx, (tx) =>
    tx
      .select(teamSummaryColumns)
      .from(teams)
      .leftJoin(users, eq(users.id, teams.leadUserId))
      .where(eq(teams.orgId, ctx.orgId))
      .orderBy(asc(teams.name)),
  );
}

export interface TeamNode<T extends { id: string; parentTeamId: string | null }> {
  team: T;
  depth: number;
  children: TeamNode<T>[];
}

/** Teams as a forest, siblings by name, each with its depth: for trees and indented tables. */
export function teamTree<T extends { id: string; parentTeamId: string | null; name: string }>(list: readonly T[]): TeamNode<T>[] {
  const nodes = new Map(list.map((team) => [team.id, { team, depth: 0, children: [] as TeamNode<T>[] }]));
  const roots: TeamNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parentTeamId ? nodes.get(node.team.parentTeamId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (node: TeamNode<T>, depth: number) => {
    node.depth = depth;
    node.children.sort((a, b) => a.team.name.localeCompare(b.team.name));
    node.children.forEach((child) => setDepth(child, depth + 1));
  };
  roots.sort((a, b) => a.team.name.localeCompare(b.team.name));
  roots.forEach((root) => setDepth(root, 0));
  return roots;
}

/** Depth-first order (parents before their children), the order tables and slides follow. */
export function flattenTree<T extends { id: string; parentTeamId: string | null }>(roots: TeamNode<T>[]): TeamNode<T>[] {
  const out: TeamNode<T>[] = [];
  const walk = (node: TeamNode<T>) => {
    out.push(node);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

export interface TeamDetail extends TeamSummary {
  /** With the leads of each member's teams, which the permission table reads about their objectives. */
  members: Array<{ userId: string; name: string; email: string; leadIds: string[] }>;
}

export const teamDetailJson = documents<TeamDetail>()(
  teamSummaryJson.extend({ members: z.array(z.object({ userId: idJson, name: z.string(), email: z.string(), leadIds: z.array(idJson) })) }),
);

export async function getTeam(ctx: TenantContext, teamId: string): Promise<TeamDetail> {
  return withTenant(ctx, async (tx) => {
    const [team] = await tx
      .select(teamSummaryColumns)
      .from(teams)
      .leftJoin(users, eq(users.id, teams.leadUserId))
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
    if (!team) throw new AppError("not_found", "errors.not_found");
    const members = await tx
      .select({ userId: users.id, name: users.name, email: users.email, leadIds: leadIdsOfSql(ctx, sql`${teamMembers.userId}`) })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.orgId, ctx.orgId), eq(teamMembers.teamId, teamId)))
      .orderBy(asc(users.name));
    return { ...team, members };
  });
}

async function assertTeam(tx: Tx, ctx: TenantContext, teamId: string, field: string) {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
  if (!row) throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.unknownTeam"] });
}

async function assertMember(tx: Tx, ctx: TenantContext, userId: string, field: string) {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
  if (!row) throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.unknownMember"] });
}

/** Whether `candidateParentId` is `teamId` itself or below it: nesting there would make a loop. */
async function wouldLoop(tx: Tx, ctx: TenantContext, teamId: string, candidateParentId: string): Promise<boolean> {
  if (teamId === candidateParentId) return true;
  const rows = await tx.execute(sql`
    with recursive below as (
      select ${teams.id} as id from ${teams} where ${teams.orgId} = ${ctx.orgId} and ${teams.parentTeamId} = ${teamId}
      union
      select t.id from ${teams} t join below b on t.parent_team_id = b.id where t.org_id = ${ctx.orgId}
    )
    select 1 from below where id = ${candidateParentId} limit 1`);
  return parseRows(z.unknown(), rows).length > 0;
}

async function addMemberRow(tx: Tx, ctx: TenantContext, teamId: string, userId: string) {
  await tx.insert(teamMembers).values({ orgId: ctx.orgId, teamId, userId }).onConflictDoNothing();
}

function uniqueName<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error, "teams_org_name_key")) {
      throw new AppError("validation_failed", "errors.validation", { name: ["validation.teamNameTaken"] });
    }
    throw error;
  });
}

export interface TeamInput {
  name: string;
  description?: string;
  parentTeamId?: string | null;
  leadUserId?: string | null;
}

export async function createTeam(ctx: TenantContext, input: TeamInput): Promise<{ id: string }> {
  authorize(ctx, "team.manage");
  return uniqueName(
    withTenant(ctx, async (tx) => {
      if (input.parentTeamId) await assertTeam(tx, ctx, input.parentTeamId, "parentTeamId");
      if (input.leadUserId) await assertMember(tx, ctx, input.leadUserId, "leadUserId");
      const [team] = await tx
        .insert(teams)
        .values({ orgId: ctx.orgId, name: input.name, description: input.description ?? "", parentTeamId: input.parentTeamId ?? null, leadUserId: input.leadUserId ?? null })
        .returning({ id: teams.id });
      if (!team) throw new Error("Inserting a team returned nothing.");
      // A lead belongs to the team they lead.
      if (input.leadUserId) await addMemberRow(tx, ctx, team.id, input.leadUserId);
      await record(tx, ctx, { action: "team.created", entityType: "team", entityId: team.id, teamId: team.id, after: { name: input.name } });
      return team;
    }),
  );
}

export async function updateTeam(ctx: TenantContext, teamId: string, patch: Partial<TeamInput>): Promise<void> {
  authorize(ctx, "team.manage");
  return uniqueName(
    withTenant(ctx, async (tx) => {
      const [current] = await tx.select().from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId))).for("update");
      if (!current) throw new AppError("not_found", "errors.not_found");
      if (patch.parentTeamId) {
        await assertTeam(tx, ctx, patch.parentTeamId, "parentTeamId");
        if (await wouldLoop(tx, ctx, teamId, patch.parentTeamId)) {
          throw new AppError("validation_failed", "errors.validation", { parentTeamId: ["validation.teamLoop"] });
        }
      }
      if (patch.leadUserId) await assertMember(tx, ctx, patch.leadUserId, "leadUserId");
      const changes = changedFields(
        { name: current.name, description: current.description, parentTeamId: current.parentTeamId, leadUserId: current.leadUserId },
        patch,
      );
      if (!changes) return;
      await tx.update(teams).set({ ...changes.after, updatedAt: sql`now()` }).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
      if (patch.leadUserId) await addMemberRow(tx, ctx, teamId, patch.leadUserId);
      await record(tx, ctx, { action: "team.updated", entityType: "team", entityId: teamId, teamId, ...changes });
    }),
  );
}

export interface TeamDeletion {
  objectives: "move" | "delete";
  moveToTeamId?: string;
}

/**
 * Deletes a team. Its sub-teams move up to its parent; its objectives either move to another team
 * or are deleted with it, as the person chose after being told how many there are.
 */
export async function deleteTeam(ctx: TenantContext, teamId: string, choice: TeamDeletion): Promise<void> {
  authorize(ctx, "team.manage");
  return withTenant(ctx, async (tx) => {
    const [team] = await tx.select().from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId))).for("update");
    if (!team) throw new AppError("not_found", "errors.not_found");
    const owned = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.teamId, teamId)));
    if (owned.length > 0) {
      if (choice.objectives === "move") {
        if (!choice.moveToTeamId || choice.moveToTeamId === teamId) {
          throw new AppError("validation_failed", "errors.validation", { moveToTeamId: ["validation.required"] });
        }
        await assertTeam(tx, ctx, choice.moveToTeamId, "moveToTeamId");
        await tx
          .update(objectives)
          .set({ teamId: choice.moveToTeamId, updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
          .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.teamId, teamId)));
      } else {
        await deleteObjectivesInTx(tx, ctx, owned.map((o) => o.id));
      }
    }
    await tx
      .update(teams)
      .set({ parentTeamId: team.parentTeamId, updatedAt: sql`now()` })
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.parentTeamId, teamId)));
    await tx.delete(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
    await record(tx, ctx, {
      action: "team.deleted",
      entityType: "team",
      entityId: teamId,
      teamId,
      before: { name: team.name, objectives: owned.length, objectivesWere: choice.objectives === "move" ? `moved:${choice.moveToTeamId}` : "deleted" },
    });
  });
}

export async function addTeamMember(ctx: TenantContext, teamId: string, userId: string): Promise<void> {
  authorize(ctx, "team.manage");
  return withTenant(ctx, async (tx) => {
    await assertTeamExists(tx, ctx, teamId);
    await assertMember(tx, ctx, userId, "userId");
    await addMemberRow(tx, ctx, teamId, userId);
    await record(tx, ctx, { action: "team.member_added", entityType: "team", entityId: teamId, teamId, after: { userId } });
  });
}

export async function removeTeamMember(ctx: TenantContext, teamId: string, userId: string): Promise<void> {
  authorize(ctx, "team.manage");
  return withTenant(ctx, async (tx) => {
    await assertTeamExists(tx, ctx, teamId);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.orgId, ctx.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning({ userId: teamMembers.userId });
    if (removed.length === 0) throw new AppError("not_found", "errors.not_found");
    // Someone who leaves a team no longer leads it.
    await tx
      .update(teams)
      .set({ leadUserId: null, updatedAt: sql`now()` })
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId), eq(teams.leadUserId, userId)));
    await record(tx, ctx, { action: "team.member_removed", entityType: "team", entityId: teamId, teamId, before: { userId } });
  });
}

async function assertTeamExists(tx: Tx, ctx: TenantContext, teamId: string) {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
  if (!row) throw new AppError("not_found", "errors.not_found");
}

/** The team and every team below it, for "team including its sub-teams" filters. */
export async function teamAndDescendants(tx: Tx, ctx: TenantContext, teamId: string): Promise<string[]> {
  const rows = await tx.execute(sql`
    with recursive below as (
      select ${teams.id} as id from ${teams} where ${teams.orgId} = ${ctx.orgId} and ${teams.id} = ${teamId}
      union
      select t.id from ${teams} t join below b on t.parent_team_id = b.id where t.org_id = ${ctx.orgId}
    )
    select id from below`);
  return parseRows(idRow, rows).map((row) => row.id);
}

