import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { cycles, keyResults, objectives, teams, users } from "@/db/schema";
import { toCsv, type CsvCell } from "@/lib/csv";
import { exportColumns } from "@/lib/csv-columns";
import { keyResultDirections, keyResultUnits, objectiveLevels } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { slugify } from "@/lib/validation/common";
import type { Translate } from "@/lib/validation/errors";
import { parseRows, sqlConfidence, sqlDay, sqlNumberOrNull, sqlStatus, sqlText } from "./sql-rows";
import { keyResultStatusSql } from "./status-sql";

export interface ExportFile {
  filename: string;
  body: string;
  rows: number;
}


/**
 * A cycle's OKRs as a CSV file for spreadsheets: one row per key result, and one for each
 * objective without any, in the reader's language. One statement. The file is built in memory:
 * a cycle holds at most a few thousand key results (well under a megabyte), and building it
 * first lets a failure answer as an error instead of a truncated download. A cycle of another
 * organisation is not found.
 */
/** One line of the export: a key result with its objective, or an objective without any (key result columns null); no objective at all for an empty cycle. */
const exportRow = z.object({
  cycle_name: sqlText,
  title: sqlText.nullable(),
  level: z.enum(objectiveLevels).nullable(),
  team_name: sqlText.nullable(),
  owner_name: sqlText.nullable(),
  objective_progress: sqlNumberOrNull,
  key_result_id: sqlText.nullable(),
  key_result_title: sqlText.nullable(),
  key_result_owner: sqlText.nullable(),
  start_value: sqlText.nullable(),
  target_value: sqlText.nullable(),
  current_value: sqlText.nullable(),
  unit: z.enum(keyResultUnits).nullable(),
  currency_code: sqlText.nullable(),
  unit_label: sqlText.nullable(),
  progress: sqlNumberOrNull,
  status: sqlStatus.nullable(),
  last_check_in: sqlDay.nullable(),
  confidence: sqlConfidence.nullable(),
  aligned_to: sqlText.nullable(),
  aligned_level: z.enum(objectiveLevels).nullable(),
  aligned_team: sqlText.nullable(),
  aligned_owner: sqlText.nullable(),
  aligned_shared: z.boolean().nullable(),
  direction: z.enum(keyResultDirections).nullable(),
});
type ExportRow = z.output<typeof exportRow>;

export async function exportCycleCsv(ctx: TenantContext, cycleId: string, t: Translate): Promise<ExportFile> {
  const rows = await withTenant(ctx, async (tx) =>
    parseRows(
      exportRow,
      await tx.execute(sql`
        select ${cycles.name} as cycle_name, o.title, o.level::text as level, tm.name as team_name, ou.name as owner_name,
               round(o.progress * 100)::int as objective_progress,
               ${keyResults.id} as key_result_id, ${keyResults.title} as key_result_title, ku.name as key_result_owner,
               ${keyResults.startValue}::text as start_value, ${keyResults.targetValue}::text as target_value,
               ${keyResults.currentValue}::text as current_value, ${keyResults.unit}::text as unit,
               ${keyResults.currencyCode} as currency_code, ${keyResults.unitLabel} as unit_label,
               round(${keyResults.progress} * 100)::int as progress,
               case when ${keyResults.id} is null then null else ${keyResultStatusSql()} end as status,
               to_char(${keyResults.lastCheckInAt} at time zone 'UTC', 'YYYY-MM-DD') as last_check_in,
               ${keyResults.lastConfidence}::text as confidence,
               po.title as aligned_to, po.level::text as aligned_level, pt.name as aligned_team, pu.name as aligned_owner,
               -- Another objective of the cycle has the parent's title (cascading copies titles down).
               exists (select 1 from ${objectives} x where x.org_id = po.org_id and x.cycle_id = po.cycle_id and x.archived_at is null
                       and x.id <> po.id and lower(x.title) = lower(po.title)) as aligned_shared,
               ${keyResults.direction}::text as direction
        from ${cycles}
        left join ${objectives} o on o.org_id = ${cycles.orgId} and o.cycle_id = ${cycles.id} and o.archived_at is null
        left join ${objectives} po on po.org_id = o.org_id and po.id = o.parent_objective_id and po.archived_at is null
        left join ${teams} pt on pt.org_id = po.org_id and pt.id = po.team_id
        left join ${users} pu on pu.id = po.owner_user_id
        left join ${users} ou on ou.id = o.owner_user_id
        left join ${teams} tm on tm.org_id = o.org_id and tm.id = o.team_id
        left join ${keyResults} on ${keyResults.orgId} = o.org_id and ${keyResults.objectiveId} = o.id
        left join ${users} ku on ku.id = ${keyResults.ownerUserId}
        where ${cycles.orgId} = ${ctx.orgId} and ${cycles.id} = ${cycleId}
        order by case o.level when 'company' then 0 when 'team' then 1 else 2 end, o.title, o.id,
                 ${keyResults.position}, ${keyResults.createdAt}, ${keyResults.id}`),
    ),
  );
  const [first] = rows;
  if (!first) throw new AppError("not_found", "errors.not_found");
  const body = rows.filter((row) => row.title !== null).map((row): CsvCell[] => [
    row.title,
    t(`okr.level.${row.level}`),
    row.team_name,
    row.owner_name,
    row.objective_progress,
    row.key_result_title,
    row.key_result_owner,
    row.start_value,
    row.target_value,
    row.current_value,
    unitText(row),
    row.progress,
    row.status === null ? null : t(`okr.status.${row.status}`),
    row.last_check_in,
    row.confidence === null ? null : t(`okr.status.${row.confidence}`),
    alignedText(row, t),
    row.direction === null ? null : t(`keyResultForm.directions.${row.direction}.label`),
  ]);
  return {
    filename: `retning-${ctx.orgSlug}-${slugify(first.cycle_name)}.csv`,
    body: toCsv([exportColumns.map((column) => t(`export.columns.${column}`)), ...body]),
    rows: body.length,
  };
}

/**
 * The objective a row's objective aligns to, by title; where the cycle has several of that title,
 * with what tells them apart in brackets — its team, its owner, or its level — as the import
 * reads it back: "Grow (Marketing)".
 */
function alignedText(row: ExportRow, t: Translate): string | null {
  if (row.aligned_to === null || !row.aligned_shared) return row.aligned_to;
  const qualifier = row.aligned_level === "team" ? row.aligned_team : row.aligned_level === "individual" ? row.aligned_owner : t("okr.level.company");
  return qualifier ? `${row.aligned_to} (${qualifier})` : row.aligned_to;
}

function unitText(row: ExportRow): string | null {
  if (row.key_result_id === null) return null;
  switch (row.unit) {
    case "percent":
      return "%";
    case "currency":
      return row.currency_code ?? "";
    case "custom":
      return row.unit_label ?? "";
    default:
      return "";
  }
}
