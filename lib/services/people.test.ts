import { describe, expect, it } from "vitest";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { insertObjective, insertTeam, transparencyWorld } from "@/tests/transparency-world";
import { getPerson, listPeople } from "./people";
import { loadQuarterStats } from "./quarter-stats";
import { teamObjectives } from "./team-objectives";

setupTestDatabase();

describe("the people directory", () => {
  it("lists members by name with their teams and objective counts in the cycle", async () => {
    const w = await transparencyWorld();
    const page = await listPeople(w.people.henrik.ctx, { cycleId: w.cycleId });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => [p.name, p.teams.map((team) => team.name), p.objectiveCount])).toEqual([
      ["Emil Johansen", ["Commerce"], 2],
      ["Henrik Dahl", ["Platform"], 1],
      ["Nora Kristiansen", ["Customer Service"], 2],
      ["Transparency Owner", [], 1],
    ]);
    expect(page.nextCursor).toBeNull();
    // A closed cycle counts its own objectives.
    const closed = await listPeople(w.people.henrik.ctx, { cycleId: w.closedCycleId });
    expect(closed.items.find((p) => p.name === "Nora Kristiansen")?.objectiveCount).toBe(1);
  });

  it("searches names and emails, and pages without duplicates or gaps", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.emil.ctx;
    expect((await listPeople(ctx, { q: "nora" })).items.map((p) => p.name)).toEqual(["Nora Kristiansen"]);
    expect((await listPeople(ctx, { q: "example.test" })).total).toBe(4);
    expect((await listPeople(ctx, { q: "100%_" })).items).toEqual([]);
    for (let i = 0; i < 5; i++) await w.org.join("member", "Same Name");
    const names: string[] = [];
    const ids: string[] = [];
    const pages: string[][] = [];
    let after: string | undefined;
    let previous: string | null = null;
    do {
      const page = await listPeople(ctx, { after, pageSize: 3 });
      pages.push(page.items.map((p) => p.userId));
      ids.push(...page.items.map((p) => p.userId));
      names.push(...page.items.map((p) => p.name));
      previous = page.prevCursor;
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    // And back again from the last page.
    const back: string[][] = [];
    while (previous) {
      const page = await listPeople(ctx, { before: previous, pageSize: 3 });
      back.unshift(page.items.map((p) => p.userId));
      previous = page.prevCursor;
    }
    expect(back).toEqual(pages.slice(0, -1));
    expect(names.filter((name) => name === "Same Name")).toHaveLength(5);
  });

  it("shows only this organisation's members", async () => {
    const w = await transparencyWorld();
    const other = await transparencyWorld("Other");
    const ids = new Set((await listPeople(w.people.emil.ctx, { q: "" })).items.map((p) => p.userId));
    expect(ids.has(other.people.emil.user.id)).toBe(false);
  });
});

describe("a person's page", () => {
  it("shows their objectives, the key results they own elsewhere, their teams and check-ins", async () => {
    const w = await transparencyWorld();
    const emil = await getPerson(w.people.henrik.ctx, w.people.emil.user.id, w.cycleId);
    expect(emil.person.name).toBe("Emil Johansen");
    expect(emil.teams).toEqual([{ id: w.teams.commerce, name: "Commerce", leads: false }]);
    // Team objectives before personal ones.
    expect(emil.objectives.map((o) => o.title)).toEqual(["Turn first-time buyers into regulars", "Learn email automation"]);
    expect(emil.keyResultsElsewhere.map((kr) => [kr.title, kr.objectiveTitle, kr.objectiveOwnerName, kr.status])).toEqual([
      ["Raise CSAT from 82 % to 92 %", "Give answers customers brag about", "Nora Kristiansen", "on_track"],
    ]);
    expect(emil.checkIns.map((c) => [c.keyResultTitle, c.value, c.confidence])).toEqual([
      ["Raise the second-order rate", "40", "at_risk"],
      ["Raise CSAT from 82 % to 92 %", "40", "on_track"],
      ["Launch the Christmas flow before julekampanjen", "40", "on_track"],
    ]);
  });

  it("shows the last ten check-ins and a closed cycle's objectives", async () => {
    const w = await transparencyWorld();
    await insertObjective(w.org.orgId, w.cycleId, {
      title: "Many check-ins",
      owner: w.people.henrik.user.id,
      keyResults: Array.from({ length: 12 }, (_, i) => ({ title: `KR ${i}`, confidence: "on_track" as const, daysAgo: 0.01 * (i + 1) })),
    });
    const henrik = await getPerson(w.people.emil.ctx, w.people.henrik.user.id, w.cycleId);
    expect(henrik.checkIns.map((c) => c.keyResultTitle)).toEqual(Array.from({ length: 10 }, (_, i) => `KR ${i}`));
    const nora = await getPerson(w.people.emil.ctx, w.people.nora.user.id, w.closedCycleId);
    expect(nora.objectives.map((o) => o.title)).toEqual(["Last year's customer goal"]);
  });

  it("is not found for someone outside the organisation", async () => {
    const w = await transparencyWorld();
    const other = await transparencyWorld("Other");
    expect((await appError(getPerson(w.people.emil.ctx, other.people.emil.user.id, w.cycleId))).code).toBe("not_found");
    expect((await appError(getPerson(w.people.emil.ctx, "00000000-0000-4000-8000-000000000000", w.cycleId))).code).toBe("not_found");
  });
});

