import type { KeyResultDirection } from "@/lib/domain";

/**
 * Values that follow from the direction: a milestone runs from 0 (not done) to 1 (done); a
 * threshold's start is where it stood when written down (its target is the line to hold). One
 * rule for a key result made by hand (lib/services/key-results.ts) and one made by an import.
 */
export function normaliseValues(direction: KeyResultDirection, startValue: string, targetValue: string | undefined): { startValue: string; targetValue: string } {
  if (direction === "milestone") return { startValue: "0", targetValue: "1" };
  return { startValue, targetValue: targetValue ?? startValue };
}
