import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { objectiveProgressHistory, objectives } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { createCheckIn, createWeeklyCheckIns } from "./check-ins";
import { createComment, deleteComment, updateComment } from "./comments";
import { createNextCycle } from "./cycles";
import { activityFeed, progressDeltas, type FeedItem } from "./feed";
import { createKeyResult } from "./key-results";
import { archiveObjective, createObjective } from "./objectives";
import { createTeam } from "./teams";

setupTestDatabase();

/** Every page of a feed, following the cursors. */
async function allPages(fetch: (after?: string) => ReturnType<typeof activityFeed>) {
  const items: FeedItem[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await fetch(after);
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages: pages + 1 };
    after = page.nextCursor;
  }
  throw new Error("The feed did not end.");
}

const instants = (items: FeedItem[]) => items.map((item) => item.createdAt.getTime());

describe("activity feed", () => {
  it("tells check-ins, changes and comments newest first, with names and titles to show", async () => {
    const w = await okrWorld("Feed");
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "35", confidence: "at_risk", note: "Slow start" });
    const comment = await createComment(w.member.ctx, w.company.id, "Looks good\nsecond line");
    const { items } = await activityFeed(w.member.ctx, { objectiveId: w.company.id });
    expect(items.map((item) => item.action)).toEqual(["comment.created", "check_in.created", "key_result.created", "objective.created"]);
    expect(instants(items)).toEqual([...instants(items)].sort((a, b) => b - a));
    const [said, checkIn] = items;
    expect(said).toMatchObject({ actorName: "Member", objectiveTitle: "Become the shop Norwegians recommend", comment: { id: comment.id, excerpt: "Looks good", deleted: false } });
    // The comment's words come from the comment, not the log.
    expect([said?.before, said?.after]).toEqual([null, null]);
    expect(checkIn).toMatchObject({
      actorName: "Feed Owner",
      objectiveExists: true,
      keyResult: { id: w.nps.id, title: "Grow NPS from 30 to 50", unit: "number", direction: "increase" },
      after: { value: "35", confidence: "at_risk", note: "Slow start" },
    });
  });

  it("shows an edited comment's words as they read now, and a deleted one as deleted", async () => {
    const w = await okrWorld();
    const comment = await createComment(w.member.ctx, w.company.id, "First draft");
    await updateComment(w.member.ctx, comment.id, "Second draft");
    let { items } = await activityFeed(w.member.ctx, { objectiveId: w.company.id }, { limit: 2 });
    expect(items.map((item) => [item.action, item.comment?.excerpt])).toEqual([
      ["comment.updated", "Second draft"],
      ["comment.created", "Second draft"],
    ]);
    await deleteComment(w.member.ctx, comment.id);
    ({ items } = await activityFeed(w.member.ctx, { objectiveId: w.company.id }, { limit: 3 }));
    expect(items.map((item) => [item.action, item.comment])).toEqual([
      ["comment.deleted", { id: comment.id, excerpt: null, deleted: true }],
      ["comment.updated", { id: comment.id, excerpt: null, deleted: true }],
      ["comment.created", { id: comment.id, excerpt: null, deleted: true }],
    ]);
    expect(JSON.stringify(items)).not.toContain("draft");
  });

  it("pages without repeats or gaps, also through rows written at the same instant", async () => {
    const w = await okrWorld();
    const krs = [w.nps];
    for (let index = 0; index < 4; index++) krs.push(await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: `KR ${index}` })));
    // One transaction: five activity rows that share created_at, told apart by id alone.
    await createWeeklyCheckIns(
      w.org.ownerCtx,
      krs.map((kr, index) => ({ keyResultId: kr.id, value: String(31 + index), confidence: "on_track" as const, note: "" })),
    );
    for (let index = 0; index < 3; index++) await createComment(w.member.ctx, w.company.id, `Note ${index}`);
    const whole = await activityFeed(w.member.ctx, { organisation: true }, { limit: 100 });
    for (const limit of [1, 2, 3, 7]) {
      const paged = await allPages((after) => activityFeed(w.member.ctx, { organisation: true }, { after, limit }));
      expect(paged.items.map((item) => item.id), `limit ${limit}`).toEqual(whole.items.map((item) => item.id));
      expect(new Set(paged.items.map((item) => item.id)).size).toBe(paged.items.length);
    }
    const sameInstant = whole.items.filter((item) => item.action === "check_in.created");
    expect(sameInstant).toHaveLength(5);
    expect(new Set(instants(sameInstant)).size).toBe(1);
  });

  it("for a team, includes its sub-teams' activity only when asked", async () => {
    const w = await okrWorld();
    const brand = await createTeam(w.org.ownerCtx, { name: "Brand", parentTeamId: w.team.id });
    const other = await createTeam(w.org.ownerCtx, { name: "Finance" });
    await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, title: "Marketing goal" }));
    const below = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: brand.id, title: "Brand goal" }));
    const elsewhere = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: other.id, title: "Finance goal" }));
    await createComment(w.member.ctx, below.id, "From the sub-team");
    await createComment(w.member.ctx, elsewhere.id, "From elsewhere");

    const titles = (items: FeedItem[]) => new Set(items.map((item) => item.objectiveTitle ?? item.teamName));
    const withSubTeams = await activityFeed(w.member.ctx, { teamId: w.team.id, includeSubTeams: true });
    expect(titles(withSubTeams.items)).toEqual(new Set(["Marketing goal", "Brand goal", "Marketing", "Brand"]));
    expect(withSubTeams.items.some((item) => item.comment?.excerpt === "From the sub-team")).toBe(true);
    const alone = await activityFeed(w.member.ctx, { teamId: w.team.id });
    expect(titles(alone.items)).toEqual(new Set(["Marketing goal", "Marketing"]));
    expect(alone.items.every((item) => item.objectiveId !== below.id && item.objectiveId !== elsewhere.id)).toBe(true);
  });

  it("for the organisation, shows everything about the goals but not the membership audit trail", async () => {
    const w = await okrWorld();
    await createComment(w.member.ctx, w.company.id, "Org-wide");
    await createNextCycle(w.org.ownerCtx);
    const { items } = await activityFeed(w.outsider.ctx, { organisation: true }, { limit: 100 });
    const actions = new Set(items.map((item) => item.action));
    for (const action of ["objective.created", "key_result.created", "comment.created", "team.created", "team.member_added", "cycle.created"] as const) {
      expect(actions, action).toContain(action);
    }
    for (const action of ["organisation.created", "member.invited", "member.joined"] as const) expect(actions, action).not.toContain(action);
  });

  it("never shows another organisation's activity, and answers its ids with not_found", async () => {
    const w = await okrWorld();
    const stranger = await okrWorld("Stranger");
    await createComment(stranger.member.ctx, stranger.company.id, "Secret plans");
    await createCheckIn(stranger.org.ownerCtx, stranger.nps.id, { value: "49", confidence: "on_track", note: "Secret" });
    const mine = await allPages((after) => activityFeed(w.member.ctx, { organisation: true }, { after, limit: 50 }));
    const theirIds = new Set([stranger.company.id, stranger.nps.id, stranger.team.id]);
    expect(mine.items.some((item) => theirIds.has(item.objectiveId ?? "") || theirIds.has(item.teamId ?? "") || theirIds.has(item.keyResult?.id ?? ""))).toBe(false);
    expect(JSON.stringify(mine.items)).not.toContain("Secret");
    expect((await appError(activityFeed(w.member.ctx, { objectiveId: stranger.company.id }))).status).toBe(404);
    expect((await appError(activityFeed(w.member.ctx, { teamId: stranger.team.id, includeSubTeams: true }))).status).toBe(404);
    expect((await appError(activityFeed(w.member.ctx, { teamId: stranger.team.id }))).status).toBe(404);
    expect((await appError(activityFeed(w.member.ctx, { teamId: "not-a-uuid" }))).status).toBe(404);
  });
});

