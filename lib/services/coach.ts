import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { cycles, keyResults, objectives } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  ALIGNED_LEVELS,
  coachCodes,
  coachObjective,
  DIGIT_PATTERN,
  MAX_KEY_RESULTS,
  MAX_OBJECTIVES_PER_OWNER,
  MEASURED_DIRECTIONS,
  MIN_KEY_RESULTS,
  TITLE_MAX_CHARS,
  TITLE_MAX_WORDS,
  TITLE_METRIC_PATTERN,
  WHITESPACE_CHARS,
  WORD_SEPARATOR_PATTERN,
  type CoachCode,
  type CoachKeyResultInput,
  type CoachWarning,
} from "@/lib/okr/coach";
import type { TenantContext } from "@/lib/tenant";
import { withTenant } from "@/lib/tenant-scope";

export type CoachCounts = Record<CoachCode, number> & { objectivesWithWarnings: number };

const int = (value: number) => sql.raw(String(Math.trunc(value)));
const textList = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/**
 * How many non-archived objectives of a cycle carry each coach warning, in one statement: the
 * rules of lib/okr/coach.ts written as SQL with the same thresholds and patterns. A key-result
 * warning counts an objective once, however many of its key results carry it. A cycle of another
 * organisation is not found.
 */
export async function coachCounts(ctx: TenantContext, cycleId: string): Promise<CoachCounts> {
  return withTenant(ctx, async (tx) => {
    const result = await tx.execute(sql`
      with cycle as (
        select c.start_date, c.end_date from ${cycles} c where c.org_id = ${ctx.orgId} and c.id = ${cycleId}
      ),
      objective as (
        select o.id, o.owner_user_id, o.level, o.parent_objective_id, o.title,
               btrim(o.title, ${WHITESPACE_CHARS}) as trimmed
        from ${objectives} o
        where o.org_id = ${ctx.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
      ),
      owner_load as (
        select owner_user_id, count(*)::int as objectives from objective group by owner_user_id
      ),
      key_result as (
        select k.objective_id,
               count(*)::int as key_results,
               bool_or(k.direction::text in (${textList(MEASURED_DIRECTIONS)})
                       and (k.start_value = k.target_value or k.title !~ ${DIGIT_PATTERN})) as not_measurable,
               bool_or(k.due_date < cycle.start_date or k.due_date > cycle.end_date) as due_outside
        from ${keyResults} k
        join objective o on o.id = k.objective_id
        cross join cycle
        where k.org_id = ${ctx.orgId}
        group by k.objective_id
      ),
      flags as (
        select
          (char_length(o.trimmed) > ${int(TITLE_MAX_CHARS)}
            or (o.trimmed <> '' and cardinality(regexp_split_to_array(o.trimmed, ${WORD_SEPARATOR_PATTERN})) > ${int(TITLE_MAX_WORDS)})) as title_long,
          (o.title ~ ${TITLE_METRIC_PATTERN}) as title_has_metric,
          (coalesce(kr.key_results, 0) < ${int(MIN_KEY_RESULTS)}) as too_few_key_results,
          (coalesce(kr.key_results, 0) > ${int(MAX_KEY_RESULTS)}) as too_many_key_results,
          coalesce(kr.not_measurable, false) as key_result_not_measurable,
          coalesce(kr.due_outside, false) as key_result_due_outside_cycle,
          (ol.objectives > ${int(MAX_OBJECTIVES_PER_OWNER)}) as owner_overloaded,
          (o.level::text in (${textList(ALIGNED_LEVELS)}) and o.parent_objective_id is null) as unaligned
        from objective o
        join owner_load ol on ol.owner_user_id = o.owner_user_id
        left join key_result kr on kr.objective_id = o.id
      )
      select
        exists (select 1 from cycle) as cycle_found,
        ${sql.join(
          coachCodes.map((code) => sql`count(*) filter (where ${sql.identifier(code)})::int as ${sql.identifier(code)}`),
          sql`, `,
        )},
        count(*) filter (where ${sql.join(
          coachCodes.map((code) => sql.identifier(code)),
          sql` or `,
        )})::int as objectives_with_warnings
      from flags`);
    const [row] = rowsOf<Record<CoachCode | "objectives_with_warnings", number | string> & { cycle_found: boolean }>(result);
    if (!row?.cycle_found) throw new AppError("not_found", "errors.not_found");
    const counts = { objectivesWithWarnings: Number(row.objectives_with_warnings) } as CoachCounts;
    for (const code of coachCodes) counts[code] = Number(row[code]);
    return counts;
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
