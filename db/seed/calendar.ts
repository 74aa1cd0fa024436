import { dayStart } from "@/lib/okr/progress";

/**
 * Date arithmetic for the seed, all in UTC on `YYYY-MM-DD` strings, so the demo is the same on a
 * laptop in Oslo and a CI runner in UTC.
 */

export const DAY_MS = 86_400_000;

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(dayStart(day) + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: string): number {
  return new Date(dayStart(day)).getUTCDay();
}

/** The day itself when it is a weekday, else the Monday after. */
export function weekdayOnOrAfter(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** The day itself when it is a weekday, else the Friday before. */
export function weekdayOnOrBefore(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
}

/** The first weekday after `day`. */
export function nextWeekday(day: string): string {
  return weekdayOnOrAfter(addDays(day, 1));
}

/** A moment on a day, UTC. */
export function atTime(day: string, hour: number, minute = 0): Date {
  return new Date(dayStart(day) + (hour * 60 + minute) * 60_000);
}

/** The last moment of a day. */
export function endOfDay(day: string): Date {
  return new Date(dayStart(day) + DAY_MS - 1);
}

export interface Period {
  startDate: string;
  endDate: string;
}

/**
 * The weekly check-in days of a cycle: the first weekday from three days after the start, then every
 * seven days, up to the cycle's end or `until`, whichever comes first. Week i of every key result
 * checks in on day i or the weekday after it.
 */
export function weeklyCheckInDays(cycle: Period, until: Date): string[] {
  const days: string[] = [];
  for (let day = weekdayOnOrAfter(addDays(cycle.startDate, 3)); day <= cycle.endDate; day = addDays(day, 7)) {
    if (dayStart(day) >= until.getTime()) break;
    days.push(day);
  }
  return days;
}
