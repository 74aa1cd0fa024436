import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkIns, cycles, keyResults, objectiveProgressHistory, objectives, teams, type Confidence } from "@/db/schema";
import { createKeyResult } from "@/lib/services/key-results";
import { createObjective } from "@/lib/services/objectives";
import { createTeam } from "@/lib/services/teams";
import { now as clock } from "@/lib/clock";
import { weekStart } from "@/lib/okr/week";
import { activeCycleId, keyResultInput, objectiveInput } from "./okr-world";
import { newOrganisation } from "./world";

const DAY = 86_400_000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A small organisation whose every figure on the dashboard and the weekly review is known by hand:
 *
 *   cycle: started 35 days ago, ends in 56 days (active)
 *   teams: Commerce ─ Marketing, and Platform
 *   company  C1 "Grow"    50 %  k1 on track (today), k2 at risk (today), k3 not started (new)
 *   company  C2 "Delight" 10 %  no key results
 *   team     M1 Marketing 40 %  k4 off track (today, was on track 10 days ago), k5 stale (10 days ago)
 *   team     O1 Commerce  80 %  k6 on track (today)
 *   team     P1 Platform   5 %  no key results
 *
 * Objectives were created when the cycle started; key results k1–k6 too, except k3 (created now).
 * History: M1 was at 20 % last week and 40 % today; C1 50 %, C2 10 % and O1 80 % today.
 */
