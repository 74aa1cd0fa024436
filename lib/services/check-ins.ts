import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { checkIns, keyResults, users } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { CheckInInput } from "@/lib/validation/check-ins";
import { record } from "./activity";
import { lockKeyResultForWrite } from "./key-results";
import { measureColumns, measureOf, refreshProgress } from "./progress";
import { now } from "@/lib/clock";
import { instantSql } from "./status-sql";
import { emitEvents, integrationsListening } from "./integration-events";
import { statusChanges, statusSnapshot } from "./status-events";
import type { OrgEvent } from "@/lib/integrations/events";
import { z } from "zod";
import { decimalJson, idJson } from "@/lib/api/json-values";

export const checkInResultJson = z.object({ id: idJson, keyResultId: idJson, value: decimalJson, progress: z.number() });
export type CheckInResult = z.infer<typeof checkInResultJson>;

/** A problem with one entry, keyed by its field: a single check-in or a row of My week. */
class EntryError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "validation_failed",
    readonly fields: Record<string, string[]>,
  ) {
    super(code);
  }
}

/**
 * One check-in inside the caller's transaction. The key result's row is locked (after its cycle and
 * objective, the order every write takes), so concurrent check-ins on it queue up: each is stored,
 * and the current value is the one written last. Times come from clock_timestamp(), taken after
 * the lock, so "newest" means last written.
 */
type Written = CheckInResult & { objectiveId: string; createdAt: Date; input: CheckInInput };

async function checkInTx(tx: Tx, ctx: TenantContext, keyResultId: string, input: CheckInInput): Promise<Written> {
  let locked;
  try {
    locked = await lockKeyResultForWrite(tx, ctx, keyResultId);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") throw new EntryError("conflict", { value: ["validation.cycleClosed"] });
    if (error instanceof AppError && error.code === "not_found") throw new EntryError("not_found", {});
    throw error;
  }
  const { keyResult: kr, objective } = locked;
  if (!can(ctx, "checkIn.create", { keyResultOwnerId: kr.ownerUserId, objective })) throw new EntryError("forbidden", {});
  if (kr.direction === "milestone" && input.value !== "0" && input.value !== "1") {
    throw new EntryError("validation_failed", { value: ["validation.milestoneValue"] });
  }
  const measure = measureOf({ direction: kr.direction, startValue: kr.startValue, targetValue: kr.targetValue, currentValue: input.value });
  const columns = measureColumns(measure);
  const [row] = await tx
    .insert(checkIns)
    .values({
      orgId: ctx.orgId,
      keyResultId,
      authorUserId: ctx.userId,
      value: input.value,
      previousValue: kr.currentValue,
      confidence: input.confidence,
      note: input.note,
      // The clock's instant, and always after the key result's previous check-in (its row is
      // locked above): a key result's history is strictly ordered whatever the clocks say.
      createdAt: sql`greatest(${instantSql(now())}, (select k.last_check_in_at + interval '1 microsecond' from ${keyResults} k where k.org_id = ${ctx.orgId} and k.id = ${keyResultId}))`,
    })
    .returning({ id: checkIns.id, createdAt: checkIns.createdAt });
  if (!row) throw new Error("Inserting a check-in returned nothing.");
  await tx
    .update(keyResults)
    .set({ currentValue: input.value, lastCheckInAt: row.createdAt, lastConfidence: input.confidence, ...columns, updatedAt: sql`now()` })
    .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId)));
  await record(tx, ctx, {
    action: "check_in.created",
    entityType: "key_result",
    entityId: keyResultId,
    objectiveId: objective.id,
    keyResultId,
    teamId: objective.teamId,
    before: { value: kr.currentValue, progress: Number(kr.progress) },
    after: { value: input.value, confidence: input.confidence, note: input.note, progress: Number(columns.progress) },
  });
  return { id: row.id, keyResultId, value: input.value, progress: Number(columns.progress), objectiveId: objective.id, createdAt: row.createdAt, input };
}

/**
 * Integrations hear about check-ins, and about the statuses they changed: the statuses before
 * the check-ins and after, by the rules of lib/okr (status-events.ts), compared in the
 * transaction that writes. Nothing is read when no integration listens.
 */
