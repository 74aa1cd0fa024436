import type { KeyResultDirection, ObjectiveLevel } from "@/lib/domain";

/**
 * The OKR coach: the good-OKR rules of ARCHITECTURE.md §1 as warnings, never as blocks.
 * An objective is a short, inspiring, qualitative sentence for one cycle; it has 2–5 measurable
 * key results due within the cycle; it aligns to something above it.
 *
 * The same rules run in SQL: the text rules as generated columns (lib/okr/coach-sql.ts), the
 * counts per cycle in lib/services/coach.ts. Every threshold and pattern is exported from here and
 * used there; the regular expressions below are written in the subset that JavaScript and
 * Postgres (ARE) read the same way — no \b, \d, \s or \w, whose meaning differs between the
 * two — so a title gets the same verdict in both.
 */

export const coachCodes = [
  "title_long",
  "title_has_metric",
  "too_few_key_results",
  "too_many_key_results",
  "key_result_not_measurable",
  "key_result_due_outside_cycle",
  "owner_overloaded",
  "unaligned",
] as const;
export type CoachCode = (typeof coachCodes)[number];

/** Codes that concern one key result; their warnings carry `keyResultId`. */
export const keyResultCoachCodes = ["key_result_not_measurable", "key_result_due_outside_cycle"] as const satisfies readonly CoachCode[];

/** An objective title longer than this many characters (Unicode code points) is long. */
export const TITLE_MAX_CHARS = 70;
/** An objective title of more than this many words is long. */
export const TITLE_MAX_WORDS = 12;
/** Fewer key results than this and nobody can tell whether the objective was reached. */
export const MIN_KEY_RESULTS = 2;
/** More key results than this and the objective loses focus. */
export const MAX_KEY_RESULTS = 5;
/** An owner with more non-archived objectives than this in one cycle is spread too thin. */
export const MAX_OBJECTIVES_PER_OWNER = 5;

/** Directions that go from a start to a target: they need the two to differ and a number to name. */
export const MEASURED_DIRECTIONS = ["increase", "decrease"] as const satisfies readonly KeyResultDirection[];
/** Levels that should align to an objective above them (company objectives are the top). */
export const ALIGNED_LEVELS = ["team", "individual"] as const satisfies readonly ObjectiveLevel[];

/** The characters trimmed from a title and separating its words (ASCII white space). */
export const WHITESPACE_CHARS = " \t\n\r\f\v";
/** One or more white-space characters: the separator between words (a JavaScript and Postgres pattern). */
export const WORD_SEPARATOR_PATTERN = "[ \\t\\n\\r\\f\\v]+";
/** Any ASCII digit: a key result title that names a number to reach contains one. */
export const DIGIT_PATTERN = "[0-9]";

/** Letters that may not touch a currency code or a word like "prosent" (so "krone" is not "kr"). */
const LETTER = "A-Za-z\\u00C0-\\u024F";
/** Currency codes and metric words; case matters, so the Norwegian word "nok" is not a currency. */
const METRIC_WORDS = ["[Kk]r", "M?NOK", "SEK", "DKK", "EUR", "USD", "GBP", "[Pp]ercent", "[Pp]rosent"];

/**
 * A number or a metric in an objective title: a digit, a percent or per-mille sign, a currency
 * sign, or a currency code or metric word standing on its own ("NOK", "kr", "prosent").
 * Postgres: `title ~ TITLE_METRIC_PATTERN`; JavaScript: `titleMetricRegExp`.
 */
export const TITLE_METRIC_PATTERN = `[0-9%\\u2030$\\u20AC\\u00A3\\u00A5]|(^|[^${LETTER}])(${METRIC_WORDS.join("|")})([^${LETTER}]|$)`;

const titleMetricRegExp = new RegExp(TITLE_METRIC_PATTERN);
const wordSeparator = new RegExp(WORD_SEPARATOR_PATTERN);
const digit = new RegExp(DIGIT_PATTERN);

export type CoachValues = Record<string, string | number>;

export interface CoachWarning {
  code: CoachCode;
  /** Set for key-result warnings (`key_result_*`). */
  keyResultId?: string;
  /** The ICU values of the warning's message (`coach.<code>.why`). */
  values?: CoachValues;
}

