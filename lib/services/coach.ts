import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cycles, keyResults, objectives } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  ALIGNED_LEVELS,
  coachCodes,
  coachObjective,
  MAX_KEY_RESULTS,
  MAX_OBJECTIVES_PER_OWNER,
  MIN_KEY_RESULTS,
  type CoachCode,
  type CoachKeyResultInput,
  type CoachWarning,
} from "@/lib/okr/coach";
import { dueOutsideCycleSql, sqlInteger, sqlLabels } from "@/lib/okr/coach-sql";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { parseRow, sqlCount } from "./sql-rows";

export type CoachCounts = Record<CoachCode, number> & { objectivesWithWarnings: number };

/**
 * One row per objective of `objective` with its id and one boolean column per coach code: the
 * rules of lib/okr/coach.ts in SQL with the same thresholds; the text rules come from the
 * generated columns of lib/okr/coach-sql.ts. A key-result warning flags its objective once,
 * however many of its key results carry it.
 *
 * `objective` names a relation with id, owner_user_id, level, parent_objective_id, title_long and
 * title_has_metric (one cycle's counted objectives); `perObjective` one row per objective with key
 * results: objective_id, key_results (how many), not_measurable and due_outside (whether any of
 * them is). The dashboard passes the relations it already has, so the cycle is read once; the
 * explorer lists the objectives a flag is set on (coachCycleCtes).
 */
export function coachFlagsSql(objective: SQL, perObjective: SQL): SQL {
  return sql`with owner_load as (
      select owner_user_id, count(*)::int as objectives from ${objective} group by owner_user_id
    )
    select
      o.id,
      o.title_long,
      o.title_has_metric,
      (coalesce(kr.key_results, 0) < ${sqlInteger(MIN_KEY_RESULTS)}) as too_few_key_results,
      (coalesce(kr.key_results, 0) > ${sqlInteger(MAX_KEY_RESULTS)}) as too_many_key_results,
      coalesce(kr.not_measurable, false) as key_result_not_measurable,
      coalesce(kr.due_outside, false) as key_result_due_outside_cycle,
      (ol.objectives > ${sqlInteger(MAX_OBJECTIVES_PER_OWNER)}) as owner_overloaded,
      (o.level in (${sqlLabels(ALIGNED_LEVELS)}) and o.parent_objective_id is null) as unaligned
    from ${objective} o
    join owner_load ol on ol.owner_user_id = o.owner_user_id
    left join ${perObjective} kr on kr.objective_id = o.id`;
}

/** Whether a row of coachFlagsSql carries any warning. */
export const anyCoachFlagSql = sql.join(
  coachCodes.map((code) => sql.identifier(code)),
  sql` or `,
);

/** One row: how many objectives carry each coach warning (coachFlagsSql), and how many carry any. */
export function coachTallySql(objective: SQL, perObjective: SQL): SQL {
  return sql`select
      ${sql.join(
        coachCodes.map((code) => sql`count(*) filter (where ${sql.identifier(code)})::int as ${sql.identifier(code)}`),
        sql`, `,
      )},
      count(*) filter (where ${anyCoachFlagSql})::int as objectives_with_warnings
    from (${coachFlagsSql(objective, perObjective)}) flags`;
}

/**
 * `cycle`, `objective` (its non-archived objectives, materialized) and `per_objective` (their key
 * results' counts), the relations coachFlagsSql reads, for one cycle of this organisation.
 */
export function coachCycleCtes(ctx: Pick<TenantContext, "orgId">, cycleId: string): SQL {
  return sql`cycle as (
        select c.start_date, c.end_date from ${cycles} c where c.org_id = ${ctx.orgId} and c.id = ${cycleId}
      ),
      objective as materialized (
        select o.id, o.owner_user_id, o.level, o.parent_objective_id, o.title_long, o.title_has_metric
        from ${objectives} o
        where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
      ),
      per_objective as (
        select k.objective_id, count(*)::int as key_results, bool_or(k.not_measurable) as not_measurable,
               bool_or(${dueOutsideCycleSql(sql`k.due_date`, sql`cycle.start_date`, sql`cycle.end_date`)}) as due_outside
        from objective o
        join ${keyResults} k on k.org_id = ${ctx.orgId} and k.objective_id = o.id
        cross join cycle
        group by k.objective_id
      )`;
}

