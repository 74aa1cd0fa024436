import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { objectives } from "@/db/schema";
import { expectedProgress } from "@/lib/okr/progress";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { insertObjective, transparencyWorld } from "@/tests/transparency-world";
import { activeCycleId, keyResultInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import type { ExplorerQuery, ExplorerSort, SortDirection } from "@/lib/validation/explorer";
import type { TenantContext } from "@/lib/tenant-context";
import { createCheckIn } from "./check-ins";
import { getCycle } from "./cycles";
import { encodeCursor } from "./pagination";
import { exploreObjectives, explorerFilterOptions, type ExplorerPage } from "./explorer";
import { createKeyResult, deleteKeyResult, updateKeyResult } from "./key-results";
import { deleteObjective } from "./objectives";
import { prefixTerms } from "./search";
import { now } from "@/lib/clock";

setupTestDatabase();

const titles = (page: ExplorerPage) => page.items.map((item) => item.title);

describe("prefixTerms", () => {
  it("makes every typed word a quoted prefix, ignoring what is not a word", () => {
    expect(prefixTerms("Kunde  svar")).toEqual(["'kunde':*", "'svar':*"]);
    expect(prefixTerms("it's a:b & c|d!")).toEqual(["'it''s':*", "'a:b':*", "'c|d!':*"]);
    expect(prefixTerms("back\\slash")).toEqual(["'back\\\\slash':*"]);
    expect(prefixTerms(" – !! ")).toEqual([]);
    expect(prefixTerms("")).toEqual([]);
    expect(prefixTerms(undefined)).toEqual([]);
  });
});

describe("the OKR explorer", () => {
  it("lists the cycle's objectives with their key results, archived ones only on request", async () => {
    const w = await transparencyWorld();
    const member = w.people.henrik.ctx;
    const page = await exploreObjectives(member, {});
    expect(page.cycle?.id).toBe(w.cycleId);
    expect(titles(page)).toEqual([
      "A checkout that never lets a customer down",
      "Answer faster without sounding like a robot",
      "Become the shop Norwegians recommend to friends",
      "Give answers customers brag about",
      "Learn email automation",
      "Turn first-time buyers into regulars",
    ]);
    expect(page.total).toBe(6);
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
    const answers = page.items.find((item) => item.id === w.objectives.answers);
    expect(answers).toMatchObject({ teamName: "Customer Service", ownerName: "Nora Kristiansen", status: "on_track", level: "team", progress: 0.9 });
    expect(answers?.keyResults.map((kr) => [kr.title, kr.status])).toEqual([
      ["Cut first response time from 9 to 2 hours", "on_track"],
      ["Raise CSAT from 82 % to 92 %", "on_track"],
    ]);

    const withArchived = await exploreObjectives(member, { archived: "1" });
    expect(withArchived.total).toBe(7);
    expect(withArchived.items.find((item) => item.id === w.objectives.archived)?.archived).toBe(true);
    expect(titles(await exploreObjectives(member, { archived: "0" }))).not.toContain("Old archived goal about customers");
  });

  it("reads a closed cycle, and answers not found for another organisation's cycle", async () => {
    const w = await transparencyWorld();
    const closed = await exploreObjectives(w.people.emil.ctx, { cycle: w.closedCycleId });
    expect(closed.cycle?.status).toBe("closed");
    expect(titles(closed)).toEqual(["Last year's customer goal"]);

    const other = await transparencyWorld("Other");
    expect((await appError(exploreObjectives(w.people.emil.ctx, { cycle: other.cycleId }))).code).toBe("not_found");
  });

  it("filters by level, owner and alignment", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.emil.ctx;
    expect(titles(await exploreObjectives(ctx, { level: "individual" }))).toEqual(["Answer faster without sounding like a robot", "Learn email automation"]);
    expect(titles(await exploreObjectives(ctx, { owner: w.people.emil.user.id }))).toEqual(["Learn email automation", "Turn first-time buyers into regulars"]);
    expect(titles(await exploreObjectives(ctx, { aligned: "yes" }))).toEqual([
      "Give answers customers brag about",
      "Learn email automation",
      "Turn first-time buyers into regulars",
    ]);
    // The company objective is where alignment starts: it is not "unaligned".
    expect(titles(await exploreObjectives(ctx, { aligned: "no" }))).toEqual(["A checkout that never lets a customer down", "Answer faster without sounding like a robot"]);
    expect(titles(await exploreObjectives(ctx, { level: "team", owner: w.people.henrik.user.id }))).toEqual(["A checkout that never lets a customer down"]);
  });

  it("filters by a team together with its sub-teams", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.henrik.ctx;
    expect(titles(await exploreObjectives(ctx, { team: w.teams.commerce }))).toEqual(["Give answers customers brag about", "Turn first-time buyers into regulars"]);
    expect(titles(await exploreObjectives(ctx, { team: w.teams.service }))).toEqual(["Give answers customers brag about"]);
    const other = await transparencyWorld("Other");
    expect((await exploreObjectives(ctx, { team: other.teams.commerce })).total).toBe(0);
  });

  it("filters by the worst key result's status, as the cards show it", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.nora.ctx;
    const expected: Record<string, string[]> = {
      on_track: ["Become the shop Norwegians recommend to friends", "Give answers customers brag about"],
      at_risk: ["Turn first-time buyers into regulars"],
      off_track: ["A checkout that never lets a customer down"],
      stale: ["Learn email automation"],
      not_started: ["Answer faster without sounding like a robot"],
    };
    for (const [status, list] of Object.entries(expected)) {
      const page = await exploreObjectives(ctx, { status: status as ExplorerQuery["status"] });
      expect(titles(page), status).toEqual(list);
      expect(page.items.every((item) => item.status === status)).toBe(true);
    }
  });

  it("filters by pace against the cycle's expected line", async () => {
    const w = await transparencyWorld();
    const ctx = w.people.nora.ctx;
    const cycle = await getCycle(ctx, w.cycleId);
    if (!cycle) throw new Error("no cycle");
    const all = await exploreObjectives(ctx, {});
    const ahead = await exploreObjectives(ctx, { pace: "ahead" });
    const behind = await exploreObjectives(ctx, { pace: "behind" });
    // Read the line after the queries: it only moves forward, so nothing can flip the other way.
    const line = expectedProgress(cycle, now());
    expect(ahead.items.every((item) => item.progress >= line - 1e-6)).toBe(true);
    expect(behind.items.every((item) => item.progress < line + 1e-6)).toBe(true);
    expect(ahead.total + behind.total).toBe(all.total);
    expect(titles(ahead)).toContain("Answer faster without sounding like a robot");
    expect(titles(behind)).toContain("A checkout that never lets a customer down");
  });

  it("searches objective and key result text in English and Norwegian, by prefix", async () => {
    const w = await transparencyWorld();
    const other = await transparencyWorld("Other");
    const ctx = w.people.henrik.ctx;
    const search = async (q: string) => titles(await exploreObjectives(ctx, { q }));
    // English, by a word's start, in a title.
    expect(await search("custom")).toEqual(["A checkout that never lets a customer down", "Give answers customers brag about"]);
    expect(await search("ROBOT")).toEqual(["Answer faster without sounding like a robot"]);
    // Norwegian in a description: "kunde" finds "Kundene" and "kunder"; words with æ, ø, å.
    expect(await search("kunde")).toEqual(["Give answers customers brag about", "Turn first-time buyers into regulars"]);
    expect(await search("kunden")).toEqual(["Give answers customers brag about"]);
    expect(await search("førstegang")).toEqual(["Turn first-time buyers into regulars"]);
    expect(await search("løser saken")).toEqual(["Give answers customers brag about"]);
    // In a key result's title and in its description.
    expect(await search("julekamp")).toEqual(["Learn email automation"]);
    expect(await search("betalingsløsning")).toEqual(["A checkout that never lets a customer down"]);
    expect(await search("CSAT")).toEqual(["Give answers customers brag about"]);
    // Every word must match, somewhere in the objective or its key results.
    expect(await search("answers csat")).toEqual(["Give answers customers brag about"]);
    expect(await search("answers robot")).toEqual([]);
    // Hyphenated words, and what would be tsquery syntax, are only text.
    expect(await search("help-centre")).toEqual(["Answer faster without sounding like a robot"]);
    expect(await search("first-time")).toEqual(["Turn first-time buyers into regulars"]);
    expect(await search("!(& | :*")).toHaveLength(6);
    expect(await search("nothing-like-this")).toEqual([]);
    // With other filters, and never another organisation's objectives.
    expect(titles(await exploreObjectives(ctx, { q: "custom", team: w.teams.commerce }))).toEqual(["Give answers customers brag about"]);
    const ids = new Set(Object.values(other.objectives));
    expect((await exploreObjectives(ctx, { q: "give answers", archived: "1" })).items.some((item) => ids.has(item.id))).toBe(false);
  });

  it("keeps key result text searchable as key results are written through the services", async () => {
    const w = await okrWorld();
    const ctx = w.member.ctx;
    const found = async (q: string) => titles(await exploreObjectives(ctx, { q }));
    expect(await found("nps")).toEqual(["Become the shop Norwegians recommend"]);
    const zebra = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Paint zebra stripes", description: "Sebraer på veggen" }));
    expect(await found("zebra")).toEqual(["Become the shop Norwegians recommend"]);
    expect(await found("sebra")).toEqual(["Become the shop Norwegians recommend"]);
    // A check-in changes the key result's values, not its text: the search stays as it was.
    await createCheckIn(w.org.ownerCtx, zebra.id, { value: "40", confidence: "on_track", note: "" });
    expect(await found("zebra")).toEqual(["Become the shop Norwegians recommend"]);
    await updateKeyResult(w.org.ownerCtx, zebra.id, { version: 1, title: "Paint lion manes" });
    expect(await found("zebra")).toEqual([]);
    expect(await found("lion")).toEqual(["Become the shop Norwegians recommend"]);
    await deleteKeyResult(w.org.ownerCtx, zebra.id);
    expect(await found("lion")).toEqual([]);
    expect(await found("nps")).toEqual(["Become the shop Norwegians recommend"]);
    // Deleting an objective takes its key results with it, triggers and all.
    await deleteObjective(w.org.ownerCtx, w.company.id);
    expect(await found("nps")).toEqual([]);
  });

  it("offers the organisation's teams (parents first) and the people with objectives in view as filters", async () => {
    const w = await transparencyWorld();
    const names = (options: { owners: Array<{ name: string }> }) => options.owners.map((owner) => owner.name);
    const options = await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.cycleId });
    expect(options.teams.map((team) => [team.name, team.depth])).toEqual([
      ["Commerce", 0],
      ["Customer Service", 1],
      ["Platform", 0],
    ]);
    expect(names(options)).toEqual(["Emil Johansen", "Henrik Dahl", "Nora Kristiansen", "Transparency Owner"]);
    expect(options.ownersComplete).toBe(true);
    // Within Commerce and its sub-team; the chosen owner stays offered even when out of view.
    expect(names(await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.cycleId, team: w.teams.commerce }))).toEqual(["Emil Johansen", "Nora Kristiansen"]);
    expect(names(await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.cycleId, team: w.teams.platform, owner: w.people.nora.user.id }))).toEqual(["Henrik Dahl", "Nora Kristiansen"]);
    // Only the closed cycle's owner for the closed cycle.
    expect(names(await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.closedCycleId }))).toEqual(["Nora Kristiansen"]);
  });

  it("offers only the chosen owner when there are too many people to list", async () => {
    const w = await transparencyWorld();
    const cut = await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.cycleId, owner: w.people.henrik.user.id }, 3);
    expect(cut).toMatchObject({ ownersComplete: false, owners: [{ id: w.people.henrik.user.id, name: "Henrik Dahl" }] });
    expect((await explorerFilterOptions(w.people.emil.ctx, { cycleId: w.cycleId }, 3)).owners).toEqual([]);
  });
});

