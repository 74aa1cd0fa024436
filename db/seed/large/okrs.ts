import type { Confidence, ObjectiveLevel } from "@/db/schema/enums";
import { addDays, atTime, weekdayOnOrBefore, type Period } from "../calendar";
import { integerBetween, pick, type Random } from "../random";
import { idMaker, seriesFor } from "./ids";
import { planMeasure, type MeasurePlan } from "./metrics";
import type { PeoplePlan, TeamPlan } from "./people";
import type { OrgShape } from "./sizes";
import { itemAt } from "./util";
import { norwegianObjectives, objectiveOpenings, objectiveSubjects, personalObjectives, reflections } from "./words";

/**
 * One cycle's objectives and key results: company objectives, 1–3 per team aligned to a company
 * objective or to one of the parent team's, and individual ones aligned to the person's team.
 * Pure; the values a key result reports over time come from simulate.ts.
 */

/** Slot 0 is the previous (closed) cycle, slot 1 the current (active) one. */
export type Slot = 0 | 1;

/** What the latest check-in left on the key result, as lib/okr/progress.ts computes it. */
export interface KeyResultState {
  current: number;
  lastCheckInAt: Date | null;
  lastConfidence: Confidence | null;
  achievement: string;
  progress: string;
}

export interface KeyResultPlan extends MeasurePlan {
  /** Unique in the organisation: seeds the key result's series and its check-ins' ids. */
  index: number;
  id: string;
  objectiveId: string;
  owner: number;
  weight: number;
  position: number;
  dueDate: string;
  createdAt: Date;
  /** Active cycle: stops reporting this many weeks before today (stale). */
  silentWeeks: number;
  /** Active cycle: never reported at all. */
  neverChecked: boolean;
  state: KeyResultState;
}

export interface ObjectivePlan {
  id: string;
  slot: Slot;
  level: ObjectiveLevel;
  team: number | null;
  owner: number;
  parentId: string | null;
  parentKeyResultId: string | null;
  title: string;
  description: string;
  /** Alignment depth: parents (and their key results) are inserted before their children. */
  generation: number;
  createdAt: Date;
  reflection: string | null;
  keyResults: KeyResultPlan[];
  /** The rollup of its key results (rollup mode key_results), set by simulate.ts. */
  progress: string;
}

const UNALIGNED = 0.05;
const SLOT_STRIDE = 1_000_000;

/** How many individual objectives a person has in a cycle: a pure function, so logins.ts can ask. */
export function individualObjectiveCount(shape: OrgShape, slot: Slot, person: number): number {
  const random = seriesFor(shape.namespace, `individual-${slot}`)(person);
  if (random() >= shape.individualShare) return 0;
  return random() < 0.5 ? 1 : 2;
}

function objectiveTitle(random: Random, level: ObjectiveLevel): string {
  if (random() < 0.2) return pick(random, norwegianObjectives);
  if (level === "individual" && random() < 0.5) return pick(random, personalObjectives);
  return `${pick(random, objectiveOpenings)} ${pick(random, objectiveSubjects)}`;
}

export interface CycleInput {
  shape: OrgShape;
  people: PeoplePlan;
  slot: Slot;
  cycle: Period;
  active: boolean;
}

