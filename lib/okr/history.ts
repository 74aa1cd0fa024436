/**
 * Reading an objective's recorded progress (objective_progress_history: one point per day it
 * changed). One definition for the objective page and the dashboard, so both say the same "from".
 */

export interface ProgressPoint {
  /** `YYYY-MM-DD` (UTC, as the database records it). */
  day: string;
  progress: number;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first point recorded: where "from … to …" starts. Null before any. */
export function firstPoint(points: readonly ProgressPoint[]): ProgressPoint | null {
  let first: ProgressPoint | null = null;
  for (const point of points) if (!first || point.day < first.day) first = point;
  return first;
}

/**
 * Progress at the end of each week (`weeks` are Monday dates): the latest point on or before its
 * Sunday. Null in weeks before the first point: nothing was recorded yet, which is not 0 %.
 */
export function progressAtWeekEnds(points: readonly ProgressPoint[], weeks: readonly string[]): Array<number | null> {
  const sorted = [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return weeks.map((week) => {
    const sunday = addDays(week, 6);
    let value: number | null = null;
    for (const point of sorted) {
      if (point.day > sunday) break;
      value = point.progress;
    }
    return value;
  });
}
