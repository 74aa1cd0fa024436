import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { cycles, keyResults, objectiveProgressHistory, objectives, users, type KeyResult } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { STATUSES, type Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { levelOrder, objectiveCardJson, selectObjectiveCards, type ObjectiveCard } from "./objective-cards";
import { keyResultMeasureColumns, keyResultMeasureFieldsJson, type KeyResultMeasureFields } from "./key-result-measure";
import { leadIdsOfSql } from "./objective-scope";
import { keyResultStatusSql } from "./status-sql";
import { cycleSummaryJson, type CycleSummary } from "./cycles";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { dayJson, decimalJson, idJson, timestampJson } from "@/lib/api/json-values";
import { confidences } from "@/lib/domain";
import { quarterChainInTx, quarterLinkJson, type QuarterLink } from "./carry-over-read";

export interface KeyResultView extends KeyResultMeasureFields {
  id: string;
  objectiveId: string;
  title: string;
  description: string;
  achievement: number;
  progress: number;
  weight: string;
  position: number;
  dueDate: string;
  ownerUserId: string;
  ownerName: string;
  version: number;
  lastCheckInAt: Date | null;
  lastConfidence: KeyResult["lastConfidence"];
  status: Status;
}

export interface ObjectiveDetail {
  objective: ObjectiveCard & {
    description: string;
    version: number;
    manualProgress: number | null;
    manualProgressReason: string | null;
    reflection: string | null;
    createdAt: Date;
    updatedAt: Date;
    /** Who leads a team the owner is in: the permission table's ObjectiveScope, for the page's can(). */
    ownerLeadIds: string[];
  };
  cycle: CycleSummary;
  keyResults: KeyResultView[];
  /** From the company objective down to the direct parent. */
  ancestors: ObjectiveCard[];
  children: ObjectiveCard[];
  /** The key result of the parent this objective contributes to, if it names one. */
  parentKeyResult: { id: string; title: string } | null;
  progressHistory: Array<{ day: string; progress: number }>;
  /** The chain of quarters, oldest first, this objective included (alone when never carried). */
  quarters: QuarterLink[];
}

const keyResultViewJson = documents<KeyResultView>()(
  keyResultMeasureFieldsJson.extend({
    id: idJson,
    objectiveId: idJson,
    title: z.string(),
    description: z.string(),
    achievement: z.number(),
    progress: z.number(),
    weight: decimalJson,
    position: z.number().int(),
    dueDate: dayJson,
    ownerUserId: idJson,
    ownerName: z.string(),
    version: z.number().int(),
    lastCheckInAt: timestampJson.nullable(),
    lastConfidence: z.enum(confidences).nullable(),
    status: z.enum(STATUSES),
  }),
);

export const objectiveDetailJson = documents<ObjectiveDetail>()(
  z.object({
    objective: objectiveCardJson.extend({
      description: z.string(),
      version: z.number().int(),
      manualProgress: z.number().nullable(),
      manualProgressReason: z.string().nullable(),
      reflection: z.string().nullable(),
      createdAt: timestampJson,
      updatedAt: timestampJson,
      ownerLeadIds: z.array(idJson),
    }),
    cycle: cycleSummaryJson,
    keyResults: z.array(keyResultViewJson),
    ancestors: z.array(objectiveCardJson),
    children: z.array(objectiveCardJson),
    parentKeyResult: z.object({ id: idJson, title: z.string() }).nullable(),
    progressHistory: z.array(z.object({ day: dayJson, progress: z.number() })),
    quarters: z.array(quarterLinkJson),
  }),
);

/** A key result as the objective page shows it, its status judged at `at`. */
export const keyResultViewColumns = (at: Date = now()) => ({
  id: keyResults.id,
  objectiveId: keyResults.objectiveId,
  title: keyResults.title,
  description: keyResults.description,
  ...keyResultMeasureColumns,
  achievement: sql<number>`${keyResults.achievement}::float8`,
  progress: sql<number>`${keyResults.progress}::float8`,
  weight: keyResults.weight,
  position: keyResults.position,
  dueDate: keyResults.dueDate,
  ownerUserId: keyResults.ownerUserId,
  ownerName: users.name,
  version: keyResults.version,
  lastCheckInAt: keyResults.lastCheckInAt,
  lastConfidence: keyResults.lastConfidence,
  status: keyResultStatusSql(at),
});

/**
 * Everything the objective page shows, in a fixed number of queries. Once per request (React
 * cache): the page and its generateMetadata both ask, with the same request-cached context.
 */
export const getObjectiveDetail = cache(async (ctx: TenantContext, objectiveId: string): Promise<ObjectiveDetail> => {
  return withTenant(ctx, async (tx) => {
    const [card] = await selectObjectiveCards(tx, ctx, eq(objectives.id, objectiveId));
    if (!card) throw new AppError("not_found", "errors.not_found");
    const [extra] = await tx
      .select({
        description: objectives.description,
        version: objectives.version,
        manualProgress: sql<number | null>`${objectives.manualProgress}::float8`,
        manualProgressReason: objectives.manualProgressReason,
        reflection: objectives.reflection,
        createdAt: objectives.createdAt,
        updatedAt: objectives.updatedAt,
        ownerLeadIds: leadIdsOfSql(ctx, sql`${objectives.ownerUserId}`),
        parentKeyResultTitle: sql<string | null>`(
          select k.title from ${keyResults} k where k.org_id = ${objectives.orgId} and k.id = ${objectives.parentKeyResultId})`,
        cycle: { id: cycles.id, name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status },
      })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
    if (!extra) throw new AppError("not_found", "errors.not_found");

    const krs = await tx
      .select(keyResultViewColumns())
      .from(keyResults)
      .innerJoin(users, eq(users.id, keyResults.ownerUserId))
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.objectiveId, objectiveId)))
      .orderBy(asc(keyResults.position), asc(keyResults.createdAt));

    // The chain up to the company, in one statement whether the objective is aligned or not.
    const ancestorCards = await selectObjectiveCards(
      tx,
      ctx,
      sql`${objectives.id} in (
        with recursive up as (
          select parent_objective_id as id, 1 as depth from ${objectives} where org_id = ${ctx.orgId} and id = ${objectiveId}
          union all
          select o.parent_objective_id, up.depth + 1 from ${objectives} o join up on o.id = up.id
          where o.org_id = ${ctx.orgId} and up.depth < 64
        )
        select id from up where id is not null)`,
    );
    const ancestors = chainOrder(card.parentObjectiveId, ancestorCards);

    const children = await selectObjectiveCards(tx, ctx, and(eq(objectives.parentObjectiveId, objectiveId), isNull(objectives.archivedAt))).orderBy(
      levelOrder,
      asc(objectives.title),
    );
    const progressHistory = await tx
      .select({ day: objectiveProgressHistory.day, progress: sql<number>`${objectiveProgressHistory.progress}::float8` })
      .from(objectiveProgressHistory)
      .where(and(eq(objectiveProgressHistory.orgId, ctx.orgId), eq(objectiveProgressHistory.objectiveId, objectiveId)))
      .orderBy(asc(objectiveProgressHistory.day));

    const quarters = await quarterChainInTx(tx, ctx, objectiveId);

    const { cycle, parentKeyResultTitle, ...rest } = extra;
    const parentKeyResult = card.parentKeyResultId && parentKeyResultTitle !== null ? { id: card.parentKeyResultId, title: parentKeyResultTitle } : null;
    return {
      objective: { ...card, ...rest },
      cycle,
      keyResults: krs,
      ancestors,
      children,
      parentKeyResult,
      progressHistory,
      quarters,
    };
  });
});

/** The ancestors from the company objective down to the direct parent, following parent links. */
function chainOrder(parentId: string | null, cards: readonly ObjectiveCard[]): ObjectiveCard[] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const chain: ObjectiveCard[] = [];
  for (let id = parentId; id && chain.length < cards.length; ) {
    const card = byId.get(id);
    if (!card) break;
    chain.unshift(card);
    id = card.parentObjectiveId;
  }
  return chain;
}
