import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { idJson } from "@/lib/api/json-values";
import { keyResults, memberships, objectives, type KeyResult, type Objective } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError, type FieldErrors } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { CarryOverInput } from "@/lib/validation/carry-over";
import { recordMany, type ActivityEntry } from "./activity";
import { assertCycleWritable, getCycleInTx } from "./cycles";
import { isUniqueViolation } from "./db-errors";
import { emitEvents } from "./integration-events";
import { leadsOf } from "./objective-scope";
import { measureColumns, measureOf, refreshProgress } from "./progress";
import { parseRows } from "./sql-rows";
import { carriedStart, carryRefusal } from "@/lib/okr/carry-over";

/**
 * "Next quarter from this one" (issue 18): objectives of one cycle carried into a later, open one.
 * Each carried objective is a new objective of the target cycle with its predecessor's words,
 * level, team, owner and rollup, linked to it by `carried_from_id`, and a copy of each key result
 * carried (unit, direction, weight, owner, order; some may be left behind, not all) that starts
 * where the old one ended (its last value) and is due at the target cycle's end; targets and
 * starts may be changed before saving.
 * All of it in one transaction, and nothing of the source cycle is written: what is not carried
 * (done, or dropped) leaves no trace, so a closed quarter stays exactly as it was closed.
 */

export const carriedObjectiveJson = z.object({
  id: idJson,
  carriedFromId: idJson,
  title: z.string(),
  /**
   * What became of the predecessor's alignment: `none` (it had none), `carried` (aligned to its
   * parent's copy in the target cycle, carried now or before) or `unaligned` (the parent was not
   * carried, so the copy starts unaligned; carrying the parent later aligns it, see `realigned`).
   */
  alignment: z.enum(["none", "carried", "unaligned"]),
});
export type CarriedObjective = z.infer<typeof carriedObjectiveJson>;

export const carryOverResultJson = z.object({
  toCycleId: idJson,
  objectives: z.array(carriedObjectiveJson),
  /**
   * Copies carried earlier into the target cycle that started unaligned because their parent was
   * not there yet, now aligned to the parent's copy carried in this request (and to the copy of the
   * key result their predecessor contributed to, when that key result was carried).
   */
  realigned: z.array(z.object({ id: idJson, title: z.string() })),
});
export type CarryOverResult = z.infer<typeof carryOverResultJson>;

const fieldError = (fields: FieldErrors) => new AppError("validation_failed", "errors.validation", fields);

export async function carryOver(ctx: TenantContext, fromCycleId: string, input: CarryOverInput): Promise<CarryOverResult> {
  try {
    return await withTenant(ctx, (tx) => carryInTx(tx, ctx, fromCycleId, input));
  } catch (error) {
    // Two carries of the same objective at once: the unique (org_id, carried_from_id) decides.
    if (isUniqueViolation(error, "objectives_carried_from_key")) throw new AppError("conflict", "errors.alreadyCarried");
    throw error;
  }
}

