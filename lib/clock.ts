/**
 * "Now", from one place. Every rule that depends on the date (expected progress, staleness, "this
 * week", reminders) asks this clock, and SQL gets the same instant as a parameter instead of calling
 * `now()`, so a test can pin the moment and build its world around it, on any day of the year.
 *
 * Outside tests the clock is the system's. Under libfaketime (the calendar matrix) the system's
 * clock itself moves, and so does this one.
 */

let pinned: number | null = null;

/** The current instant, or the pinned one. A new Date each call: callers may not mutate ours. */
export function now(): Date {
  return new Date(pinned ?? Date.now());
}

/** Stops the clock at `at` until unpinClock(); for tests. */
export function pinClock(at: Date | string): Date {
  const time = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) throw new Error(`pinClock: not an instant: ${String(at)}`);
  pinned = time;
  return new Date(time);
}

export function unpinClock(): void {
  pinned = null;
}
