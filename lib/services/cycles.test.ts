import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, cycles, keyResults, objectives, type CycleStatus, type ObjectiveLevel } from "@/db/schema";
import { finalScore } from "@/lib/okr/progress";
import { withTenant } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { contextFor, newOrganisation, type TestOrganisation } from "@/tests/world";
import {
  activateCycle,
  assertCycleWritable,
  closeCycle,
  createNextCycle,
  cycleStats,
  finalScoreSql,
  getCycle,
  listCycles,
  listCyclesWithStats,
  listOwedReflections,
  nextCyclePeriod,
  saveReflection,
} from "./cycles";
import { updateOrganisation } from "./organisations";
import { createTeam } from "./teams";
import { now } from "@/lib/clock";
import { z } from "zod";
import { parseRows } from "./sql-rows";

setupTestDatabase();

async function currentCycleId(org: TestOrganisation): Promise<string> {
  const [cycle] = await listCycles(org.ownerCtx);
  if (!cycle) throw new Error("no cycle");
  return cycle.id;
}

async function insertCycle(orgId: string, values: { name: string; startDate: string; endDate: string; status?: CycleStatus }) {
  const db = await getDb();
  const [row] = await db.insert(cycles).values({ orgId, status: "planning", ...values }).returning();
  if (!row) throw new Error("no cycle");
  return row;
}

async function insertObjective(
  orgId: string,
  cycleId: string,
  ownerUserId: string,
  values: { title?: string; progress?: string; level?: ObjectiveLevel; teamId?: string; archived?: boolean } = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(objectives)
    .values({
      orgId,
      cycleId,
      ownerUserId,
      level: values.level ?? "individual",
      teamId: values.teamId ?? null,
      title: values.title ?? "Delight our customers",
      progress: values.progress ?? "0",
      archivedAt: values.archived ? now() : null,
    })
    .returning();
  if (!row) throw new Error("no objective");
  return row;
}

async function insertKeyResult(orgId: string, objectiveId: string, ownerUserId: string) {
  const db = await getDb();
  await db.insert(keyResults).values({ orgId, objectiveId, ownerUserId, title: "Measure it", targetValue: "10", dueDate: "2030-12-31" });
}

async function objectiveRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(objectives).where(eq(objectives.id, id));
  if (!row) throw new Error("objective vanished");
  return row;
}

async function cycleRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  if (!row) throw new Error("cycle vanished");
  return row;
}

async function activityCount(orgId: string, action: string) {
  const db = await getDb();
  const rows = await db.select({ id: activity.id }).from(activity).where(and(eq(activity.orgId, orgId), sql`${activity.action} = ${action}`));
  return rows.length;
}

describe("creating the next cycle", () => {
  it("makes the fiscal quarter after the latest cycle, in planning, following the fiscal year", async () => {
    const org = await newOrganisation();
    await insertCycle(org.orgId, { name: "Q4 2030", startDate: "2030-10-01", endDate: "2030-12-31" });
    const next = await createNextCycle(org.ownerCtx);
    expect(next).toMatchObject({ name: "Q1 2031", startDate: "2031-01-01", endDate: "2031-03-31", status: "planning" });
    expect(await activityCount(org.orgId, "cycle.created")).toBe(1);

    await updateOrganisation(org.ownerCtx, { name: "Fiscal", slug: org.slug, fiscalYearStartMonth: 7 });
    const fiscal = await contextFor(org.owner.id, org.slug);
    expect(await createNextCycle(fiscal)).toMatchObject({ name: "Q4 FY2031", startDate: "2031-04-01", endDate: "2031-06-30", status: "planning" });
    expect(await createNextCycle(fiscal)).toMatchObject({ name: "Q1 FY2032", startDate: "2031-07-01", endDate: "2031-09-30" });
  });

  it("makes the quarter containing today when there is no cycle yet", async () => {
    const org = await newOrganisation();
    const db = await getDb();
    await db.delete(cycles).where(eq(cycles.orgId, org.orgId));
    expect(await createNextCycle(org.ownerCtx, new Date(2026, 4, 20))).toMatchObject({
      name: "Q2 2026",
      startDate: "2026-04-01",
      endDate: "2026-06-30",
      status: "planning",
    });
  });

  it("never overlaps the latest cycle after the fiscal year's start month changed", () => {
    // Fiscal year from February: the quarter holding 1 January is November–January; it starts after December.
    expect(nextCyclePeriod({ endDate: "2030-12-31" }, 2)).toEqual({ name: "Q4 FY2031", startDate: "2031-01-01", endDate: "2031-01-31" });
    expect(nextCyclePeriod({ endDate: "2031-01-31" }, 2)).toEqual({ name: "Q1 FY2032", startDate: "2031-02-01", endDate: "2031-04-30" });
  });
});

