import { parse } from "csv-parse/sync";
import { unguardCell } from "./csv";

/**
 * Reading a CSV file back, as spreadsheets write it: UTF-8 with or without a byte order mark,
 * fields separated by commas or by semicolons (Excel in a Norwegian locale writes ";", since the
 * comma is the decimal mark there), quoted fields with quotes, separators and line breaks inside,
 * CRLF or LF line ends. csv-parse does the RFC 4180 reading; this module picks the separator and
 * undoes the export's formula guard.
 */

export type CsvDelimiter = "," | ";";

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** Every record, the header first, each cell trimmed and unguarded. Row n of a spreadsheet is records[n - 1]. */
  records: string[][];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The line of the file where reading stopped, when csv-parse says. */
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/**
 * The separator of a file: the one of "," and ";" that occurs more often outside quotes on its first
 * line (the header, which names columns and so holds separators only between them). A tie — a
 * single column — is read with commas.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export function readCsv(input: string): CsvTable {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      // Rows of different lengths are the import's to judge (a trailing empty cell is common).
      relax_column_count: true,
      // An empty line is an empty row of the spreadsheet: kept, so row numbers stay the reader's.
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new CsvSyntaxError(error instanceof Error ? error.message : String(error), typeof lines === "number" ? lines : null);
  }
  return { delimiter, records: records.map((record) => record.map((cell) => unguardCell(cell.trim()).trim())) };
}
