import { finalScore } from "@/lib/okr/progress";
import { idMaker } from "./ids";
import type { KeyResultPlan, ObjectivePlan } from "./okrs";
import { simulateObjective, type CycleBuild, type OrgBuild } from "./plan";
import { progressColumns, historyOf, type SimulatedCheckIn } from "./simulate";
import { tsv, type Session } from "./sql";
import { counted, formatCount, itemAt, type Log } from "./util";

/** Objectives, key results, check-ins, progress history and activity, streamed with COPY. */

const iso = (date: Date | number | null) => (date === null ? null : new Date(date).toISOString());
const userOf = (org: OrgBuild, n: number) => itemAt(org.people.people, n - 1).userId;
const teamIdOf = (org: OrgBuild, objective: ObjectivePlan) => (objective.team === null ? null : itemAt(org.people.teams, objective.team).id);

interface Each {
  org: OrgBuild;
  cycle: CycleBuild;
  objective: ObjectivePlan;
}

function* objectivesOf(orgs: readonly OrgBuild[]): Generator<Each> {
  for (const org of orgs) for (const cycle of org.cycles) for (const objective of cycle.objectives) yield { org, cycle, objective };
}

const objectiveColumns = [
  "org_id", "id", "cycle_id", "level", "team_id", "owner_user_id", "parent_objective_id", "parent_key_result_id", "title",
  "description", "rollup_mode", "progress", "score", "reflection", "created_by_user_id", "created_at", "updated_at",
];

function objectiveLine({ org, cycle, objective }: Each): string {
  const owner = userOf(org, objective.owner);
  const lastCheckIn = Math.max(objective.createdAt.getTime(), ...objective.keyResults.map((kr) => kr.state.lastCheckInAt?.getTime() ?? 0));
  const closed = cycle.status === "closed";
  return tsv([
    org.orgId, objective.id, cycle.id, objective.level, teamIdOf(org, objective), owner, objective.parentId, objective.parentKeyResultId,
    objective.title, objective.description, "key_results", objective.progress, closed ? finalScore(Number(objective.progress)).toFixed(6) : null,
    objective.reflection, owner, iso(objective.createdAt), iso(closed ? cycle.closedAt : lastCheckIn),
  ]);
}

const keyResultColumns = [
  "org_id", "id", "objective_id", "title", "description", "unit", "currency_code", "unit_label", "direction", "start_value",
  "target_value", "current_value", "owner_user_id", "due_date", "weight", "position", "achievement", "progress",
  "last_check_in_at", "last_confidence", "created_at", "updated_at",
];

function keyResultLine(org: OrgBuild, kr: KeyResultPlan): string {
  const { state } = kr;
  return tsv([
    org.orgId, kr.id, kr.objectiveId, kr.title, "", kr.unit, kr.currencyCode, kr.unitLabel, kr.direction, kr.start, kr.target,
    state.current, userOf(org, kr.owner), kr.dueDate, kr.weight, kr.position, state.achievement, state.progress,
    iso(state.lastCheckInAt), state.lastConfidence, iso(kr.createdAt), iso(state.lastCheckInAt ?? kr.createdAt),
  ]);
}

/** Generation by generation: an aligned objective's parent and the parent's key results exist first. */
export async function loadObjectives(session: Session, orgs: readonly OrgBuild[], log: Log): Promise<{ objectives: number; keyResults: number }> {
  const all = [...objectivesOf(orgs)];
  const generations = [...new Set(all.map(({ objective }) => objective.generation))].sort((a, b) => a - b);
  const totals = { objectives: all.length, keyResults: all.reduce((total, { objective }) => total + objective.keyResults.length, 0) };
  let objectives = 0;
  let keyResults = 0;
  for (const generation of generations) {
    const rows = all.filter(({ objective }) => objective.generation === generation);
    await session.copy("objectives", objectiveColumns, rows.map(objectiveLine));
    await session.copy("key_results", keyResultColumns, function* () {
      for (const { org, objective } of rows) for (const kr of objective.keyResults) yield keyResultLine(org, kr);
    }());
    objectives += rows.length;
    keyResults += rows.reduce((total, { objective }) => total + objective.keyResults.length, 0);
    log(`  objectives ${formatCount(objectives)} / ${formatCount(totals.objectives)}, key results ${formatCount(keyResults)} (alignment depth ${generation})`);
  }
  return totals;
}

interface Recent {
  at: number;
  line: string;
}