export function planCycle({ shape, people, slot, cycle, active }: CycleInput): ObjectivePlan[] {
  const random = seriesFor(shape.namespace, `okrs-${slot}`)(0);
  const objectiveId = idMaker(shape.namespace, "objective");
  const keyResultId = idMaker(shape.namespace, "key_result");
  const objectives: ObjectivePlan[] = [];
  let keyResultCount = 0;

  // OKRs are drafted before the quarter starts: company first, then teams, then people.
  const draftedOn = (daysBefore: number, hour: number) => atTime(weekdayOnOrBefore(addDays(cycle.startDate, -daysBefore)), hour).getTime();
  const drafted: Record<ObjectiveLevel, number> = { company: draftedOn(7, 9), team: draftedOn(4, 10), individual: draftedOn(2, 13) };

  function add(level: ObjectiveLevel, team: TeamPlan | null, owner: number, parent: ObjectivePlan | null, keyResultOwner: (position: number) => number) {
    const aligned = parent !== null && random() >= UNALIGNED ? parent : null;
    const parentKeyResult = aligned && random() < 0.25 ? pick(random, toTuple(aligned.keyResults)) : null;
    const id = objectiveId(slot * SLOT_STRIDE + objectives.length);
    const at = new Date(drafted[level] + integerBetween(random, 0, 59) * 60_000);
    const generation = level === "company" ? 0 : (team?.depth ?? 0) + (level === "team" ? 1 : 2);
    const objective: ObjectivePlan = {
      id,
      slot,
      level,
      team: level === "team" && team ? team.index : null,
      owner,
      parentId: aligned?.id ?? null,
      parentKeyResultId: parentKeyResult?.id ?? null,
      title: objectiveTitle(random, level),
      description: level === "company" && team === null ? "Everyone's work rolls up here. Vi lykkes sammen." : "",
      generation,
      createdAt: at,
      reflection: !active && random() < 0.4 ? pick(random, reflections) : null,
      keyResults: [],
      progress: "0.000000",
    };
    const count = integerBetween(random, shape.keyResultsPerObjective[0], shape.keyResultsPerObjective[1]);
    for (let position = 0; position < count; position++) {
      const index = slot * SLOT_STRIDE + keyResultCount++;
      const measure = planMeasure(random, random() < 0.2);
      const early = random() < 0.2 ? integerBetween(random, 7, 40) : 0;
      const silent = active && random() < 0.08 ? integerBetween(random, 2, 3) : 0;
      // Object.assign, not a spread: V8 builds spread-and-extend literals in dictionary mode (slow, big).
      const keyResult: KeyResultPlan = Object.assign(measure, {
        index,
        id: keyResultId(index),
        objectiveId: id,
        owner: keyResultOwner(position),
        weight: random() < 0.2 ? 2 : 1,
        position,
        dueDate: addDays(cycle.endDate, -early),
        createdAt: new Date(at.getTime() + (position + 1) * 3 * 60_000),
        silentWeeks: silent,
        neverChecked: active && silent === 0 && random() < 0.02,
        state: { current: measure.start, lastCheckInAt: null, lastConfidence: null, achievement: "0.000000", progress: "0.000000" },
      });
      objective.keyResults.push(keyResult);
    }
    objectives.push(objective);
    return objective;
  }

  const leadership = Array.from({ length: shape.admins + 1 }, (_, i) => i + 1);
  const divisionLeads = people.teams.filter((team) => team.depth === 0).map((team) => team.lead);
  const companyOwners = toTuple([...leadership, ...divisionLeads]);
  const company: ObjectivePlan[] = [];
  for (let i = 0; i < shape.companyObjectives; i++) {
    company.push(add("company", null, (i % leadership.length) + 1, null, () => pick(random, companyOwners)));
  }

  // Teams come breadth-first, so a parent team's objectives exist before its children's.
  const byTeam = new Map<number, ObjectivePlan[]>();
  for (const team of people.teams) {
    const parents = team.parent === null ? company : (byTeam.get(team.parent) ?? company);
    const members = toTuple(team.members);
    const own: ObjectivePlan[] = [];
    const count = integerBetween(random, shape.teamObjectives[0], shape.teamObjectives[1]);
    for (let i = 0; i < count; i++) {
      own.push(add("team", team, team.lead, pick(random, toTuple(parents)), (position) => (position === 0 ? team.lead : pick(random, members))));
    }
    byTeam.set(team.index, own);
  }

  for (const person of people.people) {
    const count = individualObjectiveCount(shape, slot, person.n);
    const team = itemAt(people.teams, person.team);
    const teamObjectives = toTuple(byTeam.get(team.index) ?? company);
    for (let i = 0; i < count; i++) add("individual", team, person.n, pick(random, teamObjectives), () => person.n);
  }

  return objectives.sort((a, b) => a.generation - b.generation);
}

function toTuple<T>(items: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error("Large seed: expected a non-empty list");
  return [first, ...rest];
}
