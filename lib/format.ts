import type { KeyResultDirection, KeyResultUnit } from "@/lib/domain";

export interface MeasureUnit {
  unit: KeyResultUnit;
  currencyCode: string | null;
  unitLabel: string | null;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.NumberFormat per locale and options, made once: building one costs far more than
 * formatting with it, and a page formats hundreds of numbers (bench/README.md).
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    // Locales and options come from a short list of ours; the bound only guards against surprises.
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/**
 * A key result's value as people write it, in the reader's language: 2 400 000 kr or
 * NOK 2,400,000, 18 % or 18%, 24 hours, 4.5. Every figure on every page comes from this module,
 * so a number reads the same wherever it is shown (lib/format-usage.test.ts holds the rest of the
 * code to it).
 */
export function formatMeasure(value: string | number, unit: MeasureUnit, locale: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const fractionDigits = Math.abs(number) >= 1000 ? 0 : 2;
  switch (unit.unit) {
    case "currency":
      return formatMoney(number, unit.currencyCode ?? "NOK", locale);
    case "percent":
      // The value is in percent (18.5 means 18.5 %); the locale places the sign and its space.
      return numberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(number / 100);
    case "custom":
      return `${numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(number)}${unit.unitLabel ? ` ${unit.unitLabel}` : ""}`;
    case "number":
      return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(number);
  }
}

/**
 * Money with the same fraction digits everywhere: whole amounts without them (NOK 308,
 * NOK 737,000, NOK 0), any other amount with the currency's own (NOK 308.50).
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = numberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    trailingZeroDisplay: "stripIfInteger",
  }).format(amount);
}

/** A count of things: 1,234 or 1 234. */
export function formatCount(count: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/** A chart's axis label: 1.2K, 3.4M (1,2k and 3,4 mill. in Norwegian). */
export function formatCompact(value: number, locale: string): string {
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** 0.42 → "42%" in English, "42 %" in Norwegian: rounded to whole percent (1.2 → 120 %: over-achievement is shown as such). */
export function formatPercent(ratio: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** Pace in percentage points: +8 or −12 (or unsigned, when the words say ahead or behind). */
export function formatPoints(delta: number, locale: string, signed = true): string {
  const points = Math.round(delta * 100);
  return numberFormat(locale, { signDisplay: signed ? "exceptZero" : "never" }).format(points);
}

/** A score on the 0.0–1.0 scale: 0.7. */
export function formatScore(score: number, locale: string): string {
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(score);
}

/** What a key result aims for, in words: "from 32 to 50", "at least 4.5", "done". */
export type TargetPhrase =
  | { kind: "range"; from: string; to: string }
  | { kind: "atLeast"; value: string }
  | { kind: "atMost"; value: string }
  | { kind: "milestone" };

export function targetPhrase(kr: MeasureUnit & { direction: KeyResultDirection; startValue: string; targetValue: string }, locale: string): TargetPhrase {
  switch (kr.direction) {
    case "increase":
    case "decrease":
      return { kind: "range", from: formatMeasure(kr.startValue, kr, locale), to: formatMeasure(kr.targetValue, kr, locale) };
    case "stay_above":
      return { kind: "atLeast", value: formatMeasure(kr.targetValue, kr, locale) };
    case "stay_below":
      return { kind: "atMost", value: formatMeasure(kr.targetValue, kr, locale) };
    case "milestone":
      return { kind: "milestone" };
  }
}