describe("cycle transitions", () => {
  it("go planning → active → closed, and a closed cycle cannot be reopened", async () => {
    const org = await newOrganisation();
    const cycle = await createNextCycle(org.ownerCtx);
    await activateCycle(org.ownerCtx, cycle.id);
    expect((await getCycle(org.ownerCtx, cycle.id))?.status).toBe("active");
    // Activating twice changes nothing; several cycles may be active at once.
    await activateCycle(org.ownerCtx, cycle.id);
    expect((await listCycles(org.ownerCtx)).filter((c) => c.status === "active")).toHaveLength(2);
    expect(await activityCount(org.orgId, "cycle.activated")).toBe(1);

    expect(await closeCycle(org.ownerCtx, cycle.id)).toBe(0);
    const closed = await cycleRow(cycle.id);
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toBeInstanceOf(Date);

    const reopen = await appError(activateCycle(org.ownerCtx, cycle.id));
    expect([reopen.code, reopen.message]).toEqual(["conflict", "errors.cycleClosed"]);
    expect((await appError(closeCycle(org.ownerCtx, cycle.id))).code).toBe("conflict");
    expect((await cycleRow(cycle.id)).closedAt).toEqual(closed.closedAt);
    expect(await activityCount(org.orgId, "cycle.closed")).toBe(1);
  });

  it("can close a cycle that is still in planning", async () => {
    const org = await newOrganisation();
    const cycle = await createNextCycle(org.ownerCtx);
    await closeCycle(org.ownerCtx, cycle.id);
    expect((await getCycle(org.ownerCtx, cycle.id))?.status).toBe("closed");
  });

  it("are for owners and admins only", async () => {
    const org = await newOrganisation();
    const member = await org.join("member");
    const admin = await org.join("admin");
    const cycleId = await currentCycleId(org);
    const planned = await createNextCycle(admin.ctx);
    expect((await appError(createNextCycle(member.ctx))).code).toBe("forbidden");
    expect((await appError(activateCycle(member.ctx, planned.id))).code).toBe("forbidden");
    expect((await appError(closeCycle(member.ctx, cycleId))).code).toBe("forbidden");
    expect((await listCycles(org.ownerCtx)).map((c) => c.status).sort()).toEqual(["active", "planning"]);
    await activateCycle(admin.ctx, planned.id);
    await closeCycle(admin.ctx, planned.id);
  });

  it("answer not found for another organisation's cycle, and change nothing there", async () => {
    const org = await newOrganisation();
    const other = await newOrganisation("Other");
    const theirs = await currentCycleId(other);
    const planned = await createNextCycle(other.ownerCtx);
    const goal = await insertObjective(other.orgId, theirs, other.owner.id, { progress: "0.5" });
    expect((await appError(activateCycle(org.ownerCtx, planned.id))).code).toBe("not_found");
    expect((await appError(closeCycle(org.ownerCtx, theirs))).code).toBe("not_found");
    expect((await appError(cycleStats(org.ownerCtx, theirs))).code).toBe("not_found");
    expect((await appError(withTenant(org.ownerCtx, (tx) => assertCycleWritable(tx, org.ownerCtx, theirs)))).code).toBe("not_found");
    expect(await getCycle(org.ownerCtx, theirs)).toBeNull();
    expect((await cycleRow(theirs)).status).toBe("active");
    expect((await cycleRow(planned.id)).status).toBe("planning");
    expect((await objectiveRow(goal.id)).score).toBeNull();
    expect(await activityCount(org.orgId, "cycle.closed")).toBe(0);
  });
});

