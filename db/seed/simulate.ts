import type { Confidence } from "@/db/schema/enums";
import { achievement, expectedProgress, keyResultProgress, objectiveProgress } from "@/lib/okr/progress";
import { addDays, atTime, DAY_MS, nextWeekday, type Period } from "./calendar";
import { checkInNote } from "./notes";
import { between, integerBetween, randomFor, type Random } from "./random";
import type { KeyResultSpec, ObjectiveSpec, PersonKey } from "./story";

/**
 * The in-memory simulation behind the seed: weekly check-ins along each key result's trajectory,
 * and the progress of every key result and objective as it stood at any moment. Pure, no I/O.
 */

export interface SimulatedCheckIn {
  week: number;
  at: Date;
  value: number;
  previousValue: number;
  confidence: Confidence;
  note: string;
  author: PersonKey;
}

export interface SimulationWindow {
  cycle: Period;
  /** The cycle's weekly check-in days (calendar.ts). */
  weekDays: string[];
  /** Nothing is reported at or after this moment (today, or the end of a closed cycle). */
  cutoff: Date;
  today: Date;
  /** Whether key results may go quiet before today (the active cycle only). */
  allowSilence: boolean;
}

/** Rounds to the metric's precision; negative decimals round to tens, hundreds, thousands. */
export function roundTo(value: number, decimals: number): number {
  if (decimals >= 0) return Number(value.toFixed(decimals));
  const step = 10 ** -decimals;
  return Math.round(value / step) * step;
}

export function dueDateOf(spec: KeyResultSpec, cycle: Period): string {
  return spec.dueDaysBeforeEnd ? addDays(cycle.endDate, -spec.dueDaysBeforeEnd) : cycle.endDate;
}

function holdsThreshold(spec: KeyResultSpec, value: number): boolean {
  return spec.direction === "stay_below" ? value <= spec.target : value >= spec.target;
}

/** The reported value in week `week`, `fraction` of the way through the cycle. */
function valueAt(spec: KeyResultSpec, week: number, fraction: number, random: Random): number {
  const decimals = spec.decimals ?? 0;
  const trajectory = spec.trajectory;
  let value: number;
  switch (trajectory.kind) {
    case "progress": {
      const noise = (trajectory.noise ?? 0.04) * (random() * 2 - 1);
      const reached = trajectory.final * fraction ** (trajectory.curve ?? 1) + noise;
      value = spec.start + (spec.target - spec.start) * reached;
      break;
    }
    case "threshold": {
      const breach = trajectory.breaches?.[week];
      if (breach !== undefined) return breach;
      value = roundTo(trajectory.typical + trajectory.jitter * (random() * 2 - 1), decimals);
      // Noise alone never breaks the threshold: breaches are part of the story, not accidents.
      if (!holdsThreshold(spec, value)) value = spec.target;
      break;
    }
    case "milestone":
      return trajectory.doneWeek !== null && week >= trajectory.doneWeek ? 1 : 0;
  }
  const bounded = spec.unit === "percent" ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
  return roundTo(bounded, decimals);
}

/**
 * The owner's confidence. For increase and decrease it follows the pace as people judge a stretch
 * goal (0.7 is success, so being a little under the straight line still feels on track):
 * achievement at least the expected line − 0.2 is on track, − 0.35 at risk, else off track. Pace means nothing for the other
 * directions, so: a threshold that holds is on track, a first breach at risk, a second in a row off
 * track; a milestone is on track until two weeks before its due date, then at risk, then off track.
 */
function confidenceOf(spec: KeyResultSpec, value: number, previous: number, cycle: Period, at: Date, dueDate: string): Confidence {
  switch (spec.direction) {
    case "increase":
    case "decrease": {
      const reached = achievement({ direction: spec.direction, start: spec.start, target: spec.target, current: value });
      const expected = expectedProgress(cycle, at);
      if (reached >= expected - 0.2) return "on_track";
      return reached >= expected - 0.35 ? "at_risk" : "off_track";
    }
    case "stay_above":
    case "stay_below":
      if (holdsThreshold(spec, value)) return "on_track";
      return holdsThreshold(spec, previous) ? "at_risk" : "off_track";
    case "milestone": {
      if (value >= 1) return "on_track";
      const daysLeft = (atTime(dueDate, 23, 59).getTime() - at.getTime()) / DAY_MS;
      if (daysLeft < 0) return "off_track";
      return daysLeft <= 14 ? "at_risk" : "on_track";
    }
  }
}

