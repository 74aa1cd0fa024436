import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives } from "@/db/schema";
import { now } from "@/lib/clock";
import type { OrgEvent } from "@/lib/integrations/events";
import { keyResultStatus, worstStatus, type Status } from "@/lib/okr/progress";
import { emitEvents, integrationsListening } from "./integration-events";

/**
 * Key results' and objectives' statuses at one moment, by the rules of lib/okr/progress.ts
 * (keyResultStatus, worstStatus: an objective's status is its worst key result's). A write takes
 * one before and one after, inside its transaction, and emits an event only for what changed.
 */
export interface StatusSnapshot {
  keyResults: Map<string, { title: string; objectiveId: string; status: Status }>;
  objectives: Map<string, { title: string; teamId: string | null; status: Status | null }>;
}

/**
 * The statuses of the objectives that hold these key results (or of these objectives), and of all
 * their key results.
 */
export async function statusSnapshot(tx: Tx, orgId: string, of: { keyResultIds: readonly string[] } | { objectiveIds: readonly string[] }, at: Date): Promise<StatusSnapshot> {
  const snapshot: StatusSnapshot = { keyResults: new Map(), objectives: new Map() };
  const ids = "keyResultIds" in of ? of.keyResultIds : of.objectiveIds;
  if (ids.length === 0) return snapshot;
  const holders =
    "keyResultIds" in of
      ? tx
          .select({ id: keyResults.objectiveId })
          .from(keyResults)
          .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.id, [...of.keyResultIds])))
      : [...of.objectiveIds];
  const rows = await tx
    .select({
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      teamId: objectives.teamId,
      cycleStatus: cycles.status,
      cycleStart: cycles.startDate,
      id: keyResults.id,
      title: keyResults.title,
      lastCheckInAt: keyResults.lastCheckInAt,
      lastConfidence: keyResults.lastConfidence,
      createdAt: keyResults.createdAt,
    })
    .from(objectives)
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .leftJoin(keyResults, and(eq(keyResults.orgId, objectives.orgId), eq(keyResults.objectiveId, objectives.id)))
    .where(and(eq(objectives.orgId, orgId), inArray(objectives.id, holders)));
  const perObjective = new Map<string, Status[]>();
  for (const row of rows) {
    const statuses = perObjective.get(row.objectiveId) ?? [];
    perObjective.set(row.objectiveId, statuses);
    if (!snapshot.objectives.has(row.objectiveId)) snapshot.objectives.set(row.objectiveId, { title: row.objectiveTitle, teamId: row.teamId, status: null });
    if (row.id === null || row.title === null || row.createdAt === null) continue;
    const status = keyResultStatus({ lastCheckInAt: row.lastCheckInAt, lastConfidence: row.lastConfidence, createdAt: row.createdAt }, { status: row.cycleStatus, startDate: row.cycleStart }, at);
    statuses.push(status);
    snapshot.keyResults.set(row.id, { title: row.title, objectiveId: row.objectiveId, status });
  }
  for (const [id, statuses] of perObjective) {
    const objective = snapshot.objectives.get(id);
    if (objective) objective.status = worstStatus(statuses);
  }
  return snapshot;
}

/** The status changes between two snapshots, as events: key results first, then objectives. */
export function statusChanges(before: StatusSnapshot, after: StatusSnapshot): OrgEvent[] {
  const events: OrgEvent[] = [];
  for (const [id, now] of after.keyResults) {
    const was = before.keyResults.get(id);
    const objective = after.objectives.get(now.objectiveId);
    if (!was || was.status === now.status || !objective) continue;
    events.push({
      type: "key_result.status_changed",
      data: { keyResult: { id, title: now.title }, objective: { id: now.objectiveId, title: objective.title, teamId: objective.teamId }, from: was.status, to: now.status },
    });
  }
  for (const [id, now] of after.objectives) {
    const was = before.objectives.get(id);
    if (!was || was.status === now.status) continue;
    events.push({ type: "objective.status_changed", data: { objective: { id, title: now.title, teamId: now.teamId }, from: was.status, to: now.status } });
  }
  return events;
}

/**
 * For writes that add or remove key results: an objective's status is its worst key result's, so
 * a new key result (not started) or a deleted one can change it. Nothing is read when no
 * integration listens.
 */
export async function withObjectiveStatusEvents<T>(tx: Tx, orgId: string, objectiveId: string, write: () => Promise<T>): Promise<T> {
  if (!(await integrationsListening(tx, orgId))) return write();
  const at = now();
  const before = await statusSnapshot(tx, orgId, { objectiveIds: [objectiveId] }, at);
  const result = await write();
  const after = await statusSnapshot(tx, orgId, { objectiveIds: [objectiveId] }, at);
  await emitEvents(tx, orgId, statusChanges(before, after));
  return result;
}
