/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF line ends, double quotes around
 * fields that need them), made safe to open: a text cell that a spreadsheet would read as a
 * formula gets a leading single quote (OWASP "CSV injection").
 */

export type CsvCell = string | number | null | undefined;

/** Excel reads a file as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal such as -12.5 is a number to a spreadsheet, never a formula: it stays as it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The guard undone, for a file that comes back (lib/csv-read.ts): a leading single quote before a
 * character that starts a formula is the export's own, so it goes; any other quote is the text's.
 */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One field: guarded against formulas, then quoted if it holds a comma, a quote or a line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: rows joined by CRLF, starting with the byte order mark unless told otherwise. */
export function toCsv(rows: readonly (readonly CsvCell[])[], { bom = true }: { bom?: boolean } = {}): string {
  return (bom ? UTF8_BOM : "") + rows.map(csvRow).join("\r\n") + "\r\n";
}
