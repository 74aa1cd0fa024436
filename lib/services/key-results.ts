import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives, type KeyResult, type Objective } from "@/db/schema";
import { AppError, versionConflict } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { KeyResultCreateInput, KeyResultUpdateInput } from "@/lib/validation/okrs";
import { changedFields, record } from "./activity";
import { withObjectiveStatusEvents } from "./status-events";
import { assertMember } from "./alignment";
import { authorize } from "./guard";
import { objectiveScope } from "./objective-scope";
import { lockObjectiveForWrite } from "./objectives";
import { measureColumns, measureOf, refreshProgress } from "./progress";
import { now } from "@/lib/clock";
import { normaliseValues } from "@/lib/okr/key-result-values";

type Direction = KeyResult["direction"];

/** The values a direction keeps (lib/okr/key-result-values.ts). */
const normalise = (direction: Direction, startValue: string, targetValue: string | undefined) => normaliseValues(direction, startValue, targetValue);

/**
 * For a write to a key result or a check-in on it: its cycle open, then its objective and the key
 * result locked — cycle, objective, key result, the one order every write takes (rollups then
 * walk upwards), so concurrent writes queue instead of deadlocking.
 */
export async function lockKeyResultForWrite(tx: Tx, ctx: TenantContext, keyResultId: string): Promise<{ keyResult: KeyResult; objective: Objective }> {
  const [peek] = await tx
    .select({ objectiveId: keyResults.objectiveId })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId)));
  if (!peek) throw new AppError("not_found", "errors.not_found");
  const objective = await lockObjectiveForWrite(tx, ctx, peek.objectiveId);
  const [keyResult] = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId), eq(keyResults.objectiveId, objective.id)))
    .for("update");
  if (!keyResult) throw new AppError("not_found", "errors.not_found");
  return { keyResult, objective };
}

export async function createKeyResult(ctx: TenantContext, objectiveId: string, input: KeyResultCreateInput): Promise<{ id: string }> {
  return withTenant(ctx, (tx) => withObjectiveStatusEvents(tx, ctx.orgId, objectiveId, async () => {
    const objective = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, objective));
    await assertMember(tx, ctx, input.ownerUserId, "ownerUserId");
    const [cycle] = await tx
      .select({ endDate: cycles.endDate })
      .from(cycles)
      .where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, objective.cycleId)));
    if (!cycle) throw new AppError("not_found", "errors.not_found");
    const values = normalise(input.direction, input.startValue, input.targetValue);
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${keyResults.position}) + 1, 0)::int` })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.objectiveId, objectiveId)));
    const current = values.startValue;
    const [row] = await tx
      .insert(keyResults)
      .values({
        orgId: ctx.orgId,
        objectiveId,
        title: input.title,
        description: input.description,
        unit: input.unit,
        currencyCode: input.unit === "currency" ? (input.currencyCode?.toUpperCase() ?? null) : null,
        unitLabel: input.unit === "custom" ? (input.unitLabel ?? null) : null,
        direction: input.direction,
        ...values,
        currentValue: current,
        ownerUserId: input.ownerUserId,
        // Staleness counts from here without a check-in: the clock's instant, not the database's.
        createdAt: now(),
        dueDate: input.dueDate ?? cycle.endDate,
        weight: input.weight,
        position: next,
        ...measureColumns(measureOf({ direction: input.direction, ...values, currentValue: current })),
      })
      .returning({ id: keyResults.id });
    if (!row) throw new Error("Inserting a key result returned nothing.");
    await record(tx, ctx, {
      action: "key_result.created",
      entityType: "key_result",
      entityId: row.id,
      objectiveId,
      keyResultId: row.id,
      teamId: objective.teamId,
      after: { title: input.title, direction: input.direction, ...values },
    });
    await refreshProgress(tx, ctx, [objectiveId]);
    return row;
  }));
}

/** Edits the definition of a key result (its value moves by check-ins, never here). */
export async function updateKeyResult(ctx: TenantContext, keyResultId: string, input: KeyResultUpdateInput): Promise<{ version: number }> {
  return withTenant(ctx, async (tx) => {
    const { keyResult: current, objective } = await lockKeyResultForWrite(tx, ctx, keyResultId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, objective));
    if (current.version !== input.version) throw versionConflict(keyResultSnapshot(current));
    const { version: _version, ...patch } = input;
    if (patch.ownerUserId && patch.ownerUserId !== current.ownerUserId) await assertMember(tx, ctx, patch.ownerUserId, "ownerUserId");

    const direction = patch.direction ?? current.direction;
    const unit = patch.unit ?? current.unit;
    const values = normalise(direction, patch.startValue ?? current.startValue, patch.targetValue ?? current.targetValue);
    const start = Number(values.startValue);
    const target = Number(values.targetValue);
    if (direction === "increase" && !(target > start)) throw new AppError("validation_failed", "errors.validation", { targetValue: ["validation.targetAboveStart"] });
    if (direction === "decrease" && !(target < start)) throw new AppError("validation_failed", "errors.validation", { targetValue: ["validation.targetBelowStart"] });
    const currencyCode = unit === "currency" ? ((patch.currencyCode !== undefined ? patch.currencyCode : current.currencyCode)?.toUpperCase() ?? null) : null;
    const unitLabel = unit === "custom" ? (patch.unitLabel !== undefined ? patch.unitLabel : current.unitLabel) : null;
    if (unit === "currency" && !currencyCode) throw new AppError("validation_failed", "errors.validation", { currencyCode: ["validation.currencyCode"] });
    if (unit === "custom" && !unitLabel) throw new AppError("validation_failed", "errors.validation", { unitLabel: ["validation.unitLabelRequired"] });

    const next = {
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      unit,
      currencyCode,
      unitLabel,
      direction,
      ...values,
      ownerUserId: patch.ownerUserId ?? current.ownerUserId,
      dueDate: patch.dueDate ?? current.dueDate,
      weight: patch.weight ?? current.weight,
    };
    const changes = changedFields(
      {
        title: current.title,
        description: current.description,
        unit: current.unit,
        currencyCode: current.currencyCode,
        unitLabel: current.unitLabel,
        direction: current.direction,
        startValue: current.startValue,
        targetValue: current.targetValue,
        ownerUserId: current.ownerUserId,
        dueDate: current.dueDate,
        weight: current.weight,
      },
      next,
    );
    if (!changes) return { version: current.version };
    const [updated] = await tx
      .update(keyResults)
      .set({
        ...next,
        ...measureColumns(measureOf({ direction, ...values, currentValue: current.currentValue })),
        version: sql`${keyResults.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId), eq(keyResults.version, input.version)))
      .returning({ version: keyResults.version });
    if (!updated) throw versionConflict(keyResultSnapshot((await lockKeyResultForWrite(tx, ctx, keyResultId)).keyResult));
    await record(tx, ctx, {
      action: "key_result.updated",
      entityType: "key_result",
      entityId: keyResultId,
      objectiveId: objective.id,
      keyResultId,
      teamId: objective.teamId,
      ...changes,
    });
    await refreshProgress(tx, ctx, [objective.id]);
    return updated;
  });
}

