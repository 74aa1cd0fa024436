import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { keyResults, memberships, objectives, teams, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { readImportFile, type ImportFile, type RawIssue, namesIn } from "@/lib/import/file";
import { planImport, type ImportPlan } from "@/lib/import/plan";
import {
  figureColumns,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LISTED_ERRORS,
  IMPORT_MAX_PREVIEW,
  IMPORT_MAX_ROWS,
  type ImportColumn,
  type ImportIssue,
  type ImportReport,
  type ImportResult,
} from "@/lib/import/types";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { Translate } from "@/lib/validation/errors";
import { recordMany, type ActivityEntry } from "./activity";
import { emitEvents } from "./integration-events";
import { assertCycleWritable } from "./cycles";
import { leadsOf } from "./objective-scope";
import { measureColumns, measureOf, refreshProgress } from "./progress";

/**
 * Objectives and key results from a CSV file in the export's columns (docs/api.md), into one
 * cycle. `previewImport` judges every row and answers what would be created; `importCsv` judges
 * them again inside the transaction that writes, and writes all of them or — if any row is wrong,
 * or anything fails — nothing. Each row is judged as creating it by hand would be (lib/import/plan.ts),
 * and the rows are written in a fixed number of statements whatever the file's length: a
 * batch insert per table, the activity rows, then the rollups.
 */

/** Rows per insert: well under Postgres' 65,535 parameters for either table. */
const INSERT_BATCH = 1_000;

export async function previewImport(ctx: TenantContext, cycleId: string, csv: string, t: Translate): Promise<ImportReport> {
  assertSize(csv);
  return withTenant(ctx, async (tx) => {
    const { file, plan } = await judge(tx, ctx, cycleId, csv);
    return report(file, plan, t);
  });
}

export async function importCsv(ctx: TenantContext, cycleId: string, csv: string, t: Translate): Promise<ImportResult> {
  assertSize(csv);
  return withTenant(ctx, async (tx) => {
    const { file, plan } = await judge(tx, ctx, cycleId, csv);
    const answer = report(file, plan, t);
    if (!answer.ok || !plan) throw new AppError("unprocessable", "errors.importInvalid", undefined, { report: answer });
    await write(tx, ctx, cycleId, plan);
    return { objectives: plan.objectives.length, keyResults: plan.keyResults, objectiveIds: plan.objectives.map((objective) => objective.id) };
  });
}

function assertSize(csv: string) {
  if (Buffer.byteLength(csv, "utf8") > IMPORT_MAX_BYTES) throw new AppError("too_large", "errors.importTooLarge", undefined, { maxBytes: IMPORT_MAX_BYTES });
}

/**
 * The cycle first (a foreign or unknown one is not found, a closed one refuses), then the file,
 * then what its rows name, read in four statements: the members it names, the teams, the cycle's
 * objectives of the titles it names, and the leads of those members.
 */
async function judge(tx: Tx, ctx: TenantContext, cycleId: string, csv: string): Promise<{ file: ImportFile; plan: ImportPlan | null }> {
  const cycle = await assertCycleWritable(tx, ctx, cycleId);
  const file = readImportFile(csv);
  if (file.rows.length > IMPORT_MAX_ROWS) throw new AppError("too_large", "errors.importTooManyRows", undefined, { maxRows: IMPORT_MAX_ROWS, rows: file.rows.length });
  if (file.issues.length > 0) return { file, plan: null };
  const names = namesIn(file);
  // Lower case on both sides, by the database: its idea of "Ø" in lower case is then the same on both.
  const lower = (values: string[]) => sql`array(select lower(v.name) from (values ${sql.join(values.map((value) => sql`(${value}::text)`), sql`, `)}) as v(name))`;
  const members = names.people.length
    ? await tx
        .select({ userId: users.id, name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, ctx.orgId), sql`(lower(${users.email}) = any(${lower(names.people)}) or lower(${users.name}) = any(${lower(names.people)}))`))
    : [];
  const teamRows = await tx.select({ id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId }).from(teams).where(eq(teams.orgId, ctx.orgId));
  const existing = names.titles.length
    ? await tx
        .select({ id: objectives.id, title: objectives.title, level: objectives.level, teamId: objectives.teamId, ownerName: users.name })
        .from(objectives)
        .innerJoin(users, eq(users.id, objectives.ownerUserId))
        .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt), sql`lower(${objectives.title}) = any(${lower(names.titles)})`))
    : [];
  const leads = await leadsOf(tx, ctx, members.map((member) => member.userId));
  const plan = planImport(file, {
    actor: ctx,
    cycle,
    members,
    teams: teamRows,
    existing,
    leadIds: (userId) => leads.get(userId) ?? [],
    newId: randomUUID,
  });
  return { file, plan };
}