/** The newest `limit` items by time, kept in bounded memory. */
class Newest {
  private items: Recent[] = [];
  private floor = -Infinity;
  constructor(private readonly limit: number) {}
  offer(at: number, line: () => string) {
    if (at <= this.floor) return;
    this.items.push({ at, line: line() });
    if (this.items.length >= this.limit * 2) this.trim();
  }
  private trim() {
    this.items.sort((a, b) => b.at - a.at);
    this.items.length = Math.min(this.items.length, this.limit);
    if (this.items.length === this.limit) this.floor = this.items[this.items.length - 1]?.at ?? -Infinity;
  }
  lines(): string[] {
    this.trim();
    return this.items.map((item) => item.line);
  }
}

const checkInColumns = ["org_id", "id", "key_result_id", "author_user_id", "value", "previous_value", "confidence", "note", "created_at"];
const activityColumns = [
  "org_id", "id", "actor_user_id", "action", "entity_type", "entity_id", "objective_id", "key_result_id", "team_id", "before", "after", "created_at",
];

function activityLine(org: OrgBuild, each: Each, kr: KeyResultPlan, checkIn: SimulatedCheckIn, id: string, author: string): string {
  const progress = (value: number) => Number(progressColumns(kr, value).progress);
  const before = { value: String(checkIn.previous), progress: progress(checkIn.previous) };
  const after = { value: String(checkIn.value), confidence: checkIn.confidence, note: checkIn.note, progress: progress(checkIn.value) };
  return tsv([
    org.orgId, id, author, "check_in.created", "key_result", kr.id, each.objective.id, kr.id, teamIdOf(org, each.objective),
    JSON.stringify(before), JSON.stringify(after), iso(checkIn.at),
  ]);
}

/** Every check-in, and an activity row for the newest ones of each organisation. */
export async function loadCheckIns(session: Session, orgs: readonly OrgBuild[], log: Log): Promise<{ checkIns: number; activity: number }> {
  const total = orgs.reduce((sum, org) => sum + org.checkInCount, 0);
  const newest = new Map(orgs.map((org) => [org.orgId, new Newest(org.shape.activityLimit)]));
  const checkInId = new Map(orgs.map((org) => [org.orgId, idMaker(org.shape.namespace, "check_in")]));
  const activityId = new Map(orgs.map((org) => [org.orgId, idMaker(org.shape.namespace, "activity")]));
  function* lines(): Generator<string> {
    for (const each of objectivesOf(orgs)) {
      const { org, cycle, objective } = each;
      const recent = newest.get(org.orgId);
      const makeId = checkInId.get(org.orgId);
      const makeActivityId = activityId.get(org.orgId);
      if (!recent || !makeId || !makeActivityId) continue;
      const series = simulateObjective(org, cycle, objective, true);
      for (const [i, checkIns] of series.entries()) {
        const kr = itemAt(objective.keyResults, i);
        for (const checkIn of checkIns) {
          const counter = kr.index * 16 + checkIn.week;
          const author = userOf(org, checkIn.author);
          yield tsv([org.orgId, makeId(counter), kr.id, author, checkIn.value, checkIn.previous, checkIn.confidence, checkIn.note, iso(checkIn.at)]);
          recent.offer(checkIn.at, () => activityLine(org, each, kr, checkIn, makeActivityId(counter), author));
        }
      }
    }
  }
  await session.copy("check_ins", checkInColumns, counted(lines(), "check-ins", total, log));
  const activity = [...newest.values()].flatMap((recent) => recent.lines());
  await session.copy("activity", activityColumns, activity);
  log(`  activity ${formatCount(activity.length)} (the newest check-ins)`);
  return { checkIns: total, activity: activity.length };
}

/** One point per objective per week, from the same simulation. */
export async function loadHistory(session: Session, orgs: readonly OrgBuild[], log: Log): Promise<number> {
  const total = orgs.reduce((sum, org) => sum + org.cycles.reduce((n, cycle) => n + cycle.objectives.length * cycle.window.points.length, 0), 0);
  function* lines(): Generator<string> {
    for (const { org, cycle, objective } of objectivesOf(orgs)) {
      const progress = historyOf(objective, simulateObjective(org, cycle, objective, false), cycle.window);
      for (const [i, point] of cycle.window.points.entries()) yield tsv([org.orgId, objective.id, point.day, itemAt(progress, i)]);
    }
  }
  await session.copy("objective_progress_history", ["org_id", "objective_id", "day", "progress"], counted(lines(), "progress history", total, log));
  return total;
}