async function withEvents<T extends Written[]>(tx: Tx, ctx: TenantContext, keyResultIds: readonly string[], write: () => Promise<T>): Promise<T> {
  if (!(await integrationsListening(tx, ctx.orgId))) return write();
  const at = now();
  const before = await statusSnapshot(tx, ctx.orgId, { keyResultIds }, at);
  const written = await write();
  const after = await statusSnapshot(tx, ctx.orgId, { keyResultIds }, at);
  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.userId));
  const checkInsDone: OrgEvent[] = written.flatMap((entry) => {
    const keyResult = after.keyResults.get(entry.keyResultId);
    const objective = after.objectives.get(entry.objectiveId);
    if (!keyResult || !objective) return [];
    return [
      {
        type: "check_in.created" as const,
        data: {
          checkIn: { id: entry.id, value: entry.value, confidence: entry.input.confidence, note: entry.input.note, createdAt: entry.createdAt.toISOString() },
          keyResult: { id: entry.keyResultId, title: keyResult.title },
          objective: { id: entry.objectiveId, title: objective.title, teamId: objective.teamId },
          author: { id: ctx.userId, name: author?.name ?? "" },
        },
      },
    ];
  });
  await emitEvents(tx, ctx.orgId, [...checkInsDone, ...statusChanges(before, after)]);
  return written;
}

const publicResult = ({ id, keyResultId, value, progress }: Written): CheckInResult => ({ id, keyResultId, value, progress });

function toAppError(error: EntryError, prefix = ""): AppError {
  if (error.code === "not_found") return new AppError("not_found", "errors.not_found");
  if (error.code === "forbidden") return new AppError("forbidden", "errors.checkInForbidden");
  const fields: FieldErrors = Object.fromEntries(Object.entries(error.fields).map(([field, messages]) => [`${prefix}${field}`, messages]));
  return new AppError(error.code, error.code === "conflict" ? "errors.cycleClosed" : "errors.validation", fields);
}

/** A check-in on one key result: a new value, a confidence and a note. History is never rewritten. */
export async function createCheckIn(ctx: TenantContext, keyResultId: string, input: CheckInInput): Promise<CheckInResult> {
  try {
    return await withTenant(ctx, async (tx) => {
      const [result] = await withEvents(tx, ctx, [keyResultId], async () => {
        const written = await checkInTx(tx, ctx, keyResultId, input);
        await refreshProgress(tx, ctx, [written.objectiveId]);
        return [written];
      });
      if (!result) throw new Error("A check-in wrote nothing.");
      return publicResult(result);
    });
  } catch (error) {
    if (error instanceof EntryError) throw toAppError(error);
    throw error;
  }
}

/**
 * The weekly check-in: every entry or none. A problem with any row rolls the whole submit back and
 * names the row (`entries.<index>.<field>`), so the form can show it where it belongs.
 */
export async function createWeeklyCheckIns(ctx: TenantContext, entries: Array<CheckInInput & { keyResultId: string }>): Promise<CheckInResult[]> {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.keyResultId)) throw new AppError("validation_failed", "errors.validation", { [`entries.${index}.keyResultId`]: ["validation.duplicate"] });
    seen.add(entry.keyResultId);
  });
  return withTenant(ctx, async (tx) => {
    const written = await withEvents(tx, ctx, entries.map((entry) => entry.keyResultId), () => weeklyTx(tx, ctx, entries));
    return written.map(publicResult);
  });
}

async function weeklyTx(tx: Tx, ctx: TenantContext, entries: Array<CheckInInput & { keyResultId: string }>): Promise<Written[]> {
  const results: Written[] = [];
  const problems: FieldErrors = {};
  for (const [index, entry] of entries.entries()) {
    try {
      // A savepoint per row lets the next rows be checked too, so every problem is reported at once.
      results.push(await tx.transaction((savepoint) => checkInTx(savepoint, ctx, entry.keyResultId, entry)));
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      const fields = Object.keys(error.fields).length ? error.fields : { keyResultId: [error.code === "forbidden" ? "validation.checkInForbidden" : "validation.unknownKeyResult"] };
      for (const [field, messages] of Object.entries(fields)) problems[`entries.${index}.${field}`] = messages;
    }
  }
  if (Object.keys(problems).length > 0) throw new AppError("validation_failed", "errors.weeklyCheckInRejected", problems);
  await refreshProgress(tx, ctx, new Set(results.map((result) => result.objectiveId)));
  return results;
}
