import "server-only";
import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { activity, cycles, keyResults, objectives, users, type Objective } from "@/db/schema";
import { AppError, versionConflict } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { ObjectiveCreateInput, ObjectiveUpdateInput } from "@/lib/validation/okrs";
import { emitEvents } from "./integration-events";
import { changedFields, record } from "./activity";
import { assertMember, assertTeamOf, validateAlignment } from "./alignment";
import { assertCycleWritable } from "./cycles";
import { authorize } from "./guard";
import { deleteObjectivesInTx } from "./objective-deletion";
import { objectiveScope } from "./objective-scope";
import { refreshProgress } from "./progress";
import { now } from "@/lib/clock";
import { z } from "zod";
import { idJson, timestampJson } from "@/lib/api/json-values";
import { objectiveLevels, rollupModes } from "@/lib/domain";

/** The objective, locked for the rest of the transaction; a foreign or unknown id is a 404. */
export async function lockObjective(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<Objective> {
  const [row] = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)))
    .for("update");
  if (!row) throw new AppError("not_found", "errors.not_found");
  return row;
}

/**
 * For a write: the objective's cycle must be open, and locks are taken in one order everywhere —
 * the cycle (shared) before the objective — so a write and a cycle being closed cannot deadlock.
 */
export async function lockObjectiveForWrite(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<Objective> {
  const [peek] = await tx
    .select({ cycleId: objectives.cycleId })
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
  if (!peek) throw new AppError("not_found", "errors.not_found");
  await assertCycleWritable(tx, ctx, peek.cycleId);
  const row = await lockObjective(tx, ctx, objectiveId);
  // Moved to another cycle in between: that one must be open too.
  if (row.cycleId !== peek.cycleId) await assertCycleWritable(tx, ctx, row.cycleId);
  return row;
}

export async function createObjective(ctx: TenantContext, input: ObjectiveCreateInput): Promise<{ id: string }> {
  const teamId = input.level === "team" ? (input.teamId ?? null) : null;
  return withTenant(ctx, async (tx) => {
    authorize(ctx, "objective.create", await objectiveScope(tx, ctx, { level: input.level, ownerUserId: input.ownerUserId, teamId }));
    await assertCycleWritable(tx, ctx, input.cycleId);
    await assertMember(tx, ctx, input.ownerUserId, "ownerUserId");
    if (teamId) await assertTeamOf(tx, ctx, teamId, "teamId");
    const parentObjectiveId = input.parentObjectiveId ?? null;
    const parentKeyResultId = input.parentKeyResultId ?? null;
    await validateAlignment(tx, ctx, { id: null, cycleId: input.cycleId, level: input.level, teamId, parentObjectiveId, parentKeyResultId });
    const manual = input.rollupMode === "manual";
    const [row] = await tx
      .insert(objectives)
      .values({
        orgId: ctx.orgId,
        cycleId: input.cycleId,
        level: input.level,
        teamId,
        ownerUserId: input.ownerUserId,
        parentObjectiveId,
        parentKeyResultId,
        title: input.title,
        description: input.description,
        rollupMode: input.rollupMode,
        // Weekly series and "new this week" count from here: the clock's instant.
        createdAt: now(),
        manualProgress: manual && input.manualProgress != null ? input.manualProgress.toFixed(6) : null,
        manualProgressReason: manual ? (input.manualProgressReason ?? null) : null,
        createdByUserId: ctx.userId,
      })
      .returning({ id: objectives.id });
    if (!row) throw new Error("Inserting an objective returned nothing.");
    await record(tx, ctx, {
      action: "objective.created",
      entityType: "objective",
      entityId: row.id,
      objectiveId: row.id,
      teamId,
      after: { title: input.title, level: input.level, parentObjectiveId },
    });
    await emitEvents(tx, ctx.orgId, [
      { type: "objective.created", data: { objective: { id: row.id, title: input.title, level: input.level, teamId, ownerUserId: input.ownerUserId, cycleId: input.cycleId, parentObjectiveId } } },
    ]);
    await refreshProgress(tx, ctx, [row.id, ...(parentObjectiveId ? [parentObjectiveId] : [])]);
    return row;
  });
}

/** The fields an editor compares against after a 409. */
export const objectiveSnapshotJson = z.object({
  id: idJson,
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  level: z.enum(objectiveLevels),
  teamId: idJson.nullable(),
  ownerUserId: idJson,
  parentObjectiveId: idJson.nullable(),
  parentKeyResultId: idJson.nullable(),
  rollupMode: z.enum(rollupModes),
  manualProgress: z.number().nullable(),
  manualProgressReason: z.string().nullable(),
  updatedAt: timestampJson,
  updatedBy: z.string().nullable(),
});
export type ObjectiveSnapshot = z.infer<typeof objectiveSnapshotJson>;

async function snapshot(tx: Tx, ctx: TenantContext, row: Objective): Promise<ObjectiveSnapshot> {
  // Who saved last: the newest change to this objective in the activity log.
  const [last] = await tx
    .select({ name: users.name })
    .from(activity)
    .innerJoin(users, eq(users.id, activity.actorUserId))
    .where(and(eq(activity.orgId, ctx.orgId), eq(activity.objectiveId, row.id), eq(activity.entityType, "objective")))
    .orderBy(desc(activity.createdAt))
    .limit(1);
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    level: row.level,
    teamId: row.teamId,
    ownerUserId: row.ownerUserId,
    parentObjectiveId: row.parentObjectiveId,
    parentKeyResultId: row.parentKeyResultId,
    rollupMode: row.rollupMode,
    manualProgress: row.manualProgress === null ? null : Number(row.manualProgress),
    manualProgressReason: row.manualProgressReason,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: last?.name ?? null,
  };
}