/** Sets stored progress and history points `daysAgo` before the database's today, as a week of check-ins would have. */
async function history(objectiveId: string, now: number, points: Array<[daysAgo: number, progress: number]>) {
  const db = await getDb();
  await db.update(objectives).set({ progress: now.toFixed(6) }).where(eq(objectives.id, objectiveId));
  await db.delete(objectiveProgressHistory).where(eq(objectiveProgressHistory.objectiveId, objectiveId));
  const [row] = await db.select({ orgId: objectives.orgId }).from(objectives).where(eq(objectives.id, objectiveId));
  if (!row) throw new Error("missing objective");
  for (const [daysAgo, progress] of points) {
    await db.insert(objectiveProgressHistory).values({ orgId: row.orgId, objectiveId, day: sql`current_date - ${daysAgo}::int`, progress: progress.toFixed(6) });
  }
}

async function dayAgo(days: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ day: sql<string>`to_char(current_date - ${days}::int, 'YYYY-MM-DD')` }).from(objectives).limit(1);
  if (!row) throw new Error("no objectives to read the date with");
  return row.day;
}

describe("progress deltas", () => {
  it("compare now with the last point on or before a week ago, and with 0 when there is none", async () => {
    const w = await okrWorld("Deltas");
    const a = w.company;
    const b = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { title: "B goal" }));
    const c = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { title: "C goal" }));
    const archived = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { title: "Archived goal" }));
    const team = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
    const next = await createNextCycle(w.org.ownerCtx);
    const later = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, next.id, { title: "Next quarter" }));
    await archiveObjective(w.org.ownerCtx, archived.id);

    await history(a.id, 0.6, [[10, 0.2], [7, 0.3], [2, 0.6]]);
    await history(b.id, 0.5, [[9, 0.4], [8, 0.45]]);
    await history(c.id, 0.25, [[3, 0.25]]);
    await history(team.id, 0.1, [[14, 0.3]]);
    await history(later.id, 0.9, []);

    const org = await progressDeltas(w.member.ctx, { organisation: true });
    expect(org.days).toBe(7);
    const byTitle = Object.fromEntries(org.items.map((item) => [item.title, item]));
    expect(Object.keys(byTitle).sort()).toEqual(["B goal", "Become the shop Norwegians recommend", "C goal"]);
    expect(byTitle["Become the shop Norwegians recommend"]).toMatchObject({ now: 0.6, then: 0.3, thenDay: await dayAgo(7), level: "company" });
    expect(byTitle["Become the shop Norwegians recommend"]?.change).toBeCloseTo(0.3, 6);
    expect(byTitle["B goal"]).toMatchObject({ now: 0.5, then: 0.45, thenDay: await dayAgo(8) });
    expect(byTitle["C goal"]).toMatchObject({ now: 0.25, then: 0, thenDay: null, change: 0.25 });
    // Biggest movers first.
    expect(org.items.map((item) => item.title)).toEqual(["Become the shop Norwegians recommend", "C goal", "B goal"]);
    expect(org.overall?.now).toBeCloseTo((0.6 + 0.5 + 0.25) / 3, 6);
    expect(org.overall?.then).toBeCloseTo((0.3 + 0.45 + 0) / 3, 6);
    expect(org.overall?.change).toBeCloseTo((0.6 + 0.5 + 0.25 - 0.75) / 3, 6);

    const oneDay = await progressDeltas(w.member.ctx, { organisation: true }, 1);
    expect(Object.fromEntries(oneDay.items.map((item) => [item.title, item.then]))).toEqual({ "Become the shop Norwegians recommend": 0.6, "B goal": 0.45, "C goal": 0.25 });

    const teamDeltas = await progressDeltas(w.member.ctx, { teamId: w.team.id });
    expect(teamDeltas.items.map((item) => [item.title, item.teamName, item.then, item.now])).toEqual([["Team goal", "Marketing", 0.3, 0.1]]);
    expect(teamDeltas.items[0]?.change).toBeCloseTo(-0.2, 6);

    const single = await progressDeltas(w.member.ctx, { objectiveId: b.id });
    expect(single.items.map((item) => item.title)).toEqual(["B goal"]);
    const nextQuarter = await progressDeltas(w.member.ctx, { organisation: true, cycleId: next.id });
    expect(nextQuarter.items.map((item) => [item.title, item.then, item.now])).toEqual([["Next quarter", 0, 0.9]]);
  });

  it("answer nothing for an empty scope and not_found for another organisation's ids", async () => {
    const w = await okrWorld();
    const empty = await newOrganisation("Empty");
    expect(await progressDeltas(empty.ownerCtx, { organisation: true })).toEqual({ days: 7, items: [], overall: null });
    expect((await appError(progressDeltas(empty.ownerCtx, { objectiveId: w.company.id }))).status).toBe(404);
    expect((await appError(progressDeltas(empty.ownerCtx, { teamId: w.team.id }))).status).toBe(404);
    expect((await appError(progressDeltas(w.member.ctx, { organisation: true }, 0))).code).toBe("validation_failed");
    const db = await getDb();
    const rows = await db.select().from(objectiveProgressHistory).where(eq(objectiveProgressHistory.orgId, empty.orgId));
    expect(rows).toEqual([]);
  });
});
