/**
 * The weekly rhythm's calendar, in one place: a week is an ISO week in UTC (Monday 00:00 UTC to
 * the next Monday), the same week `date_trunc('week', …)` gives the database when it is asked in
 * UTC (lib/services/status-sql.ts holds the SQL and its test holds the two to the same answers).
 */

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS);
}

/** Whether a key result was checked in during the week of `now`: what the weekly rhythm asks of it. */
export function checkedInThisWeek(lastCheckInAt: Date | null, now: Date): boolean {
  return lastCheckInAt !== null && lastCheckInAt.getTime() >= weekStart(now).getTime();
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`: the day a progress point is filed under. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `days` whole days (of 24 hours) before `at`. */
export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}

/** `days` whole days (of 24 hours) after `at`. */
export function daysAfter(at: Date, days: number): Date {
  return daysBefore(at, -days);
}
