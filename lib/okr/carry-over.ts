import type { CycleStatus, KeyResultDirection } from "@/lib/domain";

/**
 * Carrying objectives into the next quarter (lib/services/carry-over.ts): the rules that need no
 * database, for the service that writes and the planning view that offers.
 */

interface CycleSide {
  id: string;
  startDate: string;
  status: CycleStatus;
}

/** Why objectives of `from` cannot be carried into `to` (a message key), or null when they can. */
export function carryRefusal(from: CycleSide, to: CycleSide): "validation.carrySameCycle" | "validation.carryForward" | "validation.carryIntoClosed" | null {
  if (from.id === to.id) return "validation.carrySameCycle";
  if (to.startDate <= from.startDate) return "validation.carryForward";
  if (to.status === "closed") return "validation.carryIntoClosed";
  return null;
}

/**
 * Where a carried key result starts: where the old one ended (its last value). A milestone is
 * done or not; one carried forward is not done yet, so it starts where it started.
 */
export function carriedStart(kr: { direction: KeyResultDirection; startValue: string; currentValue: string }): string {
  return kr.direction === "milestone" ? kr.startValue : kr.currentValue;
}

/**
 * The cycle objectives of `from` go to by default: the earliest open cycle starting after it
 * (the next quarter), if there is one.
 */
export function nextOpenCycle<T extends CycleSide>(from: CycleSide, cycles: readonly T[]): T | null {
  const later = cycles.filter((cycle) => carryRefusal(from, cycle) === null);
  return later.sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null;
}

/** The cycle objectives come from by default when planning `to`: the latest cycle before it. */
export function previousCycle<T extends CycleSide>(to: CycleSide, cycles: readonly T[]): T | null {
  const earlier = cycles.filter((cycle) => cycle.startDate < to.startDate);
  return earlier.sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null;
}