export interface CoachKeyResultInput {
  id: string;
  title: string;
  direction: KeyResultDirection;
  /** Exact decimals as strings, as the database returns them. */
  startValue: string;
  targetValue: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

/** Structurally an `Objective` row plus its key results, so rows can be passed as they are. */
export interface CoachObjectiveInput {
  title: string;
  level: ObjectiveLevel;
  parentObjectiveId: string | null;
  keyResults: readonly CoachKeyResultInput[];
}

export interface CoachContext {
  cycle: { startDate: string; endDate: string };
  /** How many non-archived objectives the objective's owner has in its cycle (this one included). */
  ownerObjectiveCount: number;
}

export interface CoachDraftInput {
  title: string;
  level: ObjectiveLevel;
  /** Whether a parent objective is chosen; leave it out when the form does not ask yet. */
  aligned?: boolean;
}

/** Trims ASCII white space from both ends, as Postgres `btrim(title, WHITESPACE_CHARS)` does. */
export function trimTitle(title: string): string {
  let start = 0;
  let end = title.length;
  while (start < end && WHITESPACE_CHARS.includes(title.charAt(start))) start++;
  while (end > start && WHITESPACE_CHARS.includes(title.charAt(end - 1))) end--;
  return title.slice(start, end);
}

/** Characters (code points, like Postgres `char_length`) and words of a title, once trimmed. */
export function titleSize(title: string): { chars: number; words: number } {
  const trimmed = trimTitle(title);
  return {
    chars: Array.from(trimmed).length,
    words: trimmed === "" ? 0 : trimmed.split(wordSeparator).length,
  };
}

export function isTitleLong(title: string): boolean {
  const { chars, words } = titleSize(title);
  return chars > TITLE_MAX_CHARS || words > TITLE_MAX_WORDS;
}

export function titleHasMetric(title: string): boolean {
  return titleMetricRegExp.test(title);
}

/** Whether an increase/decrease key result names somewhere to go; thresholds and milestones always do. */
export function isKeyResultMeasurable(keyResult: Pick<CoachKeyResultInput, "title" | "direction" | "startValue" | "targetValue">): boolean {
  if (!isMeasuredDirection(keyResult.direction)) return true;
  if (sameDecimal(keyResult.startValue, keyResult.targetValue)) return false;
  return digit.test(keyResult.title);
}

export function isDueOutsideCycle(dueDate: string, cycle: CoachContext["cycle"]): boolean {
  return dueDate < cycle.startDate || dueDate > cycle.endDate;
}

/** Warnings for an objective as it stands: codes in `coachCodes` order, key results in the order given. */
export function coachObjective(input: CoachObjectiveInput, context: CoachContext): CoachWarning[] {
  const warnings = titleWarnings(input.title);
  const count = input.keyResults.length;
  if (count < MIN_KEY_RESULTS) warnings.push({ code: "too_few_key_results", values: { count, min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS } });
  if (count > MAX_KEY_RESULTS) warnings.push({ code: "too_many_key_results", values: { count, min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS } });
  for (const keyResult of input.keyResults) {
    if (!isKeyResultMeasurable(keyResult)) {
      warnings.push({ code: "key_result_not_measurable", keyResultId: keyResult.id, values: { keyResult: keyResult.title } });
    }
  }
  for (const keyResult of input.keyResults) {
    if (isDueOutsideCycle(keyResult.dueDate, context.cycle)) {
      warnings.push({
        code: "key_result_due_outside_cycle",
        keyResultId: keyResult.id,
        values: { keyResult: keyResult.title, dueDate: keyResult.dueDate, cycleStart: context.cycle.startDate, cycleEnd: context.cycle.endDate },
      });
    }
  }
  if (context.ownerObjectiveCount > MAX_OBJECTIVES_PER_OWNER) {
    warnings.push({ code: "owner_overloaded", values: { count: context.ownerObjectiveCount, max: MAX_OBJECTIVES_PER_OWNER } });
  }
  if (needsAlignment(input.level) && input.parentObjectiveId === null) warnings.push({ code: "unaligned" });
  return warnings;
}

/** Hints while an objective is being written: its title, and alignment when the form knows it. */
export function coachDraft(draft: CoachDraftInput): CoachWarning[] {
  const warnings = titleWarnings(draft.title);
  if (draft.aligned === false && needsAlignment(draft.level)) warnings.push({ code: "unaligned" });
  return warnings;
}

/** Whether a list of warnings contains `code` (once per objective, however many key results). */
export function hasWarning(warnings: readonly CoachWarning[], code: CoachCode): boolean {
  return warnings.some((warning) => warning.code === code);
}

function titleWarnings(title: string): CoachWarning[] {
  const warnings: CoachWarning[] = [];
  const { chars, words } = titleSize(title);
  if (chars > TITLE_MAX_CHARS || words > TITLE_MAX_WORDS) {
    warnings.push({ code: "title_long", values: { chars, words, maxChars: TITLE_MAX_CHARS, maxWords: TITLE_MAX_WORDS } });
  }
  if (titleHasMetric(title)) warnings.push({ code: "title_has_metric" });
  return warnings;
}

function isMeasuredDirection(direction: KeyResultDirection): boolean {
  return (MEASURED_DIRECTIONS as readonly KeyResultDirection[]).includes(direction);
}

function needsAlignment(level: ObjectiveLevel): boolean {
  return (ALIGNED_LEVELS as readonly ObjectiveLevel[]).includes(level);
}

const decimalShape = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Numeric equality of two decimal strings without going through floats ("10" = "10.00" = "+010"). */
export function sameDecimal(a: string, b: string): boolean {
  const x = canonicalDecimal(a);
  const y = canonicalDecimal(b);
  if (x === null || y === null) return Number(a) === Number(b);
  return x === y;
}

function canonicalDecimal(value: string): string | null {
  const match = decimalShape.exec(value.trim());
  if (!match || !/\d/.test(value)) return null;
  const whole = (match[2] ?? "").replace(/^0+/, "");
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (whole === "" && fraction === "") return "0";
  return `${match[1] === "-" ? "-" : ""}${whole || "0"}.${fraction}`;
}
