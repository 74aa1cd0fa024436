import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  activity,
  checkIns,
  comments,
  cycles,
  keyResults,
  memberships,
  objectiveProgressHistory,
  objectives,
  organisations,
  teamMembers,
  teams,
  users,
  keyResultDirections,
  keyResultUnits,
  type KeyResult,
} from "@/db/schema";
import { achievement, finalScore, keyResultProgress, keyResultStatus, objectiveProgress } from "@/lib/okr/progress";
import { setupTestDatabase } from "@/tests/db";
import { seedDemo, type DemoSummary } from "./demo";
import { currentObjectives, unalignedObjectiveKeys } from "./demo-data";

const getDb = setupTestDatabase();

const DAY_MS = 86_400_000;
const unalignedTitles = new Set(currentObjectives.filter((o) => unalignedObjectiveKeys.has(o.key)).map((o) => o.title));

async function removeDemo(db: Database) {
  // Cascades to everything the organisation holds; the global users stay and are reused.
  await db.delete(organisations).where(eq(organisations.slug, "nordlys"));
}

async function loadDemo(db: Database) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, "nordlys"));
  if (!org) throw new Error("no demo organisation");
  const orgId = org.id;
  const memberRows = await db.select().from(memberships).where(eq(memberships.orgId, orgId));
  return {
    org,
    memberships: memberRows,
    users: await db.select().from(users).where(inArray(users.id, memberRows.map((m) => m.userId))),
    teams: await db.select().from(teams).where(eq(teams.orgId, orgId)),
    teamMembers: await db.select().from(teamMembers).where(eq(teamMembers.orgId, orgId)),
    cycles: await db.select().from(cycles).where(eq(cycles.orgId, orgId)),
    objectives: await db.select().from(objectives).where(eq(objectives.orgId, orgId)),
    keyResults: await db.select().from(keyResults).where(eq(keyResults.orgId, orgId)),
    checkIns: await db.select().from(checkIns).where(eq(checkIns.orgId, orgId)),
    history: await db.select().from(objectiveProgressHistory).where(eq(objectiveProgressHistory.orgId, orgId)),
    comments: await db.select().from(comments).where(eq(comments.orgId, orgId)),
    activity: await db.select().from(activity).where(eq(activity.orgId, orgId)),
  };
}
type Demo = Awaited<ReturnType<typeof loadDemo>>;

const expectNear = (actual: string | number | null, expected: number) => {
  expect(Math.abs(Number(actual) - expected)).toBeLessThanOrEqual(1e-6);
};

const measure = (kr: KeyResult) => ({
  direction: kr.direction,
  start: Number(kr.startValue),
  target: Number(kr.targetValue),
  current: Number(kr.currentValue),
});

function cyclesOf(demo: Demo) {
  const active = demo.cycles.find((c) => c.status === "active");
  const closed = demo.cycles.find((c) => c.status === "closed");
  if (!active || !closed) throw new Error("expected an active and a closed cycle");
  return { active, closed };
}

function keyResultsIn(demo: Demo, cycleId: string) {
  const ids = new Set(demo.objectives.filter((o) => o.cycleId === cycleId).map((o) => o.id));
  return demo.keyResults.filter((kr) => ids.has(kr.objectiveId));
}

