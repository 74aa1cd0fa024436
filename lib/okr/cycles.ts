import { addDays, addMonths, format, parseISO, subDays } from "date-fns";
import type { CycleStatus } from "@/lib/domain";
import { utcDay } from "./week";

export interface CyclePeriod {
  name: string;
  startDate: string;
  endDate: string;
}

const iso = (date: Date) => format(date, "yyyy-MM-dd");

/**
 * The fiscal quarter that contains `date` (an instant counts by its UTC day, whatever the server's
 * time zone), for a fiscal year starting in month `fiscalStartMonth` (1–12).
 */
export function quarterContaining(date: Date | string, fiscalStartMonth = 1): CyclePeriod {
  // From here on the day is a calendar date in local time, so date-fns' local arithmetic is exact.
  const day = parseISO(typeof date === "string" ? date : utcDay(date));
  const monthsIntoYear = (day.getMonth() + 1 - fiscalStartMonth + 12) % 12;
  const quarterIndex = Math.floor(monthsIntoYear / 3);
  const startMonthOffset = day.getMonth() - (monthsIntoYear % 3);
  const start = new Date(day.getFullYear(), startMonthOffset, 1);
  return period(start, quarterIndex, fiscalStartMonth);
}

/** The quarter after `cycle`. */
export function quarterAfter(cycle: Pick<CyclePeriod, "endDate">, fiscalStartMonth = 1): CyclePeriod {
  return quarterContaining(iso(addDays(parseISO(cycle.endDate), 1)), fiscalStartMonth);
}

/** The quarter before `cycle`. */
export function quarterBefore(cycle: Pick<CyclePeriod, "startDate">, fiscalStartMonth = 1): CyclePeriod {
  return quarterContaining(iso(subDays(parseISO(cycle.startDate), 1)), fiscalStartMonth);
}

function period(start: Date, quarterIndex: number, fiscalStartMonth: number): CyclePeriod {
  const end = subDays(addMonths(start, 3), 1);
  // A fiscal year is named after the calendar year it ends in (FY2027 starting July 2026).
  const fiscalYearEnd = addMonths(start, (4 - quarterIndex) * 3 - 1);
  const name =
    fiscalStartMonth === 1 ? `Q${quarterIndex + 1} ${start.getFullYear()}` : `Q${quarterIndex + 1} FY${fiscalYearEnd.getFullYear()}`;
  return { name, startDate: iso(start), endDate: iso(end) };
}

/**
 * Whether a cycle takes writes (objectives, key results, check-ins, moves into it). Closing a
 * cycle freezes its scores: a closed cycle is read-only, everywhere, for everyone.
 */
export function cycleIsOpen(cycle: { status: CycleStatus }): boolean {
  return cycle.status !== "closed";
}
