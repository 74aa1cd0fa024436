import { randomUUID } from "node:crypto";
import type { NewActivity, NewCheckIn, NewKeyResult, NewObjective, ObjectiveProgressPoint } from "@/db/schema";
import type { CycleStatus } from "@/db/schema/enums";
import { finalScore } from "@/lib/okr/progress";
import { addDays, atTime, endOfDay, isoDay, nextWeekday, weekdayOnOrBefore, weeklyCheckInDays, type Period } from "./calendar";
import { dueDateOf, minutesFor, progressOf, rollupObjectives, simulateCheckIns, valueAsOf, type SimulatedCheckIn } from "./simulate";
import type { KeyResultSpec, ObjectiveSpec, PersonKey, TeamKey } from "./story";

/** Turns one cycle's objectives into rows: objectives, key results, check-ins, history, activity. */

export interface CycleInput {
  orgId: string;
  cycleId: string;
  cycle: Period;
  status: Extract<CycleStatus, "active" | "closed">;
  objectives: readonly ObjectiveSpec[];
  today: Date;
  /** When the cycle was closed (closed cycles only): reflections were written then. */
  closedAt?: Date;
  userId: (person: PersonKey) => string;
  teamId: (team: TeamKey) => string;
}

export interface CycleRows {
  /** Objectives and key results by alignment depth: parents' key results must exist first. */
  generations: Array<{ objectives: NewObjective[]; keyResults: NewKeyResult[] }>;
  checkIns: NewCheckIn[];
  history: ObjectiveProgressPoint[];
  activity: NewActivity[];
  /** Story key → row id, for comments. */
  objectiveIds: Map<string, string>;
  objectiveTeams: Map<string, string | null>;
}

const ratio = (value: number) => value.toFixed(6);
const rounded = (value: number) => Number(value.toFixed(6));

/** OKRs are drafted before the quarter starts: company first, then teams, then people. */
function createdAtOf(objective: ObjectiveSpec, cycle: Period): Date {
  const [daysBefore, hour] = objective.level === "company" ? [7, 9] : objective.level === "team" ? [4, 10] : [2, 13];
  return atTime(weekdayOnOrBefore(addDays(cycle.startDate, -daysBefore)), hour, minutesFor(objective.key));
}

function depthOf(objective: ObjectiveSpec, byKey: Map<string, ObjectiveSpec>): number {
  const parent = objective.parent ? byKey.get(objective.parent) : undefined;
  return parent ? depthOf(parent, byKey) + 1 : 0;
}