/** A row of coachTallySql, as CoachCounts; absent counts (no row at all) are 0. */
export const coachCountsRow = z
  .object({ objectives_with_warnings: sqlCount })
  .catchall(sqlCount)
  .nullish()
  .transform((row): CoachCounts => {
    const counts = { objectivesWithWarnings: row?.objectives_with_warnings ?? 0 } as CoachCounts;
    for (const code of coachCodes) counts[code] = row?.[code] ?? 0;
    return counts;
  });

/**
 * How many non-archived objectives of a cycle carry each coach warning, in one statement. A
 * cycle of another organisation is not found.
 */
export async function coachCounts(ctx: TenantContext, cycleId: string): Promise<CoachCounts> {
  return withTenant(ctx, async (tx) => {
    const result = await tx.execute(sql`
      with ${coachCycleCtes(ctx, cycleId)}
      select exists (select 1 from cycle) as cycle_found, row_to_json(tally) as counts
      from (${coachTallySql(sql`objective`, sql`per_objective`)}) tally`);
    const row = parseRow(z.object({ cycle_found: z.boolean(), counts: z.unknown() }), result);
    if (!row?.cycle_found) throw new AppError("not_found", "errors.not_found");
    return coachCountsRow.parse(row.counts);
  });
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The coach's warnings for each of these objectives (for pages that list objectives), in two
 * queries whatever their number. Ids that are unknown or belong to another organisation are
 * simply absent from the map; an objective without warnings maps to an empty list.
 */
export async function coachForObjectives(ctx: TenantContext, objectiveIds: readonly string[]): Promise<Map<string, CoachWarning[]>> {
  const ids = [...new Set(objectiveIds)].filter((id) => uuidShape.test(id));
  const warnings = new Map<string, CoachWarning[]>();
  if (ids.length === 0) return warnings;
  return withTenant(ctx, async (tx) => {
    const rows = await tx
      .select({
        id: objectives.id,
        title: objectives.title,
        level: objectives.level,
        parentObjectiveId: objectives.parentObjectiveId,
        startDate: cycles.startDate,
        endDate: cycles.endDate,
        ownerObjectiveCount: sql<number>`(
          select count(*)::int from ${objectives} mine
          where mine.org_id = ${objectives.orgId} and mine.cycle_id = ${objectives.cycleId}
            and mine.owner_user_id = ${objectives.ownerUserId} and mine.archived_at is null)`,
      })
      .from(objectives)
      .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
      .where(and(eq(objectives.orgId, ctx.orgId), inArray(objectives.id, ids)));
    if (rows.length === 0) return warnings;
    const krs = await tx
      .select({
        id: keyResults.id,
        objectiveId: keyResults.objectiveId,
        title: keyResults.title,
        direction: keyResults.direction,
        startValue: keyResults.startValue,
        targetValue: keyResults.targetValue,
        dueDate: keyResults.dueDate,
      })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), inArray(keyResults.objectiveId, rows.map((row) => row.id))))
      .orderBy(asc(keyResults.objectiveId), asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
    const byObjective = new Map<string, CoachKeyResultInput[]>();
    for (const kr of krs) {
      const list = byObjective.get(kr.objectiveId) ?? [];
      list.push(kr);
      byObjective.set(kr.objectiveId, list);
    }
    for (const row of rows) {
      warnings.set(
        row.id,
        coachObjective(
          { title: row.title, level: row.level, parentObjectiveId: row.parentObjectiveId, keyResults: byObjective.get(row.id) ?? [] },
          { cycle: { startDate: row.startDate, endDate: row.endDate }, ownerObjectiveCount: Number(row.ownerObjectiveCount) },
        ),
      );
    }
    return warnings;
  });
}
