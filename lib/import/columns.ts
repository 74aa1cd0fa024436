import { keyResultDirections, objectiveLevels, type KeyResultDirection, type KeyResultUnit, type ObjectiveLevel } from "@/lib/domain";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { importColumns, type ImportColumn } from "./types";

/**
 * How the import reads a header and a cell. The export writes its header and its words (levels,
 * directions) in the reader's language; a file may come back from a colleague with the other
 * one, so both catalogues are read, case does not matter, and the plain keys are understood too.
 */

const catalogues = [en, nb] as const;
const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");

function columnNames(column: ImportColumn): string[] {
  return catalogues.map((messages) => (column === "dueDate" ? messages.import.columns.dueDate : messages.export.columns[column]));
}

const headerIndex = new Map<string, ImportColumn>(
  importColumns.flatMap((column) => [column, ...columnNames(column)].map((name): [string, ImportColumn] => [fold(name), column])),
);

/** The column a header cell names, in English or Norwegian, any case; null when it names none. */
export function columnOf(header: string): ImportColumn | null {
  return headerIndex.get(fold(header)) ?? null;
}

/** Every name a column goes by, for tests and messages. */
export const namesOf = (column: ImportColumn): string[] => columnNames(column);

const levelIndex = new Map<string, ObjectiveLevel>(
  objectiveLevels.flatMap((level) => [level, ...catalogues.map((messages) => messages.okr.level[level])].map((name): [string, ObjectiveLevel] => [fold(name), level])),
);

/** A level's words in both languages: "Company", "Selskap". */
export const levelNames = (level: ObjectiveLevel): string[] => catalogues.map((messages) => messages.okr.level[level]);

export function parseLevel(text: string): ObjectiveLevel | null {
  return levelIndex.get(fold(text)) ?? null;
}

const directionIndex = new Map<string, KeyResultDirection>(
  keyResultDirections.flatMap((direction) =>
    [direction, direction.replace("_", " "), ...catalogues.map((messages) => messages.keyResultForm.directions[direction].label)].map(
      (name): [string, KeyResultDirection] => [fold(name), direction],
    ),
  ),
);

export function parseDirection(text: string): KeyResultDirection | null {
  return directionIndex.get(fold(text)) ?? null;
}

/**
 * A number as a spreadsheet may write it: spaces between groups of digits ("1 000", also the
 * no-break spaces Norwegian formats use) and a leading "+" go; the decimal comma is left to the
 * app's own decimal rule (lib/validation/common.ts), which reads "3,5" as 3.5 everywhere.
 */
export function numberText(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]/g, "").replace(/^\+(?=\d)/, "");
}

/** The unit cell as the export writes it: empty for a number, "%", a currency code, or a unit's name. */
export function parseUnit(text: string): { unit: KeyResultUnit; currencyCode: string | null; unitLabel: string | null } {
  if (text === "") return { unit: "number", currencyCode: null, unitLabel: null };
  if (text === "%") return { unit: "percent", currencyCode: null, unitLabel: null };
  if (/^[A-Z]{3}$/.test(text)) return { unit: "currency", currencyCode: text, unitLabel: null };
  return { unit: "custom", currencyCode: null, unitLabel: text };
}

/** A day as ISO (2026-03-31) or as Norwegian spreadsheets write it (31.03.2026, 31.3.2026); null if neither. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

/** Names and emails compare as people type them: trimmed, spaces collapsed, any case. */
export const personKey = fold;
/** Titles match the same way when a row names the objective it aligns to. */
export const titleKey = fold;