export async function reportWorld(label = "Report") {
  const org = await newOrganisation(label);
  const ctx = org.ownerCtx;
  const ownerId = org.owner.id;
  const cycleId = await activeCycleId(ctx);
  const now = clock();
  const start = new Date(now.getTime() - 35 * DAY);
  const db = await getDb();
  await db
    .update(cycles)
    .set({ startDate: isoDay(start), endDate: isoDay(new Date(now.getTime() + 56 * DAY)) })
    .where(and(eq(cycles.orgId, org.orgId), eq(cycles.id, cycleId)));

  const commerce = await createTeam(ctx, { name: "Commerce" });
  const marketing = await createTeam(ctx, { name: "Marketing", parentTeamId: commerce.id });
  const platform = await createTeam(ctx, { name: "Platform" });

  const objective = (title: string, overrides: Parameters<typeof objectiveInput>[2] = {}) =>
    createObjective(ctx, objectiveInput(ctx, cycleId, { title, ...overrides })).then((row) => row.id);
  const c1 = await objective("Grow");
  const c2 = await objective("Delight");
  const m1 = await objective("Win the spring campaign", { level: "team", teamId: marketing.id, parentObjectiveId: c1 });
  const o1 = await objective("Serve every customer well", { level: "team", teamId: commerce.id, parentObjectiveId: c1 });
  const p1 = await objective("Make the shop fast", { level: "team", teamId: platform.id });

  const keyResult = (objectiveId: string, title: string) =>
    createKeyResult(ctx, objectiveId, keyResultInput(ownerId, { title })).then((row) => row.id);
  const k1 = await keyResult(c1, "Grow revenue from 30 to 50");
  const k2 = await keyResult(c1, "Grow repeat customers from 30 to 50");
  const k3 = await keyResult(c1, "Grow NPS from 30 to 50");
  const k4 = await keyResult(m1, "Grow newsletter readers from 30 to 50");
  const k5 = await keyResult(m1, "Grow campaign clicks from 30 to 50");
  const k6 = await keyResult(o1, "Grow answered tickets from 30 to 50");

  const tenDaysAgo = new Date(now.getTime() - 10 * DAY);
  // An hour ago, but never before today 00:00 UTC (which is never before Monday's): "today's"
  // check-ins are today's and this week's on every day, just after midnight too.
  const recently = new Date(Math.max(Date.parse(`${isoDay(now)}T00:00:00Z`), now.getTime() - 3_600_000));
  // Check-ins are written directly so their times are exact; the key results' latest values follow them.
  const history: Array<{ kr: string; at: Date; value: string; previous: string | null; confidence: Confidence; note: string }> = [
    { kr: k1, at: recently, value: "40", previous: "30", confidence: "on_track", note: "Revenue up after the sale" },
    { kr: k2, at: recently, value: "35", previous: "30", confidence: "at_risk", note: "" },
    { kr: k4, at: tenDaysAgo, value: "34", previous: "30", confidence: "on_track", note: "Good start" },
    { kr: k4, at: recently, value: "36", previous: "34", confidence: "off_track", note: "Open rate, ø and å: \"=SUM\" dropped" },
    { kr: k5, at: tenDaysAgo, value: "33", previous: "30", confidence: "on_track", note: "" },
    { kr: k6, at: recently, value: "46", previous: "30", confidence: "on_track", note: "" },
  ];
  await db.insert(checkIns).values(
    history.map((entry) => ({
      orgId: org.orgId,
      id: randomUUID(),
      keyResultId: entry.kr,
      authorUserId: ownerId,
      value: entry.value,
      previousValue: entry.previous,
      confidence: entry.confidence,
      note: entry.note,
      createdAt: entry.at,
    })),
  );
  const latest = new Map(history.map((entry) => [entry.kr, entry]));
  for (const [kr, entry] of latest) {
    await db
      .update(keyResults)
      .set({ lastCheckInAt: entry.at, lastConfidence: entry.confidence, currentValue: entry.value, progress: sql`(${entry.value}::numeric - 30) / 20`, achievement: sql`(${entry.value}::numeric - 30) / 20` })
      .where(and(eq(keyResults.orgId, org.orgId), eq(keyResults.id, kr)));
  }
  // An hour into the cycle's first day (not 35 days ago to the hour, which is the next UTC week
  // when the cycle's first day is a Sunday).
  const startedAt = new Date(Date.parse(`${isoDay(start)}T01:00:00Z`));
  await db
    .update(keyResults)
    .set({ createdAt: startedAt })
    .where(and(eq(keyResults.orgId, org.orgId), sql`${keyResults.id} <> ${k3}`));

  const progress: Record<string, string> = { [c1]: "0.5", [c2]: "0.1", [m1]: "0.4", [o1]: "0.8", [p1]: "0.05" };
  for (const [id, value] of Object.entries(progress)) {
    await db
      .update(objectives)
      .set({ progress: value, createdAt: startedAt })
      .where(and(eq(objectives.orgId, org.orgId), eq(objectives.id, id)));
  }
  const today = isoDay(now);
  // Monday of last week: in the previous week for the weekly series, and at least seven days ago on
  // every weekday for the review (a Thursday was newer than that from Monday to Wednesday).
  const lastWeek = isoDay(new Date(weekStart(now).getTime() - 7 * DAY));
  await db.delete(objectiveProgressHistory).where(eq(objectiveProgressHistory.orgId, org.orgId));
  await db.insert(objectiveProgressHistory).values([
    { orgId: org.orgId, objectiveId: m1, day: lastWeek, progress: "0.2" },
    { orgId: org.orgId, objectiveId: m1, day: today, progress: "0.4" },
    { orgId: org.orgId, objectiveId: c1, day: today, progress: "0.5" },
    { orgId: org.orgId, objectiveId: c2, day: today, progress: "0.1" },
    { orgId: org.orgId, objectiveId: o1, day: today, progress: "0.8" },
  ]);
  const [cycle] = await db.select().from(cycles).where(and(eq(cycles.orgId, org.orgId), eq(cycles.id, cycleId)));
  if (!cycle) throw new Error("no cycle");
  return {
    org,
    ctx,
    cycle,
    teams: { commerce: commerce.id, marketing: marketing.id, platform: platform.id },
    objectives: { c1, c2, m1, o1, p1 },
    keyResults: { k1, k2, k3, k4, k5, k6 },
    now,
    /** When "today's" check-ins were made: the day before `now` in the first hour of a day that is not a Monday. */
    checkedInAt: recently,
  };
}