describe("query counts", () => {
  it("do not grow with the organisation", async () => {
    const small = await transparencyWorld("Small");
    const large = await transparencyWorld("Large");
    for (let i = 0; i < 30; i++) await insertObjective(large.org.orgId, large.cycleId, { title: `More ${i}`, owner: large.people.emil.user.id, level: "team", teamId: large.teams.service, keyResults: [{ title: "KR", confidence: "on_track" }] });
    for (let i = 0; i < 5; i++) await large.org.join("member", `Extra ${i}`);
    const counts = async (w: typeof small) => [
      (await countQueries(() => listPeople(w.people.emil.ctx, { cycleId: w.cycleId }))).count,
      (await countQueries(() => getPerson(w.people.emil.ctx, w.people.emil.user.id, w.cycleId))).count,
      (await countQueries(() => teamObjectives(w.people.emil.ctx, w.teams.commerce, w.cycleId))).count,
      // The quarter statistics both pages add once a cycle is closed (quarter-stats.test.ts grows a closed cycle).
      (await countQueries(() => loadQuarterStats(w.people.emil.ctx, { kind: "person", userId: w.people.emil.user.id }))).count,
      (await countQueries(() => loadQuarterStats(w.people.emil.ctx, { kind: "team", teamId: w.teams.commerce }))).count,
    ];
    // Each with the statement that sets the tenant: 2, 5, 3, 1 and 1 queries of their own.
    expect(await counts(small)).toEqual([3, 6, 4, 2, 2]);
    expect(await counts(large)).toEqual([3, 6, 4, 2, 2]);
  }, 90_000);
});

describe("a team's objectives", () => {
  it("include its sub-teams' and show how its own align up to the company", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.henrik.ctx;
    const commerce = await teamObjectives(ctx, w.teams.commerce, w.cycleId);
    expect(commerce.objectives.map((o) => [o.teamName, o.title])).toEqual([
      ["Commerce", "Turn first-time buyers into regulars"],
      ["Customer Service", "Give answers customers brag about"],
    ]);
    expect(commerce.chains).toEqual({
      [w.objectives.regulars]: [{ id: w.objectives.company, title: "Become the shop Norwegians recommend to friends", level: "company" }],
    });

    // Three levels: a sub-team objective aligned to Customer Service's, aligned to the company's.
    const chat = await insertTeam(w.org.orgId, "Chat", w.teams.service);
    const deep = await insertObjective(w.org.orgId, w.cycleId, { title: "Answer chats in a minute", level: "team", teamId: chat, owner: w.people.nora.user.id, parent: w.objectives.answers });
    const unaligned = await insertObjective(w.org.orgId, w.cycleId, { title: "Unaligned chat goal", level: "team", teamId: chat, owner: w.people.nora.user.id });
    const chatObjectives = await teamObjectives(ctx, chat, w.cycleId);
    expect(chatObjectives.chains[deep]?.map((link) => link.title)).toEqual(["Become the shop Norwegians recommend to friends", "Give answers customers brag about"]);
    expect(chatObjectives.chains[unaligned]).toBeUndefined();
    expect((await teamObjectives(ctx, w.teams.platform, w.closedCycleId)).objectives).toEqual([]);
  });

  it("are empty for another organisation's team", async () => {
    const w = await transparencyWorld();
    const other = await transparencyWorld("Other");
    expect(await teamObjectives(w.people.emil.ctx, other.teams.commerce, other.cycleId)).toEqual({ objectives: [], truncated: false, chains: {} });
  });
});
