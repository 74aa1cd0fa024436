import { CsvSyntaxError, readCsv } from "@/lib/csv-read";
import { columnOf, personKey, titleKey } from "./columns";
import { importColumns, requiredColumns, type ImportColumn } from "./types";

/**
 * A CSV file read into the import's columns: which column each header names, the rows (blank
 * ones dropped, numbered as a spreadsheet numbers them) and what is wrong with the file as a
 * whole. Rows are judged later (plan.ts), against the organisation.
 */

/** A problem before translation: a message key and its values, at a row and column. */
export interface RawIssue {
  row: number | null;
  column: ImportColumn | null;
  /** A header as written, for a column the import does not know. */
  columnName?: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface ImportRow {
  /** 2 for the first row under the header, as in a spreadsheet. */
  row: number;
  /** Every column, "" where the file has no such column or the cell is empty. */
  cells: Record<ImportColumn, string>;
}

export interface ImportFile {
  /** Each column the file has, with its header as written. */
  headers: Map<ImportColumn, string>;
  rows: ImportRow[];
  /** Problems with the file as a whole; when there are any, its rows are not judged. */
  issues: RawIssue[];
}

const emptyCells = (): Record<ImportColumn, string> => Object.fromEntries(importColumns.map((column) => [column, ""])) as Record<ImportColumn, string>;

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function readImportFile(csv: string): ImportFile {
  const headers = new Map<ImportColumn, string>();
  const issues: RawIssue[] = [];
  let records: string[][];
  try {
    records = readCsv(csv).records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { headers, rows: [], issues: [{ row: null, column: null, key: "import.errors.syntax", values: { line: error.line ?? 1 } }] };
  }
  const [header = [], ...body] = records;
  if (header.every((cell) => cell === "")) return { headers, rows: [], issues: [{ row: null, column: null, key: "import.errors.empty" }] };

  const width = Math.max(header.length, ...body.map((record) => record.length));
  const columnAt = new Map<number, ImportColumn>();
  for (let index = 0; index < width; index++) {
    const name = header[index] ?? "";
    if (name === "") {
      // A trailing separator makes an empty column: harmless unless something is written in it.
      if (body.some((record) => (record[index] ?? "") !== "")) {
        issues.push({ row: 1, column: null, columnName: columnLetter(index + 1), key: "import.errors.unnamedColumn", values: { column: columnLetter(index + 1) } });
      }
      continue;
    }
    const column = columnOf(name);
    if (!column) issues.push({ row: 1, column: null, columnName: name, key: "import.errors.unknownColumn" });
    else if (headers.has(column)) issues.push({ row: 1, column: null, columnName: name, key: "import.errors.duplicateColumn" });
    else {
      headers.set(column, name);
      columnAt.set(index, column);
    }
  }
  for (const column of requiredColumns) if (!headers.has(column)) issues.push({ row: 1, column, key: "import.errors.missingColumn" });

  const rows: ImportRow[] = [];
  body.forEach((record, index) => {
    if (record.every((cell) => cell === "")) return;
    const cells = emptyCells();
    for (const [at, column] of columnAt) cells[column] = record[at] ?? "";
    rows.push({ row: index + 2, cells });
  });
  if (issues.length === 0 && rows.length === 0) issues.push({ row: null, column: null, key: "import.errors.noRows" });
  return { headers, rows, issues };
}

/**
 * The people and titles a file names, each once, as written: what the service looks up in the
 * database (comparing lower case to lower case); plan.ts then matches them as personKey and
 * titleKey fold them.
 */
export function namesIn(file: ImportFile): { people: string[]; titles: string[] } {
  const people = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const { cells } of file.rows) {
    for (const person of [cells.owner, cells.keyResultOwner]) if (person) people.set(personKey(person), person);
    for (const title of [cells.objective, cells.alignedTo]) if (title) titles.set(titleKey(title), title);
  }
  return { people: [...people.values()], titles: [...titles.values()] };
}
