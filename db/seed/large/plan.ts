import { quarterBefore, quarterContaining, type CyclePeriod } from "@/lib/okr/cycles";
import { dayStart } from "@/lib/okr/progress";
import { addDays, atTime, weekdayOnOrBefore } from "../calendar";
import type { Random } from "../random";
import { idMaker, seriesFor } from "./ids";
import { planCycle, type ObjectivePlan, type Slot } from "./okrs";
import { planPeople, type PeoplePlan } from "./people";
import { cycleWindow, rollup, simulateKeyResult, stateOf, type CycleWindow, type SimulatedCheckIn } from "./simulate";
import type { OrgShape } from "./sizes";

/**
 * A whole generated organisation in memory, short of its check-ins: people, teams, both cycles and
 * their objectives and key results, with every stored value already computed. Check-ins are
 * re-simulated (cheaply, deterministically) while they stream into the database.
 */

export interface CycleBuild extends CyclePeriod {
  slot: Slot;
  id: string;
  status: "closed" | "active";
  closedAt: Date | null;
  createdAt: Date;
  window: CycleWindow;
  objectives: ObjectivePlan[];
}

export interface OrgBuild {
  shape: OrgShape;
  orgId: string;
  createdAt: Date;
  people: PeoplePlan;
  cycles: CycleBuild[];
  checkInSeries: (keyResultIndex: number) => Random;
  noteSeries: (keyResultIndex: number) => Random;
  /** Check-ins the simulation will produce, for progress reporting. */
  checkInCount: number;
}

/** The check-ins of each of an objective's key results. */
export function simulateObjective(org: OrgBuild, cycle: CycleBuild, objective: ObjectivePlan, withNotes: boolean): SimulatedCheckIn[][] {
  return objective.keyResults.map((kr) =>
    simulateKeyResult(kr, objective.owner, cycle.window, org.checkInSeries(kr.index), withNotes ? org.noteSeries(kr.index) : null),
  );
}

/** `today` is a UTC calendar day (YYYY-MM-DD); the same day gives the same organisation. */
export function planOrganisation(shape: OrgShape, today: string): OrgBuild {
  const current = quarterContaining(today, 1);
  const previous = quarterBefore(current, 1);
  const cycleId = idMaker(shape.namespace, "cycle");
  const people = planPeople(shape);
  const closedAt = new Date(Math.min(atTime(current.startDate, 9).getTime(), dayStart(today)));

  const cycles: CycleBuild[] = [previous, current].map((period, slot) => {
    const active = slot === 1;
    return {
      ...period,
      slot: active ? 1 : 0,
      id: cycleId(slot),
      status: active ? "active" : "closed",
      closedAt: active ? null : closedAt,
      createdAt: atTime(weekdayOnOrBefore(addDays(period.startDate, active ? -10 : -14)), 9, 30),
      window: cycleWindow(period, active, today),
      objectives: planCycle({ shape, people, slot: active ? 1 : 0, cycle: period, active }),
    };
  });

  const org: OrgBuild = {
    shape,
    orgId: idMaker(shape.namespace, "organisation")(0),
    createdAt: atTime(weekdayOnOrBefore(addDays(previous.startDate, -21)), 9, 0),
    people,
    cycles,
    checkInSeries: seriesFor(shape.namespace, "check-ins"),
    noteSeries: seriesFor(shape.namespace, "notes"),
    checkInCount: 0,
  };

  // Where every key result stands now, and the rollup of each objective.
  for (const cycle of cycles) {
    for (const objective of cycle.objectives) {
      simulateObjective(org, cycle, objective, false).forEach((checkIns, i) => {
        const kr = objective.keyResults[i];
        if (!kr) return;
        kr.state = stateOf(kr, checkIns);
        org.checkInCount += checkIns.length;
      });
      objective.progress = rollup(objective.keyResults.map((kr) => ({ progress: kr.state.progress, weight: kr.weight })));
    }
  }
  return org;
}