describe("closing a cycle", () => {
  it("freezes each objective's score at finalScore(progress), only in that cycle", async () => {
    const org = await newOrganisation();
    const cycleId = await currentCycleId(org);
    const next = await createNextCycle(org.ownerCtx);
    const progresses = ["0", "0.333333", "0.5", "0.555", "0.705", "0.714286", "0.995", "1"];
    const goals = await Promise.all(progresses.map((progress, i) => insertObjective(org.orgId, cycleId, org.owner.id, { progress, title: `Goal ${i}` })));
    const archived = await insertObjective(org.orgId, cycleId, org.owner.id, { progress: "0.9", archived: true });
    const elsewhere = await insertObjective(org.orgId, next.id, org.owner.id, { progress: "0.5" });

    expect(await closeCycle(org.ownerCtx, cycleId)).toBe(progresses.length);

    for (const goal of goals) {
      const row = await objectiveRow(goal.id);
      expect(row.score).not.toBeNull();
      expect(Number(row.score)).toBe(finalScore(Number(goal.progress)));
      expect(row.version).toBe(goal.version + 1);
    }
    expect((await objectiveRow(archived.id)).score).toBeNull();
    expect((await objectiveRow(elsewhere.id)).score).toBeNull();
  });

  it("uses the same rule in SQL as finalScore in TypeScript", async () => {
    // Halfway values whose double is just below the half (0.145, 0.285, 0.565, 0.575) are the hard
    // cases: finalScore must round them decimally, as SQL does.
    const samples = ["-0.3", "0", "0.004", "0.005", "0.125", "0.145", "0.285", "0.565", "0.575", "0.33", "0.333333", "0.5", "0.555", "0.666667", "0.695", "0.699999", "0.7", "0.705", "0.714286", "0.875", "0.994999", "0.995", "1", "1.2"];
    const db = await getDb();
    const rows = parseRows(
      z.object({ value: z.string(), score: z.string() }),
      await db.execute(sql`select v::text as value, ${finalScoreSql(sql`v`)}::text as score from (values ${sql.join(
        samples.map((value) => sql`(${value}::numeric)`),
        sql`, `,
      )}) as samples(v)`),
    );
    expect(rows).toHaveLength(samples.length);
    for (const row of rows) expect([row.value, Number(row.score)]).toEqual([row.value, finalScore(Number(row.value))]);
  });
});

describe("assertCycleWritable", () => {
  it("lets writes through in open cycles and refuses them in closed ones", async () => {
    const org = await newOrganisation();
    const cycleId = await currentCycleId(org);
    const open = await withTenant(org.ownerCtx, (tx) => assertCycleWritable(tx, org.ownerCtx, cycleId));
    expect(open).toMatchObject({ id: cycleId, status: "active" });
    await closeCycle(org.ownerCtx, cycleId);
    const refused = await appError(withTenant(org.ownerCtx, (tx) => assertCycleWritable(tx, org.ownerCtx, cycleId)));
    expect([refused.code, refused.message]).toEqual(["conflict", "errors.cycleClosed"]);
    const unknown = await appError(withTenant(org.ownerCtx, (tx) => assertCycleWritable(tx, org.ownerCtx, "00000000-0000-4000-8000-000000000000")));
    expect(unknown.code).toBe("not_found");
  });
});

