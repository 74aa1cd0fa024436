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

/** A key result's value as people write it: 2 400 000 kr, 18 %, 24 hours, 4.5. */
export function formatMeasure(value: string | number, unit: MeasureUnit, locale: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const fractionDigits = Math.abs(number) >= 1000 ? 0 : 2;
  switch (unit.unit) {
    case "currency":
      return numberFormat(locale, { style: "currency", currency: unit.currencyCode ?? "NOK", maximumFractionDigits: fractionDigits }).format(number);
    case "percent":
      return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(number)} %`;
    case "custom":
      return `${numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(number)}${unit.unitLabel ? ` ${unit.unitLabel}` : ""}`;
    case "number":
      return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(number);
  }
}

/** 0.42 → "42 %", rounded to whole percent (1.2 → "120 %": over-achievement is shown as such). */
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
