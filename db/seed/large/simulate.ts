import type { Confidence } from "@/db/schema/enums";
import { achievement, clamp01, dayStart, keyResultProgress, objectiveProgress, type Measure } from "@/lib/okr/progress";
import { atTime, DAY_MS, endOfDay, nextWeekday, weeklyCheckInDays, type Period } from "../calendar";
import { checkInNote } from "../notes";
import type { Random } from "../random";
import { roundTo } from "../simulate";
import type { KeyResultPlan, KeyResultState, ObjectivePlan } from "./okrs";

/**
 * Weekly check-ins of a generated key result, and the stored values they lead to. Pure and
 * deterministic: a key result's series depends on its own seed and the week, and a week's draws
 * do not depend on `today`, so past weeks look the same whichever day the seed runs.
 */

export interface CycleWindow {
  cycle: Period;
  active: boolean;
  weekDays: string[];
  /** Per week: midnight of the check-in day and of the weekday after it (null past the cycle's end). */
  weeks: Array<{ day: number; later: number | null }>;
  /** The cycle's first moment and the end of its last day, for the expected line. */
  start: number;
  end: number;
  /** Nothing is reported at or after this moment: the start of today, or the end of a closed cycle. */
  cutoff: number;
  /** Start of today (ms). */
  today: number;
  /** One history point a week (end of the day after the check-in day), then today or the last day. */
  points: Array<{ day: string; moment: number }>;
}

export function cycleWindow(cycle: Period, active: boolean, today: string): CycleWindow {
  const todayStart = dayStart(today);
  const cutoff = active ? todayStart : Math.min(endOfDay(cycle.endDate).getTime(), todayStart);
  const weekDays = weeklyCheckInDays(cycle, new Date(cutoff));
  const points = new Map<string, number>();
  for (const weekDay of weekDays) {
    const later = nextWeekday(weekDay);
    const day = later <= cycle.endDate ? later : weekDay;
    if (day < today) points.set(day, Math.min(endOfDay(day).getTime(), cutoff));
  }
  points.set(active ? today : cycle.endDate, cutoff);
  const sorted = [...points].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, moment]) => ({ day, moment }));
  const weeks = weekDays.map((day) => {
    const later = nextWeekday(day);
    return { day: dayStart(day), later: later <= cycle.endDate ? dayStart(later) : null };
  });
  const [start, end] = [dayStart(cycle.startDate), dayStart(cycle.endDate) + DAY_MS];
  return { cycle, active, weekDays, weeks, start, end, cutoff, today: todayStart, points: sorted };
}

/** lib/okr/progress.ts' expectedProgress, with the cycle's dates parsed once per window. */
function expectedAt(window: CycleWindow, at: number): number {
  return clamp01((at - window.start) / (window.end - window.start));
}

export interface SimulatedCheckIn {
  week: number;
  at: number;
  value: number;
  previous: number;
  confidence: Confidence;
  author: number;
  note: string;
}

const BREACH_CHANCE = 0.07;
const SKIP_CHANCE = 0.04;
const OTHER_AUTHOR_CHANCE = 0.15;

const holds = (kr: KeyResultPlan, value: number) => (kr.direction === "stay_below" ? value <= kr.target : value >= kr.target);
const bound = (kr: KeyResultPlan, value: number) => roundTo(Math.min(kr.max ?? Infinity, Math.max(0, value)), kr.decimals);

function valueAt(kr: KeyResultPlan, week: number, fraction: number, noise: number, breach: number, breachSize: number): number {
  switch (kr.direction) {
    case "increase":
    case "decrease": {
      const reached = kr.final * fraction ** kr.curve + kr.noise * (noise * 2 - 1);
      return bound(kr, kr.start + (kr.target - kr.start) * reached);
    }
    case "stay_above":
    case "stay_below": {
      const wrongWay = kr.direction === "stay_above" ? -1 : 1;
      if (breach < BREACH_CHANCE) {
        const by = Math.abs(kr.typical - kr.target) * (0.2 + 0.8 * breachSize) + 10 ** -kr.decimals;
        const value = bound(kr, kr.target + wrongWay * by);
        if (!holds(kr, value)) return value;
      }
      const value = bound(kr, kr.typical + kr.jitter * (noise * 2 - 1));
      // Noise alone never breaks the threshold: breaches are rare events, not accidents.
      return holds(kr, value) ? value : kr.target;
    }
    case "milestone":
      return kr.doneWeek !== null && week >= kr.doneWeek ? 1 : 0;
  }
}

