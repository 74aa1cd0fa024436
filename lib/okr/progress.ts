import type { Confidence, CycleStatus, KeyResultDirection, RollupMode } from "@/lib/domain";

/**
 * The progress rules of ARCHITECTURE.md §1, in one place. Everything that shows or aggregates
 * progress goes through these functions (services store their results so SQL can aggregate them).
 */

export interface Measure {
  direction: KeyResultDirection;
  start: number;
  target: number;
  current: number;
}

/** How far a key result has come: 1 = target reached, 1.2 = 120 % (over-achievement is shown as such). */
export function achievement({ direction, start, target, current }: Measure): number {
  switch (direction) {
    case "increase":
    case "decrease": {
      const span = target - start;
      // A target equal to its start is met or not; there is no way to be halfway there.
      if (span === 0) return direction === "increase" ? (current >= target ? 1 : 0) : current <= target ? 1 : 0;
      return (current - start) / span;
    }
    case "stay_above":
      return current >= target ? 1 : 0;
    case "stay_below":
      return current <= target ? 1 : 0;
    case "milestone":
      return current >= 1 ? 1 : 0;
  }
}

export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** What every rollup counts: achievement capped at 1, and a value moving the wrong way counts as 0. */
export function keyResultProgress(measure: Measure): number {
  return clamp01(achievement(measure));
}

export interface Weighted {
  progress: number;
  weight: number;
}

/** Weight-weighted mean of (already clamped) progress values; null when there is nothing to average. */
export function weightedMean(items: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { progress, weight } of items) {
    if (!(weight > 0)) continue;
    sum += clamp01(progress) * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((total, value) => total + clamp01(value), 0) / values.length;
}

export interface RollupInput {
  mode: RollupMode;
  keyResults: readonly Weighted[];
  /** Progress of the non-archived objectives aligned to this one. */
  children: readonly number[];
  manual: number | null;
}

/**
 * An objective's progress by its rollup mode. `both` averages the parts that have something to
 * roll up (an objective with key results and no aligned objectives yet is not halved); an
 * objective with nothing to roll up has progress 0.
 */
export function objectiveProgress({ mode, keyResults, children, manual }: RollupInput): number {
  switch (mode) {
    case "manual":
      return clamp01(manual ?? 0);
    case "key_results":
      return weightedMean(keyResults) ?? 0;
    case "children":
      return mean(children) ?? 0;
    case "both": {
      const parts = [weightedMean(keyResults), mean(children)].filter((part): part is number => part !== null);
      return mean(parts) ?? 0;
    }
  }
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` date. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export interface CycleDates {
  startDate: string;
  endDate: string;
}

/** The straight line from 0 on the cycle's first day to 1 at the end of its last day. */
export function expectedProgress({ startDate, endDate }: CycleDates, at: Date): number {
  const start = dayStart(startDate);
  const end = dayStart(endDate) + DAY_MS;
  return clamp01((at.getTime() - start) / (end - start));
}

/**
 * The value a key result should show when `expected` of its cycle has elapsed: the straight line
 * from start to target (both directions), the threshold a health metric must hold, and nothing
 * for a milestone, which is done or not.
 */
export function expectedValue({ direction, start, target }: Omit<Measure, "current">, expected: number): number | null {
  switch (direction) {
    case "increase":
    case "decrease":
      return start + (target - start) * clamp01(expected);
    case "stay_above":
    case "stay_below":
      return target;
    case "milestone":
      return null;
  }
}

/** Ahead (positive) or behind (negative) the expected line. */
export function pace(progress: number, expected: number): number {
  return progress - expected;
}

export const STALE_AFTER_DAYS = 7;

export type Status = Confidence | "stale" | "not_started";

/** Every status, best first as the dashboard lists them. */
export const STATUSES = ["on_track", "at_risk", "off_track", "stale", "not_started"] as const satisfies readonly Status[];

export interface StatusInput {
  lastCheckInAt: Date | null;
  lastConfidence: Confidence | null;
  createdAt: Date;
}

export interface StatusCycle {
  status: CycleStatus;
  startDate: string;
}

/**
 * The owner's latest confidence, unless the key result has gone more than 7 days without a
 * check-in in an active cycle: then it is stale, which outranks any self-reported status.
 * Without any check-in the clock starts when the key result (or the cycle) started.
 */
export function keyResultStatus(kr: StatusInput, cycle: StatusCycle, now: Date): Status {
  if (cycle.status === "active") {
    const since = kr.lastCheckInAt?.getTime() ?? Math.max(kr.createdAt.getTime(), dayStart(cycle.startDate));
    if (now.getTime() - since > STALE_AFTER_DAYS * DAY_MS) return "stale";
  }
  return kr.lastConfidence ?? "not_started";
}

/** How bad a status is, worst highest: the order worstStatus() and the SQL severity use. */
export const statusSeverity: Record<Status, number> = { stale: 4, off_track: 3, at_risk: 2, not_started: 1, on_track: 0 };

/** The worst status among several, for an objective's badge: stale and off track weigh most. */
export function worstStatus(statuses: readonly Status[]): Status | null {
  let worst: Status | null = null;
  for (const status of statuses) if (worst === null || statusSeverity[status] > statusSeverity[worst]) worst = status;
  return worst;
}

/** 0.7 of a stretch goal is success. */
export const SUCCESS_SCORE = 0.7;

/** The frozen score of a closed cycle, on the 0.0–1.0 scale OKR practice uses (two decimals). */
export function finalScore(progress: number): number {
  // Decimal rounding, as Postgres' round(numeric, 2) does: 0.285 × 100 is 28.499… in floating point.
  return Math.round(Number(`${clamp01(progress).toFixed(6)}e2`)) / 100;
}
