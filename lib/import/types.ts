import type { KeyResultDirection, KeyResultUnit, ObjectiveLevel } from "@/lib/domain";
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
export interface ImportIssue {
  /** The row as a spreadsheet numbers it (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column's name as the file writes it (or as the reader's language names it, if missing). */
  column: string | null;
  /** The message's key in the catalogues, for programs: `import.errors.unknownOwner`, `validation.decimal`… */
  code: string;
  message: string;
}

export interface ImportPreviewKeyResult {
  row: number;
  title: string;
  owner: string;
  direction: KeyResultDirection;
  startValue: string;
  targetValue: string;
  unit: KeyResultUnit;
  currencyCode: string | null;
  unitLabel: string | null;
  dueDate: string;
}

export interface ImportPreviewObjective {
  row: number;
  title: string;
  level: ObjectiveLevel;
  team: string | null;
  owner: string;
  alignedTo: string | null;
  keyResults: ImportPreviewKeyResult[];
}

/** What a dry run answers: whether the file would import, what it would create, and every problem. */
export interface ImportReport {
  ok: boolean;
  objectives: number;
  keyResults: number;
  /** At most IMPORT_MAX_LISTED_ERRORS, by row; `errorCount` counts them all. */
  errors: ImportIssue[];
  errorCount: number;
  /** Nothing that stops the import: the coach's advice, an objective of the same title already there. */
  warnings: ImportIssue[];
  /** Figures of the old cycle the file carries (as named in it), read past. */
  ignoredColumns: string[];
  /** The first IMPORT_MAX_PREVIEW objectives with their key results. */
  preview: ImportPreviewObjective[];
}

export interface ImportResult {
  objectives: number;
  keyResults: number;
  objectiveIds: string[];
}