describe("reflections", () => {
  it("are owed by owners of scored objectives in closed cycles, newest cycle first", async () => {
    const org = await newOrganisation();
    const member = await org.join("member", "Mia");
    const current = await currentCycleId(org);
    const old = await insertCycle(org.orgId, { name: "Q1 2001", startDate: "2001-01-01", endDate: "2001-03-31", status: "active" });
    const older = await insertObjective(org.orgId, old.id, member.user.id, { title: "Older", progress: "0.4" });
    const mine = await insertObjective(org.orgId, current, member.user.id, { title: "Mine", progress: "0.71" });
    await insertObjective(org.orgId, current, org.owner.id, { title: "Not mine", progress: "0.2" });
    await insertObjective(org.orgId, current, member.user.id, { title: "Archived", archived: true });

    expect(await listOwedReflections(member.ctx)).toEqual([]);
    await closeCycle(org.ownerCtx, old.id);
    await closeCycle(org.ownerCtx, current);
    const owed = await listOwedReflections(member.ctx);
    expect(owed.map((o) => [o.title, Number(o.score)])).toEqual([
      ["Mine", 0.71],
      ["Older", 0.4],
    ]);
    expect(owed[0]).toMatchObject({ objectiveId: mine.id, cycleId: current });
    expect(owed[1]).toMatchObject({ objectiveId: older.id, cycleName: "Q1 2001" });

    await saveReflection(member.ctx, mine.id, "  Shipping weekly made the difference.  ");
    expect((await objectiveRow(mine.id)).reflection).toBe("Shipping weekly made the difference.");
    expect((await listOwedReflections(member.ctx)).map((o) => o.title)).toEqual(["Older"]);
    expect(await activityCount(org.orgId, "objective.reflected")).toBe(1);
  });

  it("are written only once the cycle is closed, by the owner or someone who may write the objective", async () => {
    const org = await newOrganisation();
    const owner = await org.join("member", "Olu");
    const stranger = await org.join("member", "Sam");
    const teammate = await org.join("member", "Tia");
    const admin = await org.join("admin", "Ada");
    const cycleId = await currentCycleId(org);
    const team = await createTeam(org.ownerCtx, { name: "Platform", leadUserId: teammate.user.id });
    const goal = await insertObjective(org.orgId, cycleId, owner.user.id, { progress: "0.3" });
    const teamGoal = await insertObjective(org.orgId, cycleId, owner.user.id, { level: "team", teamId: team.id });

    const early = await appError(saveReflection(owner.ctx, goal.id, "Too soon"));
    expect([early.code, early.message]).toEqual(["conflict", "errors.reflectionCycleOpen"]);
    await closeCycle(org.ownerCtx, cycleId);

    expect((await appError(saveReflection(stranger.ctx, goal.id, "Not mine to say"))).code).toBe("forbidden");
    await saveReflection(await contextFor(teammate.user.id, org.slug), teamGoal.id, "We learned to say no.");
    await saveReflection(owner.ctx, goal.id, "Scope was too wide.");
    await saveReflection(admin.ctx, goal.id, "Scope was too wide; we split it next quarter.");
    expect((await objectiveRow(goal.id)).reflection).toBe("Scope was too wide; we split it next quarter.");
    expect((await objectiveRow(teamGoal.id)).reflection).toBe("We learned to say no.");
  });

  it("refuse empty or overlong text and another organisation's objective, writing nothing", async () => {
    const org = await newOrganisation();
    const other = await newOrganisation("Other");
    const cycleId = await currentCycleId(org);
    const goal = await insertObjective(org.orgId, cycleId, org.owner.id);
    const theirCycle = await currentCycleId(other);
    const theirs = await insertObjective(other.orgId, theirCycle, other.owner.id);
    await closeCycle(org.ownerCtx, cycleId);
    await closeCycle(other.ownerCtx, theirCycle);

    expect((await appError(saveReflection(org.ownerCtx, goal.id, "   "))).fields).toEqual({ reflection: ["validation.reflectionLength"] });
    expect((await appError(saveReflection(org.ownerCtx, goal.id, "x".repeat(2001)))).fields).toEqual({ reflection: ["validation.reflectionLength"] });
    expect((await appError(saveReflection(org.ownerCtx, theirs.id, "Not ours"))).code).toBe("not_found");
    expect((await objectiveRow(goal.id)).reflection).toBeNull();
    expect((await objectiveRow(theirs.id)).reflection).toBeNull();
    await saveReflection(org.ownerCtx, goal.id, "x".repeat(2000));
  });
});

describe("cycle figures", () => {
  it("count objectives and key results and average progress, or the score once closed", async () => {
    const org = await newOrganisation();
    const cycleId = await currentCycleId(org);
    const next = await createNextCycle(org.ownerCtx);
    const a = await insertObjective(org.orgId, cycleId, org.owner.id, { progress: "0.4" });
    const b = await insertObjective(org.orgId, cycleId, org.owner.id, { progress: "0.634" });
    const hidden = await insertObjective(org.orgId, cycleId, org.owner.id, { progress: "1", archived: true });
    await insertKeyResult(org.orgId, a.id, org.owner.id);
    await insertKeyResult(org.orgId, a.id, org.owner.id);
    await insertKeyResult(org.orgId, b.id, org.owner.id);
    await insertKeyResult(org.orgId, hidden.id, org.owner.id);

    expect(await cycleStats(org.ownerCtx, cycleId)).toEqual({ cycleId, objectiveCount: 2, keyResultCount: 3, averageScore: null, averageProgress: "0.5170" });
    await closeCycle(org.ownerCtx, cycleId);
    expect(await cycleStats(org.ownerCtx, cycleId)).toMatchObject({ averageScore: "0.5150", averageProgress: "0.5170" });

    const list = await listCyclesWithStats(org.ownerCtx);
    expect(list.map((c) => [c.id, c.objectiveCount, c.keyResultCount])).toEqual([
      [next.id, 0, 0],
      [cycleId, 2, 3],
    ]);
    expect(list[1]?.closedAt).toBeInstanceOf(Date);
  });
});