/** The plan as the reader sees it: messages in their language, columns as their file names them. */
function report(file: ImportFile, plan: ImportPlan | null, t: Translate): ImportReport {
  const columnName = (column: ImportColumn | null, fallback?: string) =>
    column ? (file.headers.get(column) ?? t(column === "dueDate" ? "import.columns.dueDate" : `export.columns.${column}`)) : (fallback ?? null);
  const say = (issue: RawIssue): ImportIssue => ({
    row: issue.row,
    column: columnName(issue.column, issue.columnName),
    code: issue.key,
    message: t(issue.key, issue.values),
  });
  const errors = [...file.issues, ...(plan?.errors ?? [])];
  return {
    ok: errors.length === 0,
    objectives: plan?.objectives.length ?? 0,
    keyResults: plan?.keyResults ?? 0,
    errors: errors.slice(0, IMPORT_MAX_LISTED_ERRORS).map(say),
    errorCount: errors.length,
    warnings: (plan?.warnings ?? []).map(say),
    ignoredColumns: figureColumns.flatMap((column) => {
      const name = file.headers.get(column);
      return name ? [name] : [];
    }),
    preview: (plan?.preview ?? []).slice(0, IMPORT_MAX_PREVIEW),
  };
}

/** The plan written: objectives (parents first), key results, the activity of each, then the rollups. */
async function write(tx: Tx, ctx: TenantContext, cycleId: string, plan: ImportPlan): Promise<void> {
  // Weekly series, "new this week" and staleness count from the clock's instant, as by hand.
  const at = now();
  const objectiveRows = plan.objectives.map((objective) => ({
    orgId: ctx.orgId,
    id: objective.id,
    cycleId,
    level: objective.level,
    teamId: objective.teamId,
    ownerUserId: objective.ownerUserId,
    parentObjectiveId: objective.parentObjectiveId,
    parentKeyResultId: null,
    title: objective.title,
    description: "",
    rollupMode: "key_results" as const,
    createdAt: at,
    createdByUserId: ctx.userId,
  }));
  for (let i = 0; i < objectiveRows.length; i += INSERT_BATCH) await tx.insert(objectives).values(objectiveRows.slice(i, i + INSERT_BATCH));
  // Webhooks hear of imported objectives as of hand-made ones (one statement when none listens).
  await emitEvents(
    tx,
    ctx.orgId,
    objectiveRows.map((row) => ({
      type: "objective.created" as const,
      data: { objective: { id: row.id, title: row.title, level: row.level, teamId: row.teamId, ownerUserId: row.ownerUserId, cycleId, parentObjectiveId: row.parentObjectiveId } },
    })),
  );
  const keyResultRows = plan.objectives.flatMap((objective) =>
    objective.keyResults.map((keyResult, position) => ({
      orgId: ctx.orgId,
      id: keyResult.id,
      objectiveId: objective.id,
      title: keyResult.title,
      description: "",
      unit: keyResult.unit,
      currencyCode: keyResult.currencyCode,
      unitLabel: keyResult.unitLabel,
      direction: keyResult.direction,
      startValue: keyResult.startValue,
      targetValue: keyResult.targetValue,
      currentValue: keyResult.startValue,
      ownerUserId: keyResult.ownerUserId,
      createdAt: at,
      dueDate: keyResult.dueDate,
      weight: "1",
      position,
      ...measureColumns(measureOf({ direction: keyResult.direction, startValue: keyResult.startValue, targetValue: keyResult.targetValue, currentValue: keyResult.startValue })),
    })),
  );
  for (let i = 0; i < keyResultRows.length; i += INSERT_BATCH) await tx.insert(keyResults).values(keyResultRows.slice(i, i + INSERT_BATCH));
  const entries: ActivityEntry[] = plan.objectives.flatMap((objective): ActivityEntry[] => [
    {
      action: "objective.created",
      entityType: "objective",
      entityId: objective.id,
      objectiveId: objective.id,
      teamId: objective.teamId,
      after: { title: objective.title, level: objective.level, parentObjectiveId: objective.parentObjectiveId, imported: true },
    },
    ...objective.keyResults.map(
      (keyResult): ActivityEntry => ({
        action: "key_result.created",
        entityType: "key_result",
        entityId: keyResult.id,
        objectiveId: objective.id,
        keyResultId: keyResult.id,
        teamId: objective.teamId,
        after: { title: keyResult.title, direction: keyResult.direction, startValue: keyResult.startValue, targetValue: keyResult.targetValue },
      }),
    ),
  ]);
  await recordMany(tx, ctx, entries);
  await refreshProgress(tx, ctx, [...plan.objectives.map((objective) => objective.id), ...plan.existingParents]);
}