export function buildCycle(input: CycleInput): CycleRows {
  const { orgId, cycleId, cycle, objectives, today, userId, teamId } = input;
  const closed = input.status === "closed";
  // A closed cycle reported up to its last day; the active one up to now.
  const cutoff = closed ? endOfDay(cycle.endDate) : today;
  const window = { cycle, weekDays: weeklyCheckInDays(cycle, cutoff), cutoff, today, allowSilence: !closed };

  const byKey = new Map(objectives.map((objective) => [objective.key, objective]));
  const objectiveIds = new Map(objectives.map((objective) => [objective.key, randomUUID()]));
  const keyResultIds = new Map(objectives.flatMap((objective) => objective.keyResults.map((kr) => [kr.key, randomUUID()] as const)));
  const objectiveTeams = new Map(objectives.map((o) => [o.key, o.team ? teamId(o.team) : null]));
  const idOf = (ids: Map<string, string>, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data: unknown key "${key}"`);
    return id;
  };

  const keyResultSpecs = new Map<string, KeyResultSpec>();
  const series = new Map<string, SimulatedCheckIn[]>();
  for (const objective of objectives) {
    for (const kr of objective.keyResults) {
      keyResultSpecs.set(kr.key, kr);
      series.set(kr.key, simulateCheckIns(kr, objective.owner, window));
    }
  }
  const progressAt = (moment: Date) =>
    rollupObjectives(objectives, (key) => {
      const spec = keyResultSpecs.get(key);
      return spec ? progressOf(spec, valueAsOf(spec, series.get(key) ?? [], moment)).progress : 0;
    });
  const progressNow = progressAt(cutoff);

  const generations: CycleRows["generations"] = [];
  const checkIns: NewCheckIn[] = [];
  const activity: NewActivity[] = [];

  for (const objective of objectives) {
    const id = idOf(objectiveIds, objective.key);
    const team = objectiveTeams.get(objective.key) ?? null;
    const owner = userId(objective.owner);
    const createdAt = createdAtOf(objective, cycle);
    const keyResults: NewKeyResult[] = [];
    let lastChange = createdAt;

    objective.keyResults.forEach((kr, position) => {
      const krId = idOf(keyResultIds, kr.key);
      const krCreatedAt = new Date(createdAt.getTime() + (position + 1) * 3 * 60_000);
      const history = series.get(kr.key) ?? [];
      const last = history.at(-1);
      const current = last?.value ?? kr.start;
      const { achievement, progress } = progressOf(kr, current);
      if (last && last.at > lastChange) lastChange = last.at;
      keyResults.push({
        orgId,
        id: krId,
        objectiveId: id,
        title: kr.title,
        description: kr.description ?? "",
        unit: kr.unit,
        currencyCode: kr.unit === "currency" ? "NOK" : null,
        unitLabel: kr.unit === "custom" ? (kr.unitLabel ?? null) : null,
        direction: kr.direction,
        startValue: String(kr.start),
        targetValue: String(kr.target),
        currentValue: String(current),
        ownerUserId: userId(kr.owner),
        dueDate: dueDateOf(kr, cycle),
        weight: String(kr.weight ?? 1),
        position,
        achievement: ratio(achievement),
        progress: ratio(progress),
        lastCheckInAt: last?.at ?? null,
        lastConfidence: last?.confidence ?? null,
        createdAt: krCreatedAt,
        updatedAt: last?.at ?? krCreatedAt,
      });
      activity.push({
        orgId,
        actorUserId: owner,
        action: "key_result.created",
        entityType: "key_result",
        entityId: krId,
        objectiveId: id,
        keyResultId: krId,
        teamId: team,
        after: { title: kr.title },
        createdAt: krCreatedAt,
      });
      for (const checkIn of history) {
        const checkInId = randomUUID();
        const author = userId(checkIn.author);
        const value = String(checkIn.value);
        checkIns.push({
          orgId,
          id: checkInId,
          keyResultId: krId,
          authorUserId: author,
          value,
          previousValue: String(checkIn.previousValue),
          confidence: checkIn.confidence,
          note: checkIn.note,
          createdAt: checkIn.at,
        });
        activity.push({
          orgId,
          actorUserId: author,
          action: "check_in.created",
          entityType: "key_result",
          entityId: krId,
          objectiveId: id,
          keyResultId: krId,
          teamId: team,
          before: { value: String(checkIn.previousValue), progress: rounded(progressOf(kr, checkIn.previousValue).progress) },
          after: { value, confidence: checkIn.confidence, note: checkIn.note, progress: rounded(progressOf(kr, checkIn.value).progress) },
          createdAt: checkIn.at,
        });
      }
    });

    const progress = progressNow.get(objective.key) ?? 0;
    const depth = depthOf(objective, byKey);
    const generation = (generations[depth] ??= { objectives: [], keyResults: [] });
    generation.objectives.push({
      orgId,
      id,
      cycleId,
      level: objective.level,
      teamId: team,
      ownerUserId: owner,
      parentObjectiveId: objective.parent ? idOf(objectiveIds, objective.parent) : null,
      parentKeyResultId: objective.parentKeyResult ? idOf(keyResultIds, objective.parentKeyResult) : null,
      title: objective.title,
      description: objective.description ?? "",
      rollupMode: objective.rollupMode ?? "key_results",
      progress: ratio(progress),
      score: closed ? ratio(finalScore(progress)) : null,
      reflection: closed ? (objective.reflection ?? null) : null,
      createdByUserId: owner,
      createdAt,
      updatedAt: closed && input.closedAt ? input.closedAt : lastChange,
    });
    generation.keyResults.push(...keyResults);
    activity.push({
      orgId,
      actorUserId: owner,
      action: "objective.created",
      entityType: "objective",
      entityId: id,
      objectiveId: id,
      teamId: team,
      after: { title: objective.title },
      createdAt,
    });
  }

  return { generations, checkIns, history: buildHistory(input, window.weekDays, cutoff, progressAt, objectiveIds), activity, objectiveIds, objectiveTeams };
}

/**
 * One point per objective per week (the day the week's check-ins were in), plus today for the active
 * cycle and the last day for a closed one: the progress as it stood at the end of that day.
 */
function buildHistory(
  input: CycleInput,
  weekDays: readonly string[],
  cutoff: Date,
  progressAt: (moment: Date) => Map<string, number>,
  objectiveIds: Map<string, string>,
): ObjectiveProgressPoint[] {
  const todayDay = isoDay(input.today);
  const moments = new Map<string, Date>();
  for (const weekDay of weekDays) {
    const later = nextWeekday(weekDay);
    const day = later <= input.cycle.endDate ? later : weekDay;
    if (day < todayDay) moments.set(day, endOfDay(day));
  }
  if (input.status === "closed") moments.set(input.cycle.endDate, cutoff);
  else moments.set(todayDay, input.today);

  const points: ObjectiveProgressPoint[] = [];
  for (const [day, moment] of moments) {
    const progress = progressAt(moment < cutoff ? moment : cutoff);
    for (const [key, objectiveId] of objectiveIds) {
      points.push({ orgId: input.orgId, objectiveId, day, progress: ratio(progress.get(key) ?? 0) });
    }
  }
  return points;
}
