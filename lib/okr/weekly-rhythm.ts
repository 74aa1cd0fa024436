import { TZDate } from "@date-fns/tz";

/**
 * When the weekly rhythm speaks: reminders, the team leads' follow-up and leadership's digest happen
 * at a local weekday and time in the organisation's time zone. These rules say, for an instant
 * ("now", from lib/clock.ts), which local week a run belongs to and whether it is due. Time-zone
 * arithmetic is @date-fns/tz's (the IANA database through Intl), so daylight saving moves the UTC
 * instant, never the local time. Pure: no I/O, no clock of its own.
 */

/** A weekly moment: ISO weekday (1 = Monday … 7 = Sunday) and minutes after local midnight. */
export interface WeeklySlot {
  weekday: number;
  minute: number;
}

export const DEFAULT_REMINDER: WeeklySlot = { weekday: 5, minute: 13 * 60 };
export const DEFAULT_DIGEST: WeeklySlot = { weekday: 1, minute: 8 * 60 };

const DAY_MS = 86_400_000;

/** YYYY-MM-DD plus a number of days (calendar arithmetic on dates, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `timeZone` is an IANA name this runtime knows (Europe/Oslo, America/New_York, UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone }).format(0);
    return timeZone.length > 0;
  } catch {
    return false;
  }
}

/** The Monday (YYYY-MM-DD) of the local week that contains `at`. */
export function localWeekStart(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  const isoWeekday = local.getDay() === 0 ? 7 : local.getDay();
  const today = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  return addDays(today, 1 - isoWeekday);
}

/**
 * The instant of local day `dayIndex` of the week starting `weekStart` (1 = its Monday; 8 is the
 * next Monday) at `minute`. A local time that daylight saving skips moves forward with the clocks.
 */
export function localInstant(weekStart: string, dayIndex: number, minute: number, timeZone: string): Date {
  const [year, month, day] = addDays(weekStart, dayIndex - 1).split("-").map(Number);
  const local = new TZDate(year ?? 1970, (month ?? 1) - 1, day ?? 1, Math.floor(minute / 60), minute % 60, timeZone);
  return new Date(local.getTime());
}

/** A run that is due: the local week it is for, and the instant it was meant for. */
export interface DueRun {
  week: string;
  at: Date;
}

/**
 * A weekly run (reminders, digest) is due when this local week's moment has come and the run has
 * not been done for this week (`ranFor`). A week whose moment passed while nothing ran (the server
 * was down all weekend) is not caught up the week after: a reminder about last week helps no one.
 */
export function dueWeeklyRun(now: Date, slot: WeeklySlot, timeZone: string, ranFor: string | null): DueRun | null {
  const week = localWeekStart(now, timeZone);
  const at = localInstant(week, slot.weekday, slot.minute, timeZone);
  if (now.getTime() < at.getTime() || ranFor === week) return null;
  return { week, at };
}

/** The team leads' follow-up comes on the first weekday (Monday to Friday) after the reminder's day. */
export function escalationDayIndex(reminderWeekday: number): number {
  const next = reminderWeekday + 1;
  // Friday or Saturday → the next Monday (index 8); Sunday → Monday is already next; else the next day.
  return next === 6 || next === 7 ? 8 : next;
}

/**
 * The follow-up is about the reminder's week, and may fall in the week after it (a Friday
 * reminder is followed up on Monday). Due when the latest follow-up moment has come, for a
 * reminder week not yet followed up, and less than a week ago.
 */
export function dueEscalation(now: Date, reminder: WeeklySlot, timeZone: string, ranFor: string | null): DueRun | null {
  const thisWeek = localWeekStart(now, timeZone);
  const dayIndex = escalationDayIndex(reminder.weekday);
  for (const week of [thisWeek, addDays(thisWeek, -7), addDays(thisWeek, -14)]) {
    const at = localInstant(week, dayIndex, reminder.minute, timeZone);
    if (at.getTime() > now.getTime()) continue;
    if (now.getTime() - at.getTime() >= 6 * DAY_MS || ranFor === week) return null;
    return { week, at };
  }
  return null;
}

/**
 * What a new organisation starts with as already done: this week's runs whose moment passed before
 * it existed. Its first digest is next week's, not one sent at sign-up about a week it was not in;
 * a reminder still due later this week is sent; a week whose reminder it never got has no follow-up.
 */
export function runsPassedAtCreation(now: Date, reminder: WeeklySlot, digest: WeeklySlot, timeZone: string) {
  const reminderPassed = dueWeeklyRun(now, reminder, timeZone, null)?.week ?? null;
  return {
    remindersRanFor: reminderPassed,
    escalationRanFor: reminderPassed ?? dueEscalation(now, reminder, timeZone, null)?.week ?? null,
    digestRanFor: dueWeeklyRun(now, digest, timeZone, null)?.week ?? null,
  };
}