describe("explorer pagination", () => {
  async function manyObjectives() {
    const org = await newOrganisation("Pages");
    const people = [org.owner.id, (await org.join("member", "Bea")).user.id, (await org.join("member", "Al")).user.id];
    const cycleId = await activeCycleId(org.ownerCtx);
    const db = await getDb();
    const base = Date.parse("2026-11-01T10:00:00Z");
    for (let i = 0; i < 37; i++) {
      const id = await insertObjective(org.orgId, cycleId, {
        // Repeated titles and progress values, so the id has to break ties.
        title: `Goal ${String(i % 9).padStart(2, "0")}`,
        owner: people[i % 3] ?? org.owner.id,
        progress: String((i % 5) / 4),
        level: "individual",
      });
      // Some share a timestamp; others differ by less than a millisecond.
      const micros = i % 4 === 0 ? 0 : i * 7;
      await db.execute(sql`update objectives set updated_at = ${new Date(base + (i % 6) * 1000).toISOString()}::timestamptz + make_interval(secs => ${micros} / 1000000.0) where org_id = ${org.orgId} and id = ${id}`);
    }
    const foreign = await newOrganisation("Foreign");
    await insertObjective(foreign.orgId, await activeCycleId(foreign.ownerCtx), { title: "Goal 00", owner: foreign.owner.id });
    return { ctx: org.ownerCtx, cycleId, foreignOrgId: foreign.orgId };
  }

  async function walk(ctx: TenantContext, query: ExplorerQuery, pageSize: number) {
    const forward: ExplorerPage[] = [];
    let after: string | undefined;
    do {
      const page = await exploreObjectives(ctx, { ...query, after }, { pageSize });
      forward.push(page);
      after = page.nextCursor ?? undefined;
    } while (after && forward.length < 50);
    const backward: ExplorerPage[] = [];
    let before = forward.at(-1)?.prevCursor ?? undefined;
    while (before && backward.length < 50) {
      const page = await exploreObjectives(ctx, { ...query, before }, { pageSize });
      backward.unshift(page);
      before = page.prevCursor ?? undefined;
    }
    return { forward, backward };
  }

  const sorts: Array<[ExplorerSort, SortDirection]> = [
    ["title", "asc"],
    ["title", "desc"],
    ["progress", "desc"],
    ["progress", "asc"],
    ["owner", "asc"],
    ["owner", "desc"],
    ["updated", "desc"],
    ["updated", "asc"],
  ];

  it("walks every sort forwards and back with no duplicates and no gaps", async () => {
    const { ctx } = await manyObjectives();
    for (const [sort, dir] of sorts) {
      const all = await exploreObjectives(ctx, { sort, dir }, { pageSize: 1000 });
      expect(all.total).toBe(37);
      const { forward, backward } = await walk(ctx, { sort, dir }, 8);
      const ids = forward.flatMap((page) => page.items.map((item) => item.id));
      expect(ids, `${sort} ${dir}`).toEqual(all.items.map((item) => item.id));
      expect(forward.map((page) => page.items.length)).toEqual([8, 8, 8, 8, 5]);
      // Back from the last page: the same pages, the first of them without a previous one.
      expect(backward.map((page) => page.items.map((item) => item.id))).toEqual(forward.slice(0, -1).map((page) => page.items.map((item) => item.id)));
      expect(backward[0]?.prevCursor).toBeNull();
    }
  });

  it("counts up to the limit and then says there are more", async () => {
    const { ctx } = await manyObjectives();
    expect(await exploreObjectives(ctx, {}, { countLimit: 37 })).toMatchObject({ total: 37, totalIsLowerBound: false });
    const capped = await exploreObjectives(ctx, {}, { countLimit: 36 });
    expect(capped).toMatchObject({ total: 36, totalIsLowerBound: true });
    expect(capped.items).toHaveLength(25);
    expect(await exploreObjectives(ctx, { q: "zzz-nothing" }, { countLimit: 36 })).toMatchObject({ total: 0, totalIsLowerBound: false });
  });

  it("sorts in the order asked for", async () => {
    const { ctx } = await manyObjectives();
    const byProgress = (await exploreObjectives(ctx, { sort: "progress" }, { pageSize: 1000 })).items.map((item) => item.progress);
    expect(byProgress).toEqual([...byProgress].sort((a, b) => b - a));
    const byUpdated = (await exploreObjectives(ctx, { sort: "updated", dir: "asc" }, { pageSize: 1000 })).items.map((item) => item.updatedAt.getTime());
    expect(byUpdated).toEqual([...byUpdated].sort((a, b) => a - b));
    const byOwner = (await exploreObjectives(ctx, { sort: "owner" }, { pageSize: 1000 })).items.map((item) => item.ownerName);
    expect(byOwner[0]).toBe("Al");
  });

  it("starts from the first page for a cursor it did not make", async () => {
    const { ctx } = await manyObjectives();
    const first = await exploreObjectives(ctx, {}, { pageSize: 5 });
    const someId = first.items[2]?.id ?? "";
    for (const after of ["garbage", encodeCursor(["progress", "desc", "0.5"], someId), encodeCursor(["title", "asc", "x"], "not-a-uuid")]) {
      expect((await exploreObjectives(ctx, { after }, { pageSize: 5 })).items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    }
    // A cursor of the right sort with a value that is not a number starts over too, without an error.
    const bad = encodeCursor(["progress", "desc", "1; drop table objectives"], someId);
    expect((await exploreObjectives(ctx, { sort: "progress", after: bad }, { pageSize: 5 })).prevCursor).toBeNull();
  });

  it("sends the same number of queries for a small and a much larger organisation", async () => {
    const small = await transparencyWorld("Small");
    const { ctx: large, cycleId: largeCycle } = await manyObjectives();
    const queries: ExplorerQuery[] = [{}, { aligned: "no", pace: "behind", sort: "owner", dir: "desc", archived: "1" }];
    for (const query of queries) {
      const few = await countQueries(() => exploreObjectives(small.org.ownerCtx, query));
      const many = await countQueries(() => exploreObjectives(large, query));
      expect(few.result.items.length).toBeGreaterThan(0);
      expect(many.result.items.length).toBeGreaterThan(0);
      // The tenant settings, the cycles, the page, the count and the page's key results.
      expect(few.count).toBe(5);
      expect(many.count).toBe(5);
    }
    // A search is no extra query; a team filter reads the team's subtree first.
    expect((await countQueries(() => exploreObjectives(large, { q: "goal 0", status: "not_started" }))).count).toBeLessThanOrEqual(5);
    expect((await countQueries(() => exploreObjectives(small.org.ownerCtx, { team: small.teams.commerce }))).count).toBe(6);
    // The tenant settings, the teams, the owners in view and their names.
    expect((await countQueries(() => explorerFilterOptions(large, { cycleId: largeCycle }))).count).toBe(4);
  });

  it("never shows another organisation's objectives", async () => {
    const { ctx, foreignOrgId } = await manyObjectives();
    const db = await getDb();
    const foreignIds = new Set((await db.select({ id: objectives.id }).from(objectives).where(eq(objectives.orgId, foreignOrgId))).map((row) => row.id));
    const { forward } = await walk(ctx, { q: "goal" }, 10);
    const ids = forward.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toHaveLength(37);
    expect(ids.some((id) => foreignIds.has(id))).toBe(false);
  });
});