async function carryInTx(tx: Tx, ctx: TenantContext, fromCycleId: string, input: CarryOverInput): Promise<CarryOverResult> {
  // The source is only read: a foreign or unknown cycle is not found, and any status will do.
  const from = await getCycleInTx(tx, ctx, fromCycleId);
  if (!from) throw new AppError("not_found", "errors.not_found");
  // The target must be open (share-locked against a close under way) and come after the source.
  const to = await getCycleInTx(tx, ctx, input.toCycleId);
  if (!to) throw new AppError("not_found", "errors.not_found");
  const cycleRefusal = carryRefusal(from, to);
  if (cycleRefusal) throw fieldError({ toCycleId: [cycleRefusal] });
  const target = await assertCycleWritable(tx, ctx, to.id);

  const ids = input.items.map((item) => item.objectiveId);
  const sources = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.id, ids)));
  const byId = new Map(sources.map((row) => [row.id, row]));
  // An id this organisation does not have is not found, whatever else is right.
  if (ids.some((id) => !byId.has(id))) throw new AppError("not_found", "errors.not_found");

  const fields: FieldErrors = {};
  input.items.forEach((item, index) => {
    const source = byId.get(item.objectiveId) as Objective;
    if (source.cycleId !== from.id) fields[`items.${index}.objectiveId`] = ["validation.notInCycle"];
    else if (source.archivedAt) fields[`items.${index}.objectiveId`] = ["validation.unknownObjective"];
  });
  if (Object.keys(fields).length > 0) throw fieldError(fields);

  // Placing the copy in the target cycle is creating it there: the same rule as by hand.
  const leads = await leadsOf(tx, ctx, sources.filter((row) => row.level === "individual").map((row) => row.ownerUserId));
  for (const source of sources) {
    const scope = { level: source.level, teamId: source.teamId, ownerUserId: source.ownerUserId, ownerLeadIds: leads.get(source.ownerUserId) ?? [] };
    if (!can(ctx, "objective.create", scope)) throw new AppError("forbidden", "errors.forbidden");
  }

  // Carried already (into this cycle or any other): the chain of quarters never forks.
  // With each copy, whether it is still where its predecessor was (same level and team, not
  // archived): only then does an alignment to the predecessor hold for the copy as it did before.
  const predecessor = alias(objectives, "predecessor");
  const carriedBefore = await tx
    .select({
      id: objectives.id,
      cycleId: objectives.cycleId,
      carriedFromId: objectives.carriedFromId,
      samePlace: sql<boolean>`(${objectives.level} = ${predecessor.level} and ${objectives.teamId} is not distinct from ${predecessor.teamId} and ${objectives.archivedAt} is null)`,
    })
    .from(objectives)
    .innerJoin(predecessor, and(eq(predecessor.orgId, objectives.orgId), eq(predecessor.id, objectives.carriedFromId)))
    .where(and(eq(objectives.orgId, ctx.orgId), isNotNull(objectives.carriedFromId), inArray(objectives.carriedFromId, [...ids, ...parentIdsOf(sources)])));
  const copyOf = new Map(carriedBefore.map((row) => [row.carriedFromId as string, row]));
  if (ids.some((id) => copyOf.has(id))) throw new AppError("conflict", "errors.alreadyCarried");

  const sourceKeyResults = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, ctx.orgId), inArray(keyResults.objectiveId, ids)))
    .orderBy(keyResults.objectiveId, keyResults.position, keyResults.createdAt);
  // Key results of parents carried earlier, to keep an alignment to one of them (same place, same title).
  const earlierParentCopies = [...copyOf.values()].filter((row) => row.cycleId === target.id).map((row) => row.id);
  const oldParentKeyResultIds = sources.flatMap((row) =>
    row.parentObjectiveId && row.parentKeyResultId && !byId.has(row.parentObjectiveId) ? [row.parentKeyResultId] : [],
  );
  const keyResultPlaces = earlierParentCopies.length && oldParentKeyResultIds.length
    ? await tx
        .select({ id: keyResults.id, objectiveId: keyResults.objectiveId, title: keyResults.title, position: keyResults.position })
        .from(keyResults)
        .where(and(eq(keyResults.orgId, ctx.orgId), or(inArray(keyResults.objectiveId, earlierParentCopies), inArray(keyResults.id, oldParentKeyResultIds))))
    : [];

  // Copies carried earlier into the target cycle whose parent is carried only now: they started
  // unaligned for want of it. Only those still unaligned and where their predecessor was (level,
  // team, not archived) take the alignment their predecessor had; anything else was someone's edit.
  const waitingChildren = await tx
    .select({
      id: objectives.id,
      parentObjectiveId: predecessor.parentObjectiveId,
      parentKeyResultId: predecessor.parentKeyResultId,
    })
    .from(objectives)
    .innerJoin(predecessor, and(eq(predecessor.orgId, objectives.orgId), eq(predecessor.id, objectives.carriedFromId)))
    .where(
      and(
        eq(objectives.orgId, ctx.orgId),
        eq(objectives.cycleId, target.id),
        isNull(objectives.parentObjectiveId),
        isNull(objectives.archivedAt),
        inArray(predecessor.parentObjectiveId, ids),
        eq(objectives.level, predecessor.level),
        sql`${objectives.teamId} is not distinct from ${predecessor.teamId}`,
      ),
    );

  // Everyone who will own something must still be a member.
  const owners = [...new Set([...sources.map((row) => row.ownerUserId), ...sourceKeyResults.map((kr) => kr.ownerUserId)])];
  const members = new Set(
    (await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, ctx.orgId), inArray(memberships.userId, owners)))).map(
      (row) => row.userId,
    ),
  );

  // Ids made in advance, so alignment among the carried needs no round trip. A key result left
  // behind gets none: a child contributing to it starts aligned to the objective alone.
  const leftBehind = new Set(input.items.flatMap((item) => item.keyResults.filter((kr) => !kr.carry).map((kr) => kr.keyResultId)));
  const newIdOf = new Map(ids.map((id) => [id, randomUUID()]));
  const newKeyResultIdOf = new Map(sourceKeyResults.filter((kr) => !leftBehind.has(kr.id)).map((kr) => [kr.id, randomUUID()]));
  const newKeyResultIds = new Set<string>(newKeyResultIdOf.values());
  const at = now();
  const objectiveRows: Array<typeof objectives.$inferInsert> = [];
  const keyResultRows: Array<typeof keyResults.$inferInsert> = [];
  const carried: CarriedObjective[] = [];

  for (const item of input.items) {
    const source = byId.get(item.objectiveId) as Objective;
    const id = newIdOf.get(source.id) as string;
    if (!members.has(source.ownerUserId)) fields[`objectives.${source.id}.ownerUserId`] = ["validation.unknownMember"];
    const parent = alignedParent(source, { newIdOf, newKeyResultIdOf, copyOf, targetCycleId: target.id, keyResultPlaces });
    objectiveRows.push({
      orgId: ctx.orgId,
      id,
      cycleId: target.id,
      level: source.level,
      teamId: source.teamId,
      ownerUserId: source.ownerUserId,
      parentObjectiveId: parent.objectiveId,
      parentKeyResultId: parent.keyResultId,
      title: source.title,
      description: source.description,
      rollupMode: source.rollupMode,
      manualProgress: source.manualProgress,
      manualProgressReason: source.manualProgressReason,
      carriedFromId: source.id,
      createdAt: at,
      createdByUserId: ctx.userId,
    });
    carried.push({ id, carriedFromId: source.id, title: source.title, alignment: parent.alignment });

    const overrides = new Map(item.keyResults.map((kr) => [kr.keyResultId, kr]));
    const own = sourceKeyResults.filter((kr) => kr.objectiveId === source.id);
    for (const keyResultId of overrides.keys()) {
      if (!own.some((kr) => kr.id === keyResultId)) fields[`keyResults.${keyResultId}.keyResultId`] = ["validation.keyResultOfObjective"];
    }
    const kept = own.filter((kr) => !leftBehind.has(kr.id));
    // Leaving every key result behind would carry an objective with nothing to measure it by.
    if (own.length > 0 && kept.length === 0) fields[`objectives.${source.id}.keyResults`] = ["validation.keepOneKeyResult"];
    for (const kr of kept) {
      const override = overrides.get(kr.id);
      const startValue = override?.startValue ?? carriedStart(kr);
      const targetValue = override?.targetValue ?? kr.targetValue;
      const problem = targetProblem(kr.direction, startValue, targetValue);
      if (problem) fields[`keyResults.${kr.id}.targetValue`] = [problem];
      if (!members.has(kr.ownerUserId)) fields[`keyResults.${kr.id}.ownerUserId`] = ["validation.unknownMember"];
      keyResultRows.push({
        orgId: ctx.orgId,
        id: newKeyResultIdOf.get(kr.id) as string,
        objectiveId: id,
        title: kr.title,
        description: kr.description,
        unit: kr.unit,
        currencyCode: kr.currencyCode,
        unitLabel: kr.unitLabel,
        direction: kr.direction,
        startValue,
        targetValue,
        currentValue: startValue,
        ownerUserId: kr.ownerUserId,
        dueDate: target.endDate,
        weight: kr.weight,
        position: kr.position,
        createdAt: at,
        ...measureColumns(measureOf({ direction: kr.direction, startValue, targetValue, currentValue: startValue })),
      });
    }
  }
  if (Object.keys(fields).length > 0) throw fieldError(fields);

  // Parents first: a copy aligned to another copy of this carry finds it already written.
  // A key result a copy contributes to may be carried in this same call: it exists only once the
  // key results are written, so that link is set after them, in one statement.
  const order = parentsFirst(objectiveRows);
  await tx.insert(objectives).values(order.map((row) => (row.parentKeyResultId && newKeyResultIds.has(row.parentKeyResultId) ? { ...row, parentKeyResultId: null } : row)));
  if (keyResultRows.length > 0) await tx.insert(keyResults).values(keyResultRows);
  const linkLater = order.filter((row) => row.parentKeyResultId && newKeyResultIds.has(row.parentKeyResultId));
  if (linkLater.length > 0) {
    const values = sql.join(
      linkLater.map((row) => sql`(${row.id}::uuid, ${row.parentKeyResultId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${objectives} set parent_key_result_id = v.key_result_id
      from (values ${values}) as v(id, key_result_id)
      where ${objectives.orgId} = ${ctx.orgId} and ${objectives.id} = v.id`);
  }
  const realigned = await realignChildren(tx, ctx, waitingChildren, { newIdOf, newKeyResultIdOf, at });

  await emitEvents(
    tx,
    ctx.orgId,
    order.map((row) => ({
      type: "objective.created" as const,
      data: {
        objective: {
          id: row.id as string,
          title: row.title,
          level: row.level,
          teamId: row.teamId ?? null,
          ownerUserId: row.ownerUserId,
          cycleId: target.id,
          parentObjectiveId: row.parentObjectiveId ?? null,
        },
      },
    })),
  );
  const entries: ActivityEntry[] = order.flatMap((row): ActivityEntry[] => [
    {
      action: "objective.created",
      entityType: "objective",
      entityId: row.id as string,
      objectiveId: row.id,
      teamId: row.teamId ?? null,
      after: { title: row.title, level: row.level, parentObjectiveId: row.parentObjectiveId ?? null, carriedFromId: row.carriedFromId, carriedFromCycle: from.name },
    },
    ...keyResultRows
      .filter((kr) => kr.objectiveId === row.id)
      .map(
        (kr): ActivityEntry => ({
          action: "key_result.created",
          entityType: "key_result",
          entityId: kr.id as string,
          objectiveId: row.id,
          keyResultId: kr.id,
          teamId: row.teamId ?? null,
          after: { title: kr.title, direction: kr.direction, startValue: kr.startValue, targetValue: kr.targetValue },
        }),
      ),
  ]);
  await recordMany(tx, ctx, [
    ...entries,
    ...realigned.map(
      (row): ActivityEntry => ({
        action: "objective.updated",
        entityType: "objective",
        entityId: row.id,
        objectiveId: row.id,
        teamId: row.teamId,
        before: { parentObjectiveId: null, parentKeyResultId: null },
        after: { parentObjectiveId: row.parentObjectiveId, parentKeyResultId: row.parentKeyResultId },
      }),
    ),
  ]);
  const parents = objectiveRows.flatMap((row) => (row.parentObjectiveId && !newIdOf.has(row.parentObjectiveId) ? [row.parentObjectiveId] : []));
  await refreshProgress(tx, ctx, [...objectiveRows.map((row) => row.id as string), ...parents]);
  return { toCycleId: target.id, objectives: carried, realigned: realigned.map((row) => ({ id: row.id, title: row.title })) };
}

