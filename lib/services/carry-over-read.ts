import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { dayJson, idJson } from "@/lib/api/json-values";
import { cycles, keyResults, objectives, teams, users } from "@/db/schema";
import { cycleStatuses, type ObjectiveLevel } from "@/lib/domain";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { keyResultMeasureColumns, type KeyResultMeasureFields } from "./key-result-measure";
import { leadIdsOfSql } from "./objective-scope";
import { parseRows, sqlDay, sqlNumber, sqlNumberOrNull, sqlText } from "./sql-rows";

/**
 * What the carry-over planning view and the objective page read: one cycle's objectives with
 * what became of each (carried, and where), and an objective's chain of quarters.
 */

/** One quarter of an objective's chain: the objective it was then, with its cycle and result. */
export const quarterLinkJson = z.object({
  objectiveId: idJson,
  title: z.string(),
  cycleId: idJson,
  cycleName: z.string(),
  cycleStatus: z.enum(cycleStatuses),
  startDate: dayJson,
  progress: z.number(),
  /** The frozen score once the cycle closed. */
  score: z.number().nullable(),
});
export type QuarterLink = z.infer<typeof quarterLinkJson>;

const quarterRow = z.object({
  id: sqlText,
  title: sqlText,
  cycle_id: sqlText,
  cycle_name: sqlText,
  cycle_status: z.enum(cycleStatuses),
  start_date: sqlDay,
  progress: sqlNumber,
  score: sqlNumberOrNull,
  step: sqlNumber,
});

/** The most quarters a chain is walked in each direction (sixteen years of quarters). */
const CHAIN_DEPTH = 64;

/**
 * The objectives this one was carried from and carried into, oldest first, itself included: one
 * statement (two recursive walks over the (org_id, id) key and the (org_id, carried_from_id)
 * unique index), whatever the length of the chain.
 */
export async function quarterChainInTx(tx: Tx, ctx: Pick<TenantContext, "orgId">, objectiveId: string): Promise<QuarterLink[]> {
  const rows = await tx.execute(sql`
    with recursive back as (
      select o.id, o.carried_from_id, 0 as step from ${objectives} o where o.org_id = ${ctx.orgId} and o.id = ${objectiveId}
      union all
      select o.id, o.carried_from_id, back.step - 1 from ${objectives} o join back on o.id = back.carried_from_id
      where o.org_id = ${ctx.orgId} and back.step > ${-CHAIN_DEPTH}
    ), ahead as (
      select o.id, 0 as step from ${objectives} o where o.org_id = ${ctx.orgId} and o.id = ${objectiveId}
      union all
      select o.id, ahead.step + 1 from ${objectives} o join ahead on o.carried_from_id = ahead.id
      where o.org_id = ${ctx.orgId} and ahead.step < ${CHAIN_DEPTH}
    ), chain as (
      select id, step from back union select id, step from ahead
    )
    select o.id, o.title, c.id as cycle_id, c.name as cycle_name, c.status as cycle_status, c.start_date::text as start_date,
      o.progress::float8 as progress, o.score::float8 as score, chain.step
    from chain
    join ${objectives} o on o.org_id = ${ctx.orgId} and o.id = chain.id
    join ${cycles} c on c.org_id = o.org_id and c.id = o.cycle_id
    order by chain.step`);
  return parseRows(quarterRow, rows).map((row) => ({
    objectiveId: row.id,
    title: row.title,
    cycleId: row.cycle_id,
    cycleName: row.cycle_name,
    cycleStatus: row.cycle_status,
    startDate: row.start_date,
    progress: row.progress,
    score: row.score,
  }));
}

export interface CarryCandidateKeyResult extends KeyResultMeasureFields {
  id: string;
  title: string;
  progress: number;
}

export interface CarryCandidate {
  id: string;
  title: string;
  level: ObjectiveLevel;
  teamId: string | null;
  teamName: string | null;
  ownerUserId: string;
  ownerName: string;
  /** For the permission table's ObjectiveScope: who leads a team the owner is in. */
  ownerLeadIds: string[];
  parentObjectiveId: string | null;
  progress: number;
  score: number | null;
  /** Where it was carried already (into any cycle): the chain never forks, so it cannot be carried again. */
  carriedInto: { objectiveId: string; cycleId: string; cycleName: string } | null;
  keyResults: CarryCandidateKeyResult[];
}

/**
 * The objectives of `cycleId` (not archived) as the planning view offers them, each with its key
 * results and its copy if it was carried: two statements whatever the size of the cycle.
 */
export async function listCarryCandidates(ctx: TenantContext, cycleId: string): Promise<CarryCandidate[]> {
  return withTenant(ctx, async (tx) => {
    // Its copy, if carried: the (org_id, carried_from_id) unique index finds it.
    const next = alias(objectives, "next");
    const nextCycle = alias(cycles, "next_cycle");
    const rows = await tx
      .select({
        id: objectives.id,
        title: objectives.title,
        level: objectives.level,
        teamId: objectives.teamId,
        teamName: teams.name,
        ownerUserId: objectives.ownerUserId,
        ownerName: users.name,
        ownerLeadIds: leadIdsOfSql(ctx, sql`${objectives.ownerUserId}`),
        parentObjectiveId: objectives.parentObjectiveId,
        progress: sql<number>`${objectives.progress}::float8`,
        score: sql<number | null>`${objectives.score}::float8`,
        carriedId: next.id,
        carriedCycleId: nextCycle.id,
        carriedCycleName: nextCycle.name,
      })
      .from(objectives)
      .innerJoin(users, eq(users.id, objectives.ownerUserId))
      .leftJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
      .leftJoin(next, and(eq(next.orgId, objectives.orgId), eq(next.carriedFromId, objectives.id)))
      .leftJoin(nextCycle, and(eq(nextCycle.orgId, next.orgId), eq(nextCycle.id, next.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt)))
      .orderBy(sql`case ${objectives.level} when 'company' then 0 when 'team' then 1 else 2 end`, asc(teams.name), asc(objectives.title), asc(objectives.id));
    const krs = await tx
      .select({
        id: keyResults.id,
        objectiveId: keyResults.objectiveId,
        title: keyResults.title,
        ...keyResultMeasureColumns,
        progress: sql<number>`${keyResults.progress}::float8`,
      })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt)))
      .orderBy(asc(keyResults.position), asc(keyResults.createdAt));
    const byObjective = new Map<string, CarryCandidateKeyResult[]>();
    for (const { objectiveId, ...kr } of krs) byObjective.set(objectiveId, [...(byObjective.get(objectiveId) ?? []), kr]);
    return rows.map(({ carriedId, carriedCycleId, carriedCycleName, ...row }) => ({
      ...row,
      carriedInto: carriedId && carriedCycleId && carriedCycleName !== null ? { objectiveId: carriedId, cycleId: carriedCycleId, cycleName: carriedCycleName } : null,
      keyResults: byObjective.get(row.id) ?? [],
    }));
  });
}
