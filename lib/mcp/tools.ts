import "server-only";
import { z } from "zod";
import { confidences } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { appLink } from "@/lib/mail/link-secrets";
import { createCheckIn } from "@/lib/services/check-ins";
import { exploreObjectives } from "@/lib/services/explorer";
import { listMyWeek } from "@/lib/services/my-week";
import type { KeyResultMeasureFields } from "@/lib/services/key-result-measure";
import { getObjectiveDetail } from "@/lib/services/objective-detail";
import type { TenantContext } from "@/lib/tenant-context";
import { checkInSchema } from "@/lib/validation/check-ins";
import { toFieldErrors, type Translate } from "@/lib/validation/errors";
import { explorerQuerySchema } from "@/lib/validation/explorer";

/**
 * What an AI assistant may do with a person's token, each through the same service (and so the
 * same permissions and validation) as the screens. Answers are plain data with links back to
 * Retning; progress, expected and achievement are fractions (0.7 = 70 %).
 */

const link = (ctx: TenantContext, path: string) => appLink(`/${ctx.orgSlug}${path}`);

/** What a key result measures and where it stands, as every answer names it. */
const measureOf = (kr: KeyResultMeasureFields): KeyResultMeasureFields => ({
  unit: kr.unit,
  currencyCode: kr.currencyCode,
  unitLabel: kr.unitLabel,
  direction: kr.direction,
  startValue: kr.startValue,
  targetValue: kr.targetValue,
  currentValue: kr.currentValue,
});

export const getObjectiveInput = { objectiveId: z.uuid().describe("The objective's id, as listed by search_objectives or list_my_key_results.") };
export const searchObjectivesInput = {
  query: z.string().min(1).max(200).describe("Words in the objective's or its key results' titles."),
  cycleId: z.uuid().optional().describe("A cycle (quarter); the active one when left out."),
};
export const postCheckInInput = {
  keyResultId: z.uuid().describe("The key result's id."),
  value: z.union([z.string(), z.number()]).describe("The key result's new current value, in its own unit (e.g. 42, \"1250000.50\"; a percent as 40 for 40 %)."),
  confidence: z.enum(confidences).describe("How likely the target is reached: on_track, at_risk or off_track."),
  note: z.string().max(2000).optional().describe("What happened this week, in a sentence or two."),
};

export async function myKeyResults(ctx: TenantContext) {
  const week = await listMyWeek(ctx);
  return {
    hasActiveCycle: week.hasActiveCycle,
    owedThisWeek: week.owedCount,
    keyResults: week.rows.map((row) => ({
      id: row.id,
      title: row.title,
      objective: { id: row.objectiveId, title: row.objectiveTitle, level: row.objectiveLevel, url: link(ctx, `/okrs/${row.objectiveId}`) },
      cycle: row.cycleName,
      ...measureOf(row),
      progress: row.progress,
      expectedToday: row.expected,
      status: row.status,
      dueDate: row.dueDate,
      lastCheckInAt: row.lastCheckInAt?.toISOString() ?? null,
      owedThisWeek: row.owed,
    })),
  };
}

export async function objectiveWithAlignment(ctx: TenantContext, objectiveId: string) {
  const detail = await getObjectiveDetail(ctx, objectiveId);
  const card = (objective: (typeof detail.ancestors)[number]) => ({
    id: objective.id,
    title: objective.title,
    level: objective.level,
    team: objective.teamName,
    owner: objective.ownerName,
    progress: objective.progress,
    status: objective.status,
    url: link(ctx, `/okrs/${objective.id}`),
  });
  return {
    objective: { ...card(detail.objective), description: detail.objective.description, score: detail.objective.score, reflection: detail.objective.reflection },
    cycle: { id: detail.cycle.id, name: detail.cycle.name, status: detail.cycle.status, startDate: detail.cycle.startDate, endDate: detail.cycle.endDate },
    keyResults: detail.keyResults.map((kr) => ({
      id: kr.id,
      title: kr.title,
      owner: kr.ownerName,
      ...measureOf(kr),
      progress: kr.progress,
      status: kr.status,
      dueDate: kr.dueDate,
      lastCheckInAt: kr.lastCheckInAt?.toISOString() ?? null,
    })),
    alignment: {
      /** From the company objective down to the direct parent. */
      ancestors: detail.ancestors.map(card),
      parentKeyResult: detail.parentKeyResult,
      children: detail.children.map(card),
    },
  };
}

export async function searchObjectives(ctx: TenantContext, input: { query: string; cycleId?: string }) {
  const query = explorerQuerySchema.parse({ q: input.query, cycle: input.cycleId });
  const page = await exploreObjectives(ctx, query);
  return {
    cycle: page.cycle ? { id: page.cycle.id, name: page.cycle.name } : null,
    total: page.total,
    objectives: page.items.map((item) => ({
      id: item.id,
      title: item.title,
      level: item.level,
      team: item.teamName,
      owner: item.ownerName,
      progress: item.progress,
      status: item.status,
      keyResults: item.keyResults.map((kr) => ({ id: kr.id, title: kr.title, progress: kr.progress, status: kr.status })),
      url: link(ctx, `/okrs/${item.id}`),
    })),
  };
}

export async function postCheckIn(ctx: TenantContext, input: { keyResultId: string; value: string | number; confidence: string; note?: string }, t: Translate) {
  // The route's own schema: the same decimal rules and limits as a check-in from the screen.
  const parsed = checkInSchema.safeParse({ value: input.value, confidence: input.confidence, note: input.note ?? "" });
  if (!parsed.success) throw new AppError("validation_failed", "errors.validation", toFieldErrors(parsed.error, t));
  const checkIn = await createCheckIn(ctx, input.keyResultId, parsed.data);
  return { checkIn };
}
