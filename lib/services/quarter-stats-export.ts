import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, teams, users } from "@/db/schema";
import { toCsv, type CsvCell } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { slugify } from "@/lib/validation/common";
import type { Translate } from "@/lib/validation/errors";
import type { ExportFile } from "./export";
import { quarterStatsIn, type QuarterScope } from "./quarter-stats";

/** The statistics file's columns, in order; their headers are `export.quarterColumns.*`. */
export const quarterColumns = [
  "cycle",
  "start",
  "end",
  "objectives",
  "averageScore",
  "success",
  "checkInRate",
  "keyResultWeeks",
  "checkedInWeeks",
  "carriedOver",
] as const;

/** A ratio as a whole percent, as the OKR export writes progress; empty when there is nothing to divide. */
const percent = (ratio: number | null): CsvCell => (ratio === null ? null : Math.round(ratio * 100));
/** A score with two decimals, as it is frozen; empty without scored objectives. */
const score = (value: number | null): CsvCell => (value === null ? null : Math.round(value * 100) / 100);

/**
 * The quarter statistics of the organisation, a team or a person as a CSV file: one row per closed
 * cycle (the last eight, oldest first), the figures of lib/services/quarter-stats.ts. A team or person of another organisation (or not a
 * member any more) is not found. Two statements: the scope's name, then the figures.
 */
export async function exportQuarterStatsCsv(ctx: TenantContext, scope: QuarterScope, t: Translate): Promise<ExportFile> {
  const { name, rows } = await withTenant(ctx, async (tx) => {
    let name: string | null = null;
    if (scope.kind === "team") {
      const [team] = await tx.select({ name: teams.name }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, scope.teamId)));
      if (!team) throw new AppError("not_found", "errors.not_found");
      name = team.name;
    } else if (scope.kind === "person") {
      const [person] = await tx
        .select({ name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, scope.userId)));
      if (!person) throw new AppError("not_found", "errors.not_found");
      name = person.name;
    }
    return { name, rows: await quarterStatsIn(tx, ctx, scope) };
  });
  const body = rows.map((row): CsvCell[] => [
    row.cycleName,
    row.startDate,
    row.endDate,
    row.objectiveCount,
    score(row.averageScore),
    percent(row.successShare),
    percent(row.checkInRate),
    row.keyResultWeeks,
    row.checkedInWeeks,
    row.carriedOver,
  ]);
  const suffix = name === null ? "" : `-${slugify(name)}`;
  return {
    filename: `retning-${ctx.orgSlug}-quarters${suffix}.csv`,
    body: toCsv([quarterColumns.map((column) => t(`export.quarterColumns.${column}`)), ...body]),
    rows: body.length,
  };
}