/**
 * Saves an edit made on `input.version`. If someone else saved since, nothing is written and the
 * answer is 409 with their version, so the editor can show what changed and nothing is lost.
 */
export async function updateObjective(ctx: TenantContext, objectiveId: string, input: ObjectiveUpdateInput): Promise<ObjectiveSnapshot> {
  return withTenant(ctx, async (tx) => {
    const current = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, current));
    if (current.version !== input.version) throw versionConflict(await snapshot(tx, ctx, current));

    const { version: _version, ...patch } = input;
    const level = patch.level ?? current.level;
    const teamId = level === "team" ? (patch.teamId !== undefined ? patch.teamId : current.teamId) : null;
    if (level === "team" && !teamId) throw new AppError("validation_failed", "errors.validation", { teamId: ["validation.teamRequired"] });
    const ownerUserId = patch.ownerUserId ?? current.ownerUserId;
    const next = {
      level,
      teamId,
      ownerUserId,
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      parentObjectiveId: patch.parentObjectiveId !== undefined ? patch.parentObjectiveId : current.parentObjectiveId,
      parentKeyResultId:
        patch.parentKeyResultId !== undefined
          ? patch.parentKeyResultId
          : patch.parentObjectiveId !== undefined && patch.parentObjectiveId !== current.parentObjectiveId
            ? null
            : current.parentKeyResultId,
      rollupMode: patch.rollupMode ?? current.rollupMode,
      manualProgress:
        patch.manualProgress !== undefined ? (patch.manualProgress === null ? null : patch.manualProgress.toFixed(6)) : current.manualProgress,
      manualProgressReason: patch.manualProgressReason !== undefined ? patch.manualProgressReason : current.manualProgressReason,
    };
    // Moving the objective to another level, team or owner is placing it there: the right to
    // write it where it was (above) and to create it where it goes.
    if (level !== current.level || teamId !== current.teamId || ownerUserId !== current.ownerUserId) {
      authorize(ctx, "objective.create", await objectiveScope(tx, ctx, { level, teamId, ownerUserId }));
      if (ownerUserId !== current.ownerUserId) await assertMember(tx, ctx, ownerUserId, "ownerUserId");
      if (teamId && teamId !== current.teamId) await assertTeamOf(tx, ctx, teamId, "teamId");
    }
    if (next.rollupMode === "manual" && (next.manualProgress === null || !next.manualProgressReason)) {
      throw new AppError("validation_failed", "errors.validation", {
        ...(next.manualProgress === null ? { manualProgress: ["validation.required"] } : {}),
        ...(!next.manualProgressReason ? { manualProgressReason: ["validation.manualReasonRequired"] } : {}),
      });
    }
    if (next.rollupMode !== "manual") {
      next.manualProgress = null;
      next.manualProgressReason = null;
    }
    const alignmentChanged =
      next.parentObjectiveId !== current.parentObjectiveId || next.parentKeyResultId !== current.parentKeyResultId || level !== current.level || teamId !== current.teamId;
    if (alignmentChanged) {
      await validateAlignment(tx, ctx, {
        id: current.id,
        cycleId: current.cycleId,
        level,
        teamId,
        parentObjectiveId: next.parentObjectiveId,
        parentKeyResultId: next.parentKeyResultId,
      });
    }

    const changes = changedFields(
      {
        level: current.level,
        teamId: current.teamId,
        ownerUserId: current.ownerUserId,
        title: current.title,
        description: current.description,
        parentObjectiveId: current.parentObjectiveId,
        parentKeyResultId: current.parentKeyResultId,
        rollupMode: current.rollupMode,
        manualProgress: current.manualProgress,
        manualProgressReason: current.manualProgressReason,
      },
      next,
    );
    if (!changes) return snapshot(tx, ctx, current);
    const [updated] = await tx
      .update(objectives)
      .set({ ...next, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId), eq(objectives.version, input.version)))
      .returning();
    if (!updated) throw versionConflict(await snapshot(tx, ctx, await lockObjective(tx, ctx, objectiveId)));
    await record(tx, ctx, { action: "objective.updated", entityType: "objective", entityId: objectiveId, objectiveId, teamId, ...changes });
    const affected = new Set<string>();
    if (next.rollupMode !== current.rollupMode || next.manualProgress !== current.manualProgress) affected.add(objectiveId);
    if (next.parentObjectiveId !== current.parentObjectiveId) {
      if (current.parentObjectiveId) affected.add(current.parentObjectiveId);
      if (next.parentObjectiveId) affected.add(next.parentObjectiveId);
    }
    await refreshProgress(tx, ctx, affected);
    return snapshot(tx, ctx, updated);
  });
}

