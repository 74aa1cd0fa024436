import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { checkIns, cycles, keyResults, objectiveProgressHistory, objectives, users, type CycleStatus, type KeyResult } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { keyResultMeasureColumns, keyResultMeasureFieldsJson, type KeyResultMeasureFields } from "./key-result-measure";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { dayJson, decimalJson, idJson, timestampJson } from "@/lib/api/json-values";
import { confidences, cycleStatuses } from "@/lib/domain";

/** A chart and its table stay readable with a cycle's worth of daily check-ins; older ones are not drawn. */
export const KEY_RESULT_HISTORY_LIMIT = 200;

export interface HistoryCycle {
  name: string;
  startDate: string;
  endDate: string;
  status: CycleStatus;
}

export interface CheckInPoint {
  id: string;
  value: string;
  confidence: NonNullable<KeyResult["lastConfidence"]>;
  note: string;
  authorName: string;
  createdAt: Date;
}

export interface KeyResultHistory {
  keyResult: KeyResultMeasureFields & {
    id: string;
    objectiveId: string;
    title: string;
    dueDate: string;
  };
  cycle: HistoryCycle;
  /** Newest first, at most KEY_RESULT_HISTORY_LIMIT. */
  checkIns: CheckInPoint[];
  /** More check-ins exist than were returned. */
  truncated: boolean;
}

export const keyResultHistoryJson = documents<KeyResultHistory>()(
  z.object({
    keyResult: keyResultMeasureFieldsJson.extend({ id: idJson, objectiveId: idJson, title: z.string(), dueDate: dayJson }),
    cycle: z.object({ name: z.string(), startDate: dayJson, endDate: dayJson, status: z.enum(cycleStatuses) }),
    checkIns: z.array(
      z.object({ id: idJson, value: decimalJson, confidence: z.enum(confidences), note: z.string(), authorName: z.string(), createdAt: timestampJson }),
    ),
    truncated: z.boolean(),
  }),
);

/** A key result's check-ins with their authors, and what its expected line is drawn from. Two queries. */
export async function keyResultHistory(ctx: TenantContext, keyResultId: string): Promise<KeyResultHistory> {
  return withTenant(ctx, async (tx) => {
    const [head] = await tx
      .select({
        keyResult: {
          id: keyResults.id,
          objectiveId: keyResults.objectiveId,
          title: keyResults.title,
          ...keyResultMeasureColumns,
          dueDate: keyResults.dueDate,
        },
        cycle: { name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status },
      })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.id, keyResultId)));
    if (!head) throw new AppError("not_found", "errors.not_found");
    const rows = await tx
      .select({
        id: checkIns.id,
        value: checkIns.value,
        confidence: checkIns.confidence,
        note: checkIns.note,
        authorName: users.name,
        createdAt: checkIns.createdAt,
      })
      .from(checkIns)
      .innerJoin(users, eq(users.id, checkIns.authorUserId))
      .where(and(eq(checkIns.orgId, ctx.orgId), eq(checkIns.keyResultId, keyResultId)))
      .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
      .limit(KEY_RESULT_HISTORY_LIMIT + 1);
    return { ...head, checkIns: rows.slice(0, KEY_RESULT_HISTORY_LIMIT), truncated: rows.length > KEY_RESULT_HISTORY_LIMIT };
  });
}

export interface ObjectiveProgressSeries {
  cycle: HistoryCycle;
  /** The objective's progress now (0–1), which the last daily point may not have caught yet. */
  progress: number;
  /** One point per day something changed, oldest first (a cycle has at most ~92). */
  points: Array<{ day: string; progress: number }>;
}

/** An objective's daily progress through its cycle, for "progress over time" charts. Two queries. */
export async function objectiveProgressSeries(ctx: TenantContext, objectiveId: string): Promise<ObjectiveProgressSeries> {
  return withTenant(ctx, async (tx) => {
    const [head] = await tx
      .select({
        progress: sql<number>`${objectives.progress}::float8`,
        cycle: { name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status },
      })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    if (!head) throw new AppError("not_found", "errors.not_found");
    const points = await tx
      .select({ day: objectiveProgressHistory.day, progress: sql<number>`${objectiveProgressHistory.progress}::float8` })
      .from(objectiveProgressHistory)
      .where(and(eq(objectiveProgressHistory.orgId, ctx.orgId), eq(objectiveProgressHistory.objectiveId, objectiveId)))
      .orderBy(asc(objectiveProgressHistory.day));
    return { ...head, points };
  });
}