/** What must hold whatever day the demo is seeded on. */
function describeInvariants(today: Date, load: () => { demo: Demo; summary: DemoSummary }) {
  const todayDay = today.toISOString().slice(0, 10);

  it("returns the logins and what it inserted", () => {
    const { summary } = load();
    expect(summary.orgSlug).toBe("nordlys");
    expect(summary.password).toBe("retning-demo");
    expect(summary.logins).toHaveLength(12);
    expect(summary.logins.find((l) => l.email === "ingrid@nordlys.example")).toMatchObject({ name: "Ingrid Solberg", role: "owner", teams: [] });
    expect(summary.logins.find((l) => l.email === "kari@nordlys.example")?.teams).toEqual(["Commerce"]);
    expect(summary.counts.objectives).toBeGreaterThan(10);
  });

  it("has twelve people with their roles, two writing Norwegian", () => {
    const { demo } = load();
    expect(demo.memberships).toHaveLength(12);
    expect(demo.users).toHaveLength(12);
    for (const user of demo.users) expect(user.email).toMatch(/^[a-z]+@nordlys\.example$/);
    expect(demo.users.filter((u) => u.locale === "nb")).toHaveLength(2);
    const roleOf = (email: string) => demo.memberships.find((m) => m.userId === demo.users.find((u) => u.email === email)?.id)?.role;
    expect(roleOf("ingrid@nordlys.example")).toBe("owner");
    expect([roleOf("lars@nordlys.example"), roleOf("maja@nordlys.example")]).toEqual(["admin", "admin"]);
    expect(demo.memberships.filter((m) => m.role === "member")).toHaveLength(9);
  });

  it("has four teams in two levels, each lead a member of their team", () => {
    const { demo } = load();
    expect(demo.teams).toHaveLength(4);
    const top = demo.teams.filter((t) => t.parentTeamId === null);
    expect(top.map((t) => t.name).sort()).toEqual(["Commerce", "Platform"]);
    for (const child of demo.teams.filter((t) => t.parentTeamId !== null)) {
      expect(top.map((t) => t.id)).toContain(child.parentTeamId);
    }
    for (const team of demo.teams) {
      expect(team.description).not.toBe("");
      expect(demo.teamMembers.some((m) => m.teamId === team.id && m.userId === team.leadUserId)).toBe(true);
    }
    const anders = demo.users.find((u) => u.email === "anders@nordlys.example");
    expect(demo.teamMembers.some((m) => m.userId === anders?.id)).toBe(false);
  });

  it("has an active quarter around today and a closed pilot quarter with frozen scores", () => {
    const { demo } = load();
    const { active, closed } = cyclesOf(demo);
    expect(demo.cycles).toHaveLength(2);
    expect(active.startDate <= todayDay && todayDay <= active.endDate).toBe(true);
    expect(closed.endDate < active.startDate).toBe(true);
    expect(closed.closedAt?.toISOString()).toBe(`${active.startDate}T09:00:00.000Z`);
    const pilot = demo.objectives.filter((o) => o.cycleId === closed.id);
    expect(pilot).toHaveLength(3);
    for (const objective of pilot) {
      expect(objective.score).not.toBeNull();
      expectNear(objective.score, finalScore(Number(objective.progress)));
      expect(objective.reflection ?? "").not.toBe("");
    }
    expect(pilot.some((o) => Math.abs(Number(o.score) - 0.7) <= 0.05)).toBe(true);
    expect(demo.objectives.filter((o) => o.cycleId === active.id).every((o) => o.score === null)).toBe(true);
  });

  it("uses every direction and unit, with NOK exactly on currency key results", () => {
    const { demo } = load();
    const { active } = cyclesOf(demo);
    const current = keyResultsIn(demo, active.id);
    expect(new Set(current.map((kr) => kr.direction))).toEqual(new Set(keyResultDirections));
    expect(new Set(current.map((kr) => kr.unit))).toEqual(new Set(keyResultUnits));
    for (const kr of demo.keyResults) {
      expect(kr.currencyCode).toBe(kr.unit === "currency" ? "NOK" : null);
      if (kr.unit === "custom") expect(kr.unitLabel).toBeTruthy();
    }
    for (const kr of current) expect(active.startDate <= kr.dueDate && kr.dueDate <= active.endDate).toBe(true);
    expect(demo.keyResults.some((kr) => kr.weight === "2")).toBe(true);
    const modes = demo.objectives.map((o) => `${o.level}:${o.rollupMode}`);
    expect(modes).toContain("company:children");
    expect(modes).toContain("team:both");
  });

  it("aligns every team and individual objective except the deliberate ones", () => {
    const { demo } = load();
    const byId = new Map(demo.objectives.map((o) => [o.id, o]));
    for (const objective of demo.objectives.filter((o) => o.level !== "company")) {
      if (unalignedTitles.has(objective.title)) {
        expect(objective.parentObjectiveId).toBeNull();
        continue;
      }
      const parent = objective.parentObjectiveId ? byId.get(objective.parentObjectiveId) : undefined;
      expect(parent?.cycleId, objective.title).toBe(objective.cycleId);
      if (objective.parentKeyResultId) {
        expect(demo.keyResults.find((kr) => kr.id === objective.parentKeyResultId)?.objectiveId).toBe(parent?.id);
      }
    }
    expect(demo.objectives.filter((o) => o.parentKeyResultId !== null).length).toBeGreaterThanOrEqual(3);
    expect(demo.objectives.some((o) => o.level === "team" && demo.keyResults.filter((kr) => kr.objectiveId === o.id).length === 1)).toBe(true);
  });

  it("stores key-result values, progress and last check-in consistently", () => {
    const { demo } = load();
    for (const kr of demo.keyResults) {
      expectNear(kr.achievement, achievement(measure(kr)));
      expectNear(kr.progress, keyResultProgress(measure(kr)));
      const history = demo.checkIns.filter((c) => c.keyResultId === kr.id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const last = history.at(-1);
      expect(kr.currentValue).toBe(last?.value ?? kr.startValue);
      expect(kr.lastCheckInAt?.getTime() ?? null).toBe(last?.createdAt.getTime() ?? null);
      expect(kr.lastConfidence).toBe(last?.confidence ?? null);
      let previous = kr.startValue;
      for (const checkIn of history) {
        expect(checkIn.previousValue).toBe(previous);
        previous = checkIn.value;
      }
    }
  });

  it("stores each objective's progress as the rollup of its key results and children", () => {
    const { demo } = load();
    for (const objective of demo.objectives) {
      const expected = objectiveProgress({
        mode: objective.rollupMode,
        keyResults: demo.keyResults.filter((kr) => kr.objectiveId === objective.id).map((kr) => ({ progress: Number(kr.progress), weight: Number(kr.weight) })),
        children: demo.objectives.filter((o) => o.parentObjectiveId === objective.id && o.archivedAt === null).map((o) => Number(o.progress)),
        manual: objective.manualProgress === null ? null : Number(objective.manualProgress),
      });
      expectNear(objective.progress, expected);
    }
  });

  it("has weekday check-ins in office hours, never after today, by the owners", () => {
    const { demo } = load();
    expect(demo.checkIns.length).toBeGreaterThan(0);
    const krById = new Map(demo.keyResults.map((kr) => [kr.id, kr]));
    const objectiveById = new Map(demo.objectives.map((o) => [o.id, o]));
    for (const checkIn of demo.checkIns) {
      expect(checkIn.createdAt.getTime()).toBeLessThan(today.getTime());
      expect(checkIn.createdAt.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(checkIn.createdAt.getUTCHours()).toBeLessThan(17);
      expect([0, 6]).not.toContain(checkIn.createdAt.getUTCDay());
      const kr = krById.get(checkIn.keyResultId);
      expect([kr?.ownerUserId, kr && objectiveById.get(kr.objectiveId)?.ownerUserId]).toContain(checkIn.authorUserId);
    }
  });

  it("records progress history up to today and an activity row for everything", () => {
    const { demo } = load();
    const { active } = cyclesOf(demo);
    for (const objective of demo.objectives.filter((o) => o.cycleId === active.id)) {
      expectNear(demo.history.find((h) => h.objectiveId === objective.id && h.day === todayDay)?.progress ?? NaN, Number(objective.progress));
    }
    expect(demo.history.every((h) => h.day <= todayDay)).toBe(true);
    const count = (action: string) => demo.activity.filter((a) => a.action === action).length;
    expect(count("objective.created")).toBe(demo.objectives.length);
    expect(count("key_result.created")).toBe(demo.keyResults.length);
    expect(count("check_in.created")).toBe(demo.checkIns.length);
    expect(count("comment.created")).toBe(demo.comments.length);
    expect(demo.activity.every((a) => a.createdAt.getTime() < today.getTime())).toBe(true);
  });

  it("has a few comments by different people, with a line break and a link", () => {
    const { demo } = load();
    expect(demo.comments.length).toBeGreaterThanOrEqual(4);
    expect(new Set(demo.comments.map((c) => c.authorUserId)).size).toBeGreaterThanOrEqual(3);
    expect(demo.comments.some((c) => c.body.includes("\n"))).toBe(true);
    expect(demo.comments.some((c) => c.body.includes("https://"))).toBe(true);
    expect(demo.comments.every((c) => c.createdAt.getTime() < today.getTime())).toBe(true);
  });

  it("does nothing when run again", async () => {
    const db = await getDb();
    const before = load().demo;
    const again = await seedDemo(db, { today });
    expect(again.counts).toEqual({});
    expect(again.logins).toHaveLength(12);
    const after = await loadDemo(db);
    const sizes = (demo: Demo) => [demo.users, demo.teams, demo.objectives, demo.keyResults, demo.checkIns, demo.activity].map((rows) => rows.length);
    expect((await db.select().from(organisations).where(eq(organisations.slug, "nordlys"))).length).toBe(1);
    expect(sizes(after)).toEqual(sizes(before));
  });
}

function seededOn(today: Date) {
  const state: { demo?: Demo; summary?: DemoSummary } = {};
  beforeAll(async () => {
    const db = await getDb();
    await removeDemo(db);
    state.summary = await seedDemo(db, { today });
    state.demo = await loadDemo(db);
  });
  return () => {
    if (!state.demo || !state.summary) throw new Error("demo not seeded");
    return { demo: state.demo, summary: state.summary };
  };
}

describe("seedDemo late in a quarter", () => {
  const today = new Date("2026-11-27T10:00:00Z");
  const load = seededOn(today);
  describeInvariants(today, load);

  it("reports eight weeks with every confidence", () => {
    const { demo } = load();
    expect(new Set(demo.checkIns.map((c) => c.confidence))).toEqual(new Set(["on_track", "at_risk", "off_track"]));
    const { active } = cyclesOf(demo);
    const nps = demo.keyResults.find((kr) => kr.title === "Raise NPS from 32 to 50");
    expect(demo.checkIns.filter((c) => c.keyResultId === nps?.id)).toHaveLength(8);
    expect(keyResultsIn(demo, active.id).every((kr) => kr.lastCheckInAt !== null)).toBe(true);
  });

  it("has key results gone stale in the active cycle", () => {
    const { demo } = load();
    const { active } = cyclesOf(demo);
    const stale = keyResultsIn(demo, active.id).filter(
      (kr) =>
        kr.lastCheckInAt !== null &&
        today.getTime() - kr.lastCheckInAt.getTime() > 7 * DAY_MS &&
        keyResultStatus(kr, active, today) === "stale",
    );
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(stale.length).toBeLessThanOrEqual(4);
  });

  it("fills the pilot quarter with thirteen weeks of check-ins", () => {
    const { demo } = load();
    const { closed } = cyclesOf(demo);
    const pilotKeyResults = keyResultsIn(demo, closed.id);
    expect(pilotKeyResults.length).toBeGreaterThanOrEqual(6);
    for (const kr of pilotKeyResults) expect(demo.checkIns.filter((c) => c.keyResultId === kr.id)).toHaveLength(13);
  });
});

describe("seedDemo early in a quarter", () => {
  const today = new Date("2027-01-06T10:00:00Z");
  const load = seededOn(today);
  describeInvariants(today, load);

  it("starts the new quarter with its first check-ins and the old one closed", () => {
    const { demo } = load();
    const { active, closed } = cyclesOf(demo);
    expect([active.name, active.startDate, closed.name]).toEqual(["Q1 2027", "2027-01-01", "Q4 2026"]);
    const perKeyResult = keyResultsIn(demo, active.id).map((kr) => demo.checkIns.filter((c) => c.keyResultId === kr.id).length);
    expect(Math.max(...perKeyResult)).toBe(1);
  });
});
