import type { KeyResultDirection, KeyResultUnit } from "@/db/schema/enums";
import { between, integerBetween, pick, type Random } from "../random";
import { roundTo } from "../simulate";
import { milestones } from "./words";

/**
 * What a generated key result measures: a metric from a small catalogue, a direction, start and
 * target values that make sense for it, and the parameters of the path its values take.
 */

interface Metric {
  en: string;
  nb: string;
  unit: KeyResultUnit;
  label?: string;
  /** Plausible values, drawn log-uniformly. */
  low: number;
  high: number;
  decimals: number;
  /** The value cannot go above this (percent, a five-star rating). */
  max?: number;
  directions: readonly KeyResultDirection[];
}

const up: readonly KeyResultDirection[] = ["increase", "stay_above"];
const down: readonly KeyResultDirection[] = ["decrease", "stay_below"];

const catalogue: readonly [Metric, ...Metric[]] = [
  { en: "weekly active users", nb: "ukentlige aktive brukere", unit: "number", low: 500, high: 20_000, decimals: 0, directions: up },
  { en: "orders per week", nb: "ordre per uke", unit: "number", low: 100, high: 5_000, decimals: 0, directions: up },
  { en: "NPS", nb: "NPS", unit: "number", low: 10, high: 50, decimals: 0, directions: ["increase"] },
  { en: "open bugs", nb: "åpne feil", unit: "number", low: 50, high: 800, decimals: 0, directions: down },
  { en: "support tickets per week", nb: "henvendelser per uke", unit: "number", low: 200, high: 3_000, decimals: 0, directions: down },
  { en: "conversion rate", nb: "konverteringsraten", unit: "percent", low: 1, high: 8, decimals: 1, max: 100, directions: ["increase"] },
  { en: "repeat purchase rate", nb: "gjenkjøpsraten", unit: "percent", low: 10, high: 40, decimals: 1, max: 100, directions: up },
  { en: "checkout uptime", nb: "oppetiden i kassen", unit: "percent", low: 99, high: 99.9, decimals: 2, max: 100, directions: ["stay_above"] },
  { en: "churn", nb: "kundefrafallet", unit: "percent", low: 3, high: 15, decimals: 1, max: 100, directions: down },
  { en: "late deliveries", nb: "forsinkede leveranser", unit: "percent", low: 4, high: 20, decimals: 1, max: 100, directions: ["decrease"] },
  { en: "error rate", nb: "feilraten", unit: "percent", low: 0.5, high: 3, decimals: 2, max: 100, directions: ["stay_below"] },
  { en: "monthly revenue", nb: "månedlig omsetning", unit: "currency", low: 500_000, high: 20_000_000, decimals: -3, directions: up },
  { en: "average order value", nb: "gjennomsnittlig ordreverdi", unit: "currency", low: 400, high: 2_000, decimals: 0, directions: up },
  { en: "customer acquisition cost", nb: "kostnad per ny kunde", unit: "currency", low: 150, high: 900, decimals: 0, directions: down },
  { en: "monthly cloud spend", nb: "månedlige skykostnader", unit: "currency", low: 50_000, high: 2_000_000, decimals: -3, directions: ["decrease"] },
  { en: "Instagram followers", nb: "følgere på Instagram", unit: "custom", label: "followers", low: 2_000, high: 50_000, decimals: 0, directions: ["increase"] },
  { en: "signed partners", nb: "signerte partnere", unit: "custom", label: "partners", low: 10, high: 200, decimals: 0, directions: ["increase"] },
  { en: "average review rating", nb: "snittkarakteren", unit: "custom", label: "★", low: 3.5, high: 4.4, decimals: 1, max: 5, directions: ["stay_above"] },
  { en: "p95 page load time", nb: "p95 lastetid", unit: "custom", label: "ms", low: 300, high: 3_000, decimals: 0, directions: down },
  { en: "first response time", nb: "første svartid", unit: "custom", label: "min", low: 10, high: 240, decimals: 0, directions: ["decrease"] },
];

export interface MeasurePlan {
  title: string;
  unit: KeyResultUnit;
  unitLabel: string | null;
  currencyCode: string | null;
  direction: KeyResultDirection;
  start: number;
  target: number;
  decimals: number;
  max: number | null;
  /** increase / decrease: achievement reached at the end along fraction ** curve, plus noise. */
  final: number;
  curve: number;
  noise: number;
  /** stay_above / stay_below: where the value hovers and by how much. */
  typical: number;
  jitter: number;
  /** milestone: the week it is done in, or never. */
  doneWeek: number | null;
}