/** The weekly check-ins of one key result, deterministic for its key and the window. */
export function simulateCheckIns(spec: KeyResultSpec, objectiveOwner: PersonKey, window: SimulationWindow): SimulatedCheckIn[] {
  const { cycle, weekDays, cutoff, today } = window;
  const dueDate = dueDateOf(spec, cycle);
  // A key result that went quiet reports nothing in its last weeks before today.
  const quietFrom = window.allowSilence && spec.silentWeeks ? today.getTime() - spec.silentWeeks * 7 * DAY_MS : Infinity;
  const checkIns: SimulatedCheckIn[] = [];
  let previous = spec.start;
  weekDays.forEach((baseDay, week) => {
    // One generator per week, so a week's numbers do not depend on how many weeks came before.
    const random = randomFor(`${spec.key}#${week}`);
    const later = nextWeekday(baseDay);
    const day = random() < 0.35 && later <= cycle.endDate ? later : baseDay;
    const at = atTime(day, integerBetween(random, 8, 16), integerBetween(random, 0, 59));
    const value = valueAt(spec, week, expectedProgress(cycle, at), random);
    const confidence = confidenceOf(spec, value, previous, cycle, at, dueDate);
    const author = random() < 0.15 ? objectiveOwner : spec.owner;
    const note = checkInNote(random, confidence, spec.notes?.[week]);
    if (at.getTime() >= cutoff.getTime() || at.getTime() >= quietFrom) return;
    checkIns.push({ week, at, value, previousValue: previous, confidence, note, author });
    previous = value;
  });
  return checkIns;
}

/** A key result's value as it stood at `moment`: its last check-in by then, else its start. */
export function valueAsOf(spec: KeyResultSpec, checkIns: readonly SimulatedCheckIn[], moment: Date): number {
  let value = spec.start;
  for (const checkIn of checkIns) if (checkIn.at.getTime() <= moment.getTime()) value = checkIn.value;
  return value;
}

export function progressOf(spec: KeyResultSpec, value: number): { achievement: number; progress: number } {
  const measure = { direction: spec.direction, start: spec.start, target: spec.target, current: value };
  return { achievement: achievement(measure), progress: keyResultProgress(measure) };
}

/**
 * Every objective's progress by its rollup mode, children before parents (the rules of
 * lib/okr/progress.ts). `keyResultProgress` gives a key result's progress by key.
 */
export function rollupObjectives(objectives: readonly ObjectiveSpec[], keyResultProgressOf: (key: string) => number): Map<string, number> {
  const byKey = new Map(objectives.map((objective) => [objective.key, objective]));
  const depth = (objective: ObjectiveSpec): number => {
    const parent = objective.parent ? byKey.get(objective.parent) : undefined;
    return parent ? depth(parent) + 1 : 0;
  };
  const deepestFirst = [...objectives].sort((a, b) => depth(b) - depth(a));
  const result = new Map<string, number>();
  for (const objective of deepestFirst) {
    const children = objectives.filter((child) => child.parent === objective.key).map((child) => result.get(child.key) ?? 0);
    const keyResults = objective.keyResults.map((kr) => ({ progress: keyResultProgressOf(kr.key), weight: kr.weight ?? 1 }));
    result.set(objective.key, objectiveProgress({ mode: objective.rollupMode ?? "key_results", keyResults, children, manual: null }));
  }
  return result;
}

/** A small spread of minutes, for created-at times that do not all tick on the hour. */
export function minutesFor(name: string, max = 59): number {
  return Math.floor(between(randomFor(name), 0, max + 1));
}