async function setArchived(ctx: TenantContext, objectiveId: string, archived: boolean): Promise<void> {
  await withTenant(ctx, async (tx) => {
    const current = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, current));
    if ((current.archivedAt !== null) === archived) return;
    await tx
      .update(objectives)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    await record(tx, ctx, {
      action: archived ? "objective.archived" : "objective.restored",
      entityType: "objective",
      entityId: objectiveId,
      objectiveId,
      teamId: current.teamId,
    });
    // An archived objective no longer counts in what it was aligned to.
    if (current.parentObjectiveId) await refreshProgress(tx, ctx, [current.parentObjectiveId]);
  });
}

export async function archiveObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  await setArchived(ctx, objectiveId, true);
}

export async function restoreObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  await setArchived(ctx, objectiveId, false);
}

export async function deleteObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  await withTenant(ctx, async (tx) => {
    const current = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, current));
    await deleteObjectivesInTx(tx, ctx, [objectiveId]);
  });
}

/**
 * Moves an objective to another cycle (a goal carried over to next quarter). Alignment only holds
 * within a cycle, so it leaves its parent and the objectives aligned to it stay behind, unaligned;
 * key results due outside the new cycle are due at its end.
 */
export async function moveObjective(ctx: TenantContext, objectiveId: string, input: { version: number; cycleId: string }): Promise<void> {
  await withTenant(ctx, async (tx) => {
    // The target cycle is locked first too, keeping the cycle-before-objective order.
    await assertCycleWritable(tx, ctx, input.cycleId);
    const current = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, current));
    if (current.version !== input.version) throw versionConflict(await snapshot(tx, ctx, current));
    if (input.cycleId === current.cycleId) return;
    const [target] = await tx
      .select({ startDate: cycles.startDate, endDate: cycles.endDate })
      .from(cycles)
      .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, input.cycleId)));
    if (!target) throw new AppError("not_found", "errors.not_found");

    await tx
      .update(objectives)
      .set({ parentObjectiveId: null, parentKeyResultId: null, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.parentObjectiveId, objectiveId)));
    await tx
      .update(objectives)
      .set({ cycleId: input.cycleId, parentObjectiveId: null, parentKeyResultId: null, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    await tx
      .update(keyResults)
      .set({ dueDate: target.endDate, version: sql`${keyResults.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(keyResults.orgId, ctx.orgId),
          eq(keyResults.objectiveId, objectiveId),
          or(lt(keyResults.dueDate, target.startDate), gt(keyResults.dueDate, target.endDate)),
        ),
      );
    await record(tx, ctx, {
      action: "objective.moved",
      entityType: "objective",
      entityId: objectiveId,
      objectiveId,
      teamId: current.teamId,
      before: { cycleId: current.cycleId, parentObjectiveId: current.parentObjectiveId },
      after: { cycleId: input.cycleId },
    });
    await refreshProgress(tx, ctx, [objectiveId, ...(current.parentObjectiveId ? [current.parentObjectiveId] : [])]);
  });
}

