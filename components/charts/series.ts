import type { KeyResultDirection } from "@/lib/domain";
import { clamp01, dayStart } from "@/lib/okr/progress";

/** A point of a time chart: epoch milliseconds and a value. `start` marks the drawn baseline, not a report. */
export interface ChartPoint {
  t: number;
  value: number;
  start?: boolean;
}

export const DAY_MS = 86_400_000;

/** The end of a `YYYY-MM-DD` day: a deadline is met if reached by midnight after it. */
export const dayEnd = (date: string) => dayStart(date) + DAY_MS;

export interface KeyResultSeriesInput {
  direction: KeyResultDirection;
  startValue: string;
  targetValue: string;
  dueDate: string;
  cycle: { startDate: string; endDate: string };
  /** Any order; each a reported value at a time. */
  checkIns: ReadonlyArray<{ value: string; createdAt: string | Date }>;
}

export interface KeyResultSeries {
  /** The start value at the cycle's start, then every check-in, oldest first. */
  actual: ChartPoint[];
  /** The straight line from the start value (cycle start) to the target (due date); increase and decrease only. */
  expected: ChartPoint[] | null;
  /** The level to hold, for stay above / stay below. */
  threshold: number | null;
  domainX: [number, number];
  domainY: [number, number];
}

/** Where the straight line from start to target says the value should be at `at`. */
export function expectedValueAt(input: Pick<KeyResultSeriesInput, "startValue" | "targetValue" | "dueDate" | "cycle">, at: number): number {
  const from = dayStart(input.cycle.startDate);
  const to = Math.max(from + DAY_MS, dayEnd(input.dueDate));
  const start = Number(input.startValue);
  return start + (Number(input.targetValue) - start) * clamp01((at - from) / (to - from));
}

/** What a key result's chart draws: its reported values, its expected line or threshold, and the axes. */
export function keyResultSeries(input: KeyResultSeriesInput): KeyResultSeries {
  const cycleStart = dayStart(input.cycle.startDate);
  const reports = input.checkIns
    .map((checkIn) => ({ t: new Date(checkIn.createdAt).getTime(), value: Number(checkIn.value) }))
    .sort((a, b) => a.t - b.t);
  const start = Number(input.startValue);
  const target = Number(input.targetValue);
  const baselineAt = Math.min(cycleStart, reports[0]?.t ?? cycleStart);
  const actual: ChartPoint[] = [{ t: baselineAt, value: input.direction === "milestone" ? 0 : start, start: true }, ...reports];
  const ranged = input.direction === "increase" || input.direction === "decrease";
  const expected = ranged
    ? [
        { t: cycleStart, value: start },
        { t: Math.max(cycleStart + DAY_MS, dayEnd(input.dueDate)), value: target },
      ]
    : null;
  const threshold = input.direction === "stay_above" || input.direction === "stay_below" ? target : null;
  const lastT = reports.at(-1)?.t ?? cycleStart;
  const domainX: [number, number] = [baselineAt, Math.max(dayEnd(input.cycle.endDate), dayEnd(input.dueDate), lastT)];
  if (input.direction === "milestone") return { actual, expected, threshold, domainX, domainY: [0, 1] };
  const values = [start, target, ...reports.map((report) => report.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.08;
  return { actual, expected, threshold, domainX, domainY: [low - pad, high + pad] };
}

export interface ProgressSeriesInput {
  cycle: { startDate: string; endDate: string; status: "planning" | "active" | "closed" };
  /** Daily points, oldest first. */
  points: ReadonlyArray<{ day: string; progress: number }>;
  /** Progress now. */
  progress: number;
  now: number;
}

export interface ProgressSeries {
  actual: ChartPoint[];
  expected: ChartPoint[];
  domainX: [number, number];
}

/** An objective's progress by day (noon, so a point sits inside its day), carried on to today while the cycle runs. */
export function progressSeries({ cycle, points, progress, now }: ProgressSeriesInput): ProgressSeries {
  const cycleStart = dayStart(cycle.startDate);
  const cycleEnd = dayEnd(cycle.endDate);
  const actual: ChartPoint[] = points.map((point) => ({ t: dayStart(point.day) + DAY_MS / 2, value: point.progress }));
  const last = actual.at(-1);
  const lastDay = points.at(-1)?.day;
  // Days are UTC dates, as the database records them: a point for today needs no carrying on.
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  if (cycle.status === "active" && now > cycleStart && (!lastDay || dayStart(lastDay) < today)) actual.push({ t: Math.min(now, cycleEnd), value: progress });
  return {
    actual,
    expected: [
      { t: cycleStart, value: 0 },
      { t: cycleEnd, value: 1 },
    ],
    domainX: [Math.min(cycleStart, actual[0]?.t ?? cycleStart), Math.max(cycleEnd, last?.t ?? cycleEnd)],
  };
}