const directionWeights: ReadonlyArray<readonly [KeyResultDirection, number]> = [
  ["increase", 0.45],
  ["decrease", 0.2],
  ["stay_above", 0.1],
  ["stay_below", 0.1],
  ["milestone", 0.15],
];

function directionOf(random: Random): KeyResultDirection {
  let roll = random();
  for (const [direction, weight] of directionWeights) {
    if (roll < weight) return direction;
    roll -= weight;
  }
  return "increase";
}

/** 2 400 000, 99.95: digits grouped by spaces as Norwegians write them (toLocaleString is slow). */
function grouped(value: number): string {
  const [whole = "", fraction] = String(value).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

function format(metric: Metric, value: number): string {
  const text = grouped(value);
  if (metric.unit === "percent") return `${text} %`;
  if (metric.unit === "currency") return `NOK ${text}`;
  return metric.label ? `${text} ${metric.label}` : text;
}

function titleOf(metric: Metric, direction: KeyResultDirection, start: number, target: number, norwegian: boolean): string {
  const [from, to, name] = [format(metric, start), format(metric, target), norwegian ? metric.nb : metric.en];
  switch (direction) {
    case "increase":
      return norwegian ? `Øke ${name} fra ${from} til ${to}` : `Increase ${name} from ${from} to ${to}`;
    case "decrease":
      return norwegian ? `Redusere ${name} fra ${from} til ${to}` : `Reduce ${name} from ${from} to ${to}`;
    case "stay_above":
      return norwegian ? `Holde ${name} over ${to}` : `Keep ${name} above ${to}`;
    default:
      return norwegian ? `Holde ${name} under ${to}` : `Keep ${name} below ${to}`;
  }
}

const step = (decimals: number) => 10 ** -decimals;

export function planMeasure(random: Random, norwegian: boolean): MeasurePlan {
  const direction = directionOf(random);
  const [final, curve, noise] = [between(random, 0.15, 1.25), between(random, 0.7, 1.6), between(random, 0.02, 0.08)];
  if (direction === "milestone") {
    const doneWeek = random() < 0.7 ? integerBetween(random, 2, 12) : null;
    const title = pick(random, milestones);
    return { title, unit: "number", unitLabel: null, currencyCode: null, direction, start: 0, target: 1, decimals: 0, max: null, final, curve, noise, typical: 0, jitter: 0, doneWeek };
  }
  const candidates = catalogue.filter((metric) => metric.directions.includes(direction));
  const metric = candidates[Math.floor(random() * candidates.length)] ?? catalogue[0];
  const cap = (value: number) => Math.min(metric.max ?? Infinity, Math.max(0, value));
  const round = (value: number) => roundTo(cap(value), metric.decimals);
  const base = round(metric.low * (metric.high / metric.low) ** random());
  let start = base;
  let target = base;
  let typical = base;
  if (direction === "increase" || direction === "decrease") {
    target = round(base * (direction === "increase" ? between(random, 1.15, 1.8) : between(random, 0.4, 0.8)));
    if (target === start) target = round(direction === "increase" ? start + step(metric.decimals) : start - step(metric.decimals));
    if (target === start) start = round(start + step(metric.decimals));
  } else {
    // The threshold is the target; the value starts, and mostly stays, on the right side of it.
    const room = metric.max !== undefined && direction === "stay_above" ? (metric.max - base) * between(random, 0.3, 0.7) : base * between(random, 0.05, 0.2);
    typical = round(direction === "stay_above" ? base + room : base - room);
    start = typical;
  }
  const jitter = Math.abs(typical - target) * 0.6;
  return {
    title: titleOf(metric, direction, start, target, norwegian),
    unit: metric.unit,
    unitLabel: metric.unit === "custom" ? (metric.label ?? null) : null,
    currencyCode: metric.unit === "currency" ? "NOK" : null,
    direction,
    start,
    target,
    decimals: metric.decimals,
    max: metric.max ?? null,
    final,
    curve,
    noise,
    typical,
    jitter,
    doneWeek: null,
  };
}