/** The owner's confidence, by pace for increase and decrease, as the demo seed reports it. */
function confidenceOf(kr: KeyResultPlan, value: number, previous: number, expected: number, due: number, at: number): Confidence {
  switch (kr.direction) {
    case "increase":
    case "decrease": {
      const reached = achievement({ direction: kr.direction, start: kr.start, target: kr.target, current: value });
      if (reached >= expected - 0.1) return "on_track";
      return reached >= expected - 0.25 ? "at_risk" : "off_track";
    }
    case "stay_above":
    case "stay_below":
      if (holds(kr, value)) return "on_track";
      return holds(kr, previous) ? "at_risk" : "off_track";
    case "milestone": {
      if (value >= 1) return "on_track";
      const daysLeft = (due - at) / DAY_MS;
      if (daysLeft < 0) return "off_track";
      return daysLeft <= 14 ? "at_risk" : "on_track";
    }
  }
}

/**
 * The check-ins of one key result. `random` draws eight numbers a week whether or not the week
 * reports; `notes` (a separate series) is only drawn for check-ins that are kept.
 */
export function simulateKeyResult(kr: KeyResultPlan, objectiveOwner: number, window: CycleWindow, random: Random, notes: Random | null): SimulatedCheckIn[] {
  const checkIns: SimulatedCheckIn[] = [];
  if (window.active && kr.neverChecked) return checkIns;
  const quietFrom = window.active && kr.silentWeeks > 0 ? window.today - kr.silentWeeks * 7 * DAY_MS : Infinity;
  const due = kr.direction === "milestone" ? atTime(kr.dueDate, 23, 59).getTime() : 0;
  let previous = kr.start;
  window.weeks.forEach(({ day, later: nextDay }, week) => {
    const [skip, later, hour, minute, noise, author, breach, breachSize] = [random(), random(), random(), random(), random(), random(), random(), random()];
    const at = (later < 0.35 && nextDay !== null ? nextDay : day) + ((8 + Math.floor(hour * 9)) * 60 + Math.floor(minute * 60)) * 60_000;
    if (skip < SKIP_CHANCE || at >= window.cutoff || at >= quietFrom) return;
    const expected = expectedAt(window, at);
    const value = valueAt(kr, week, expected, noise, breach, breachSize);
    const confidence = confidenceOf(kr, value, previous, expected, due, at);
    const note = notes ? checkInNote(notes, confidence, undefined) : "";
    checkIns.push({ week, at, value, previous, confidence, author: author < OTHER_AUTHOR_CHANCE ? objectiveOwner : kr.owner, note });
    previous = value;
  });
  return checkIns;
}

const measureOf = (kr: KeyResultPlan, current: number): Measure => ({ direction: kr.direction, start: kr.start, target: kr.target, current });

/** Stored ratio columns, as lib/services/progress.ts writes them (achievement bounded, six decimals). */
export function progressColumns(kr: KeyResultPlan, current: number): { achievement: string; progress: string } {
  const measure = measureOf(kr, current);
  const shown = achievement(measure);
  const bounded = Number.isFinite(shown) ? Math.max(-99_999, Math.min(99_999, shown)) : 0;
  return { achievement: bounded.toFixed(6), progress: keyResultProgress(measure).toFixed(6) };
}

export function stateOf(kr: KeyResultPlan, checkIns: readonly SimulatedCheckIn[]): KeyResultState {
  const last = checkIns.at(-1);
  const current = last?.value ?? kr.start;
  const columns = progressColumns(kr, current);
  return { current, lastCheckInAt: last ? new Date(last.at) : null, lastConfidence: last?.confidence ?? null, achievement: columns.achievement, progress: columns.progress };
}

/** An objective's stored progress: the weighted mean of its key results' stored progress. */
export function rollup(keyResults: ReadonlyArray<{ progress: string; weight: number }>): string {
  const items = keyResults.map((kr) => ({ progress: Number(kr.progress), weight: kr.weight }));
  return objectiveProgress({ mode: "key_results", keyResults: items, children: [], manual: null }).toFixed(6);
}

/** The objective's progress at each history point of the window. */
export function historyOf(objective: ObjectivePlan, series: ReadonlyArray<readonly SimulatedCheckIn[]>, window: CycleWindow): string[] {
  const cursors = objective.keyResults.map(() => -1);
  return window.points.map(({ moment }) =>
    rollup(
      objective.keyResults.map((kr, i) => {
        const checkIns = series[i] ?? [];
        let cursor = cursors[i] ?? -1;
        while (cursor + 1 < checkIns.length && (checkIns[cursor + 1]?.at ?? Infinity) <= moment) cursor++;
        cursors[i] = cursor;
        const current = cursor >= 0 ? (checkIns[cursor]?.value ?? kr.start) : kr.start;
        return { progress: progressColumns(kr, current).progress, weight: kr.weight };
      }),
    ),
  );
}
