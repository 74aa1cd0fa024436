import { z } from "zod";
import { keyResultDirections, keyResultUnits, objectiveLevels } from "@/lib/domain";
import { exportColumns } from "@/lib/csv-columns";

/**
 * Importing objectives and key results from a CSV file in the export's own columns
 * (lib/services/import.ts): the limits, and the report a dry run answers with. No I/O here, so the
 * import dialog can read the types.
 */

/** The largest file, in bytes of UTF-8: a cycle of a few thousand key results exports well under it. */
export const IMPORT_MAX_BYTES = 1_000_000;
/** The most data rows (the header not counted, blank rows not counted) one import takes. */
export const IMPORT_MAX_ROWS = 2_000;
/**
 * The most key results one objective may get from a file. The coach suggests at most five
 * (lib/okr/coach.ts) and says so as a warning; past this an objective's key results could not
 * even be put in order (keyResultOrderSchema), so it is an error.
 */
export const IMPORT_MAX_KEY_RESULTS = 50;
/** Errors a report lists; the count says how many there were in all. */
export const IMPORT_MAX_LISTED_ERRORS = 200;
/** Objectives the preview lists; the counts cover them all. */
export const IMPORT_MAX_PREVIEW = 100;

/**
 * Every column the import reads: the export's, and a due date (`import.columns.dueDate`), which
 * the export does not write.
 */
export const importColumns = [...exportColumns, "dueDate"] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Columns without which no row can be read. */
export const requiredColumns = ["objective", "level", "owner"] as const satisfies readonly ImportColumn[];

/**
 * The export's figures of the cycle it came from: read past, never imported. A new objective
 * starts from its start value, and its check-ins are made in its own cycle.
 */
export const figureColumns = ["objectiveProgress", "current", "progress", "status", "lastCheckIn", "confidence"] as const satisfies readonly ImportColumn[];

/** One problem with the file, a row or a cell, in the reader's language. */
const importIssueJson = z.object({
  /** The row as a spreadsheet numbers it (the header is row 1); null for the file as a whole. */
  row: z.number().int().nullable(),
  /** The column's name as the file writes it (or as the reader's language names it, if missing). */
  column: z.string().nullable(),
  /** The message's key in the catalogues, for programs: `import.errors.unknownOwner`, `validation.decimal`… */
  code: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueJson>;

const importPreviewKeyResultJson = z.object({
  row: z.number().int(),
  title: z.string(),
  owner: z.string(),
  direction: z.enum(keyResultDirections),
  startValue: z.string(),
  targetValue: z.string(),
  unit: z.enum(keyResultUnits),
  currencyCode: z.string().nullable(),
  unitLabel: z.string().nullable(),
  dueDate: z.string(),
});
export type ImportPreviewKeyResult = z.infer<typeof importPreviewKeyResultJson>;

const importPreviewObjectiveJson = z.object({
  row: z.number().int(),
  title: z.string(),
  level: z.enum(objectiveLevels),
  team: z.string().nullable(),
  owner: z.string(),
  alignedTo: z.string().nullable(),
  keyResults: z.array(importPreviewKeyResultJson),
});
export type ImportPreviewObjective = z.infer<typeof importPreviewObjectiveJson>;

/** What a dry run answers: whether the file would import, what it would create, and every problem. */
export const importReportJson = z.object({
  ok: z.boolean(),
  objectives: z.number().int(),
  keyResults: z.number().int(),
  /** At most IMPORT_MAX_LISTED_ERRORS, by row; `errorCount` counts them all. */
  errors: z.array(importIssueJson),
  errorCount: z.number().int(),
  /** Nothing that stops the import: the coach's advice, an objective of the same title already there. */
  warnings: z.array(importIssueJson),
  /** Figures of the old cycle the file carries (as named in it), read past. */
  ignoredColumns: z.array(z.string()),
  /** The first IMPORT_MAX_PREVIEW objectives with their key results. */
  preview: z.array(importPreviewObjectiveJson),
});
export type ImportReport = z.infer<typeof importReportJson>;

/** What an import that wrote answers. */
export const importResultJson = z.object({ objectives: z.number().int(), keyResults: z.number().int(), objectiveIds: z.array(z.uuid()) });
export type ImportResult = z.infer<typeof importResultJson>;