const realignedRow = z.object({
  id: z.string(),
  title: z.string(),
  team_id: z.string().nullable(),
  parent_objective_id: z.string(),
  parent_key_result_id: z.string().nullable(),
});

/**
 * Aligns the waiting children to their parents' new copies, in one statement that checks again
 * that each is still unaligned (an edit since the read wins), with a new version so an editor
 * holding the old one is told rather than overwriting it.
 */
async function realignChildren(
  tx: Tx,
  ctx: TenantContext,
  children: ReadonlyArray<{ id: string; parentObjectiveId: string | null; parentKeyResultId: string | null }>,
  known: { newIdOf: ReadonlyMap<string, string>; newKeyResultIdOf: ReadonlyMap<string, string>; at: Date },
): Promise<Array<{ id: string; title: string; teamId: string | null; parentObjectiveId: string; parentKeyResultId: string | null }>> {
  const links = children.flatMap((child) => {
    const parentObjectiveId = child.parentObjectiveId ? known.newIdOf.get(child.parentObjectiveId) : undefined;
    if (!parentObjectiveId) return [];
    // A key result left behind has no copy: the child aligns to the objective alone.
    const parentKeyResultId = child.parentKeyResultId ? (known.newKeyResultIdOf.get(child.parentKeyResultId) ?? null) : null;
    return [{ id: child.id, parentObjectiveId, parentKeyResultId }];
  });
  if (links.length === 0) return [];
  const values = sql.join(
    links.map((link) => sql`(${link.id}::uuid, ${link.parentObjectiveId}::uuid, ${link.parentKeyResultId}::uuid)`),
    sql`, `,
  );
  const rows = await tx.execute(sql`
    update ${objectives}
    set parent_objective_id = v.parent_objective_id, parent_key_result_id = v.parent_key_result_id,
      version = ${objectives.version} + 1, updated_at = ${known.at.toISOString()}::timestamptz
    from (values ${values}) as v(id, parent_objective_id, parent_key_result_id)
    where ${objectives.orgId} = ${ctx.orgId} and ${objectives.id} = v.id and ${objectives.parentObjectiveId} is null
    returning ${objectives.id} as id, ${objectives.title} as title, ${objectives.teamId} as team_id,
      ${objectives.parentObjectiveId} as parent_objective_id, ${objectives.parentKeyResultId} as parent_key_result_id`);
  return parseRows(realignedRow, rows).map((row) => ({
    id: row.id,
    title: row.title,
    teamId: row.team_id,
    parentObjectiveId: row.parent_objective_id,
    parentKeyResultId: row.parent_key_result_id,
  }));
}