export function keyResultSnapshot(row: KeyResult) {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    unit: row.unit,
    currencyCode: row.currencyCode,
    unitLabel: row.unitLabel,
    direction: row.direction,
    startValue: row.startValue,
    targetValue: row.targetValue,
    ownerUserId: row.ownerUserId,
    dueDate: row.dueDate,
    weight: row.weight,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function deleteKeyResult(ctx: TenantContext, keyResultId: string): Promise<void> {
  await withTenant(ctx, async (tx) => {
    const { keyResult: current, objective } = await lockKeyResultForWrite(tx, ctx, keyResultId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, objective));
    await withObjectiveStatusEvents(tx, ctx.orgId, objective.id, () => removeKeyResult(tx, ctx, current, objective));
  });
}

async function removeKeyResult(tx: Tx, ctx: TenantContext, current: KeyResult, objective: Objective): Promise<void> {
  const keyResultId = current.id;
  // Objectives that contributed to this key result stay aligned to its objective.
  await tx
    .update(objectives)
    .set({ parentKeyResultId: null, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.parentKeyResultId, keyResultId)));
  await tx.delete(keyResults).where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId)));
  await record(tx, ctx, {
    action: "key_result.deleted",
    entityType: "key_result",
    entityId: keyResultId,
    objectiveId: objective.id,
    keyResultId,
    teamId: objective.teamId,
    before: { title: current.title },
  });
  await refreshProgress(tx, ctx, [objective.id]);
}

/** Puts an objective's key results in the given order (the list must name each one once). */
export async function reorderKeyResults(ctx: TenantContext, objectiveId: string, keyResultIds: string[]): Promise<void> {
  await withTenant(ctx, async (tx) => {
    const objective = await lockObjectiveForWrite(tx, ctx, objectiveId);
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, objective));
    const existing = await tx
      .select({ id: keyResults.id })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.objectiveId, objectiveId)))
      .orderBy(asc(keyResults.position));
    const known = new Set(existing.map((row) => row.id));
    if (keyResultIds.length !== known.size || new Set(keyResultIds).size !== known.size || !keyResultIds.every((id) => known.has(id))) {
      throw new AppError("validation_failed", "errors.validation", { keyResultIds: ["validation.invalid"] });
    }
    const values = sql.join(
      keyResultIds.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${keyResults} set position = v.position
      from (values ${values}) as v(id, position)
      where ${keyResults.orgId} = ${ctx.orgId} and ${keyResults.id} = v.id`);
  });
}