/**
 * Grows an organisation by bulk inserts (as the database owner, far faster than the services):
 * `size` more teams in a hierarchy, and per team objectives, key results, check-ins and history.
 */
export async function growOrganisation(orgId: string, cycleId: string, ownerId: string, size: number) {
  const db = await getDb();
  const teamRows: Array<typeof teams.$inferInsert> = [];
  for (let i = 0; i < size; i++) {
    const parent = i > 0 && i % 3 !== 0 ? teamRows[Math.floor(i / 3) * 3]?.id : null;
    teamRows.push({ orgId, id: randomUUID(), name: `Grown team ${i} ${randomUUID().slice(0, 6)}`, parentTeamId: parent ?? null });
  }
  await db.insert(teams).values(teamRows);
  const objectiveRows: Array<typeof objectives.$inferInsert & { id: string }> = teamRows.flatMap((team, i) =>
    Array.from({ length: 4 }, (_, j) => ({
      orgId,
      id: randomUUID(),
      cycleId,
      level: "team" as const,
      teamId: team.id,
      ownerUserId: ownerId,
      title: `Grown objective ${i}.${j}`,
      progress: ((i * 7 + j * 13) % 100 / 100).toFixed(6),
    })),
  );
  objectiveRows.push(
    ...Array.from({ length: size }, (_, i) => ({
      orgId,
      id: randomUUID(),
      cycleId,
      level: "company" as const,
      ownerUserId: ownerId,
      title: `Grown company objective ${i}`,
      progress: ((i * 11) % 100 / 100).toFixed(6),
    })),
  );
  for (let i = 0; i < objectiveRows.length; i += 500) await db.insert(objectives).values(objectiveRows.slice(i, i + 500));
  const confidences: Confidence[] = ["on_track", "at_risk", "off_track"];
  const krRows = objectiveRows.flatMap((objective, i) =>
    Array.from({ length: 3 }, (_, j) => ({
      orgId,
      id: randomUUID(),
      objectiveId: objective.id,
      title: `Grown key result ${i}.${j} from 0 to 10`,
      targetValue: "10",
      currentValue: String((i + j) % 11),
      ownerUserId: ownerId,
      dueDate: "2099-12-31",
      progress: (((i + j) % 11) / 10).toFixed(6),
      lastCheckInAt: j === 2 ? null : new Date(clock().getTime() - ((i + j) % 12) * DAY),
      lastConfidence: j === 2 ? null : (confidences[(i + j) % 3] as Confidence),
    })),
  );
  for (let i = 0; i < krRows.length; i += 500) await db.insert(keyResults).values(krRows.slice(i, i + 500));
  const checkInRows = krRows.flatMap((kr, i) =>
    Array.from({ length: 3 }, (_, j) => ({
      orgId,
      id: randomUUID(),
      keyResultId: kr.id,
      authorUserId: ownerId,
      value: String(j + 1),
      previousValue: String(j),
      confidence: confidences[(i + j) % 3] as Confidence,
      note: j === 0 ? `Note ${i}` : "",
      createdAt: new Date(clock().getTime() - (j * 5 + (i % 3)) * DAY),
    })),
  );
  for (let i = 0; i < checkInRows.length; i += 500) await db.insert(checkIns).values(checkInRows.slice(i, i + 500));
  const historyRows = objectiveRows.flatMap((objective, i) =>
    Array.from({ length: 4 }, (_, j) => ({
      orgId,
      objectiveId: objective.id,
      day: isoDay(new Date(clock().getTime() - j * 7 * DAY)),
      progress: (((i + 4 - j) % 10) / 10).toFixed(6),
    })),
  );
  for (let i = 0; i < historyRows.length; i += 500) await db.insert(objectiveProgressHistory).values(historyRows.slice(i, i + 500));
  // As autovacuum would soon after a bulk load: without statistics the planner guesses one row per table.
  await db.execute(sql`analyze teams, objectives, key_results, check_ins, objective_progress_history`);
  return { teams: teamRows.length, objectives: objectiveRows.length, keyResults: krRows.length, checkIns: checkInRows.length };
}
