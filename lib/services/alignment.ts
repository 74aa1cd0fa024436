import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { keyResults, memberships, objectives, teams, type ObjectiveLevel } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { alignmentRefusal } from "@/lib/okr/alignment";
import type { TenantContext } from "@/lib/tenant-context";
import { z } from "zod";
import { idRow, parseRows } from "./sql-rows";

const fieldError = (field: string, key: string) => new AppError("validation_failed", "errors.validation", { [field]: [key] });

export async function assertMember(tx: Tx, ctx: TenantContext, userId: string, field: string): Promise<void> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
  if (!row) throw fieldError(field, "validation.unknownMember");
}

export async function assertTeamOf(tx: Tx, ctx: TenantContext, teamId: string, field: string): Promise<void> {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
  if (!row) throw fieldError(field, "validation.unknownTeam");
}

/** The teams above `teamId` (its parent, the parent's parent, …), nearest first. */
async function ancestorTeams(tx: Tx, ctx: TenantContext, teamId: string): Promise<string[]> {
  const rows = await tx.execute(sql`
    with recursive up as (
      select parent_team_id as id, 1 as depth from ${teams} where org_id = ${ctx.orgId} and id = ${teamId}
      union all
      select t.parent_team_id, up.depth + 1 from ${teams} t join up on t.id = up.id
      where t.org_id = ${ctx.orgId} and up.depth < 64
    )
    select id from up where id is not null order by depth`);
  return parseRows(idRow, rows).map((row) => row.id);
}

/** Whether `candidateId` is `objectiveId` or aligned (directly or further down) below it. */
async function isAtOrBelow(tx: Tx, ctx: TenantContext, objectiveId: string, candidateId: string): Promise<boolean> {
  if (objectiveId === candidateId) return true;
  const rows = await tx.execute(sql`
    with recursive up as (
      select parent_objective_id as id, 1 as depth from ${objectives} where org_id = ${ctx.orgId} and id = ${candidateId}
      union all
      select o.parent_objective_id, up.depth + 1 from ${objectives} o join up on o.id = up.id
      where o.org_id = ${ctx.orgId} and up.depth < 64
    )
    select 1 from up where id = ${objectiveId} limit 1`);
  return parseRows(z.unknown(), rows).length > 0;
}

export interface AlignmentDraft {
  /** The objective being aligned; null while it is being created. */
  id: string | null;
  cycleId: string;
  level: ObjectiveLevel;
  teamId: string | null;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
}

/**
 * Goals cascade downwards, so alignment points upwards (alignmentRefusal in lib/okr/alignment.ts).
 * The parent is in the same cycle and not archived; the optional key result belongs to it; and no
 * chain of alignments ever loops.
 */
export async function validateAlignment(tx: Tx, ctx: TenantContext, draft: AlignmentDraft): Promise<void> {
  if (!draft.parentObjectiveId) {
    if (draft.parentKeyResultId) throw fieldError("parentKeyResultId", "validation.keyResultNeedsObjective");
    return;
  }
  const [parent] = await tx
    .select({ id: objectives.id, cycleId: objectives.cycleId, level: objectives.level, teamId: objectives.teamId, archivedAt: objectives.archivedAt })
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, draft.parentObjectiveId)));
  if (!parent || parent.archivedAt) throw fieldError("parentObjectiveId", "validation.unknownObjective");
  if (parent.cycleId !== draft.cycleId) throw fieldError("parentObjectiveId", "validation.alignSameCycle");
  // The teams above are read only when the rule needs them: a team objective aligning to a team's.
  const above = draft.level === "team" && parent.level === "team" && draft.teamId ? await ancestorTeams(tx, ctx, draft.teamId) : [];
  const refusal = alignmentRefusal(draft, parent, above);
  if (refusal) throw fieldError("parentObjectiveId", refusal);
  if (draft.id && (await isAtOrBelow(tx, ctx, draft.id, parent.id))) throw fieldError("parentObjectiveId", "validation.alignmentLoop");
  if (draft.parentKeyResultId) {
    const [kr] = await tx
      .select({ id: keyResults.id })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, draft.parentKeyResultId), eq(keyResults.objectiveId, parent.id)));
    if (!kr) throw fieldError("parentKeyResultId", "validation.keyResultOfParent");
  }
}