const parentIdsOf = (sources: readonly Objective[]) => sources.flatMap((row) => (row.parentObjectiveId ? [row.parentObjectiveId] : []));

/**
 * Where a copy aligns: to its parent's copy in the target cycle (carried now or earlier), and to
 * the copy of the parent's key result it contributed to when that can be told (carried now, or the
 * earlier copy's key result in the same place with the same title). A parent left behind leaves
 * the copy unaligned: alignment never crosses cycles.
 */
function alignedParent(
  source: Objective,
  known: {
    newIdOf: ReadonlyMap<string, string>;
    newKeyResultIdOf: ReadonlyMap<string, string>;
    copyOf: ReadonlyMap<string, { id: string; cycleId: string; samePlace: boolean }>;
    targetCycleId: string;
    /** The old parents' key results and those of their earlier copies. */
    keyResultPlaces: ReadonlyArray<{ id: string; objectiveId: string; title: string; position: number }>;
  },
): { objectiveId: string | null; keyResultId: string | null; alignment: CarriedObjective["alignment"] } {
  const parentId = source.parentObjectiveId;
  if (!parentId) return { objectiveId: null, keyResultId: null, alignment: "none" };
  const carriedNow = known.newIdOf.get(parentId);
  if (carriedNow) {
    const keyResultId = source.parentKeyResultId ? (known.newKeyResultIdOf.get(source.parentKeyResultId) ?? null) : null;
    return { objectiveId: carriedNow, keyResultId, alignment: "carried" };
  }
  const earlier = known.copyOf.get(parentId);
  if (earlier && earlier.cycleId === known.targetCycleId && earlier.samePlace) {
    const old = known.keyResultPlaces.find((kr) => kr.id === source.parentKeyResultId);
    const match = old ? known.keyResultPlaces.find((kr) => kr.objectiveId === earlier.id && kr.title === old.title && kr.position === old.position) : undefined;
    return { objectiveId: earlier.id, keyResultId: match?.id ?? null, alignment: "carried" };
  }
  return { objectiveId: null, keyResultId: null, alignment: "unaligned" };
}

/** Why a carried key result's figures cannot be saved (a message key), as the key-result form judges them. */
function targetProblem(direction: KeyResult["direction"], startValue: string, targetValue: string): string | null {
  if (direction === "increase" && !(Number(targetValue) > Number(startValue))) return "validation.targetAboveStart";
  if (direction === "decrease" && !(Number(targetValue) < Number(startValue))) return "validation.targetBelowStart";
  return null;
}

function parentsFirst<T extends { id?: string; parentObjectiveId?: string | null }>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((row) => row.id));
  const placed = new Set<string>();
  const ordered: T[] = [];
  let pending = [...rows];
  while (pending.length > 0) {
    const ready = pending.filter((row) => !row.parentObjectiveId || !ids.has(row.parentObjectiveId) || placed.has(row.parentObjectiveId));
    // Alignment copies a chain without loops; should one appear, the rest goes as it is.
    const batch = ready.length > 0 ? ready : pending;
    for (const row of batch) {
      ordered.push(row);
      placed.add(row.id as string);
    }
    pending = pending.filter((row) => !batch.includes(row));
  }
  return ordered;
}
