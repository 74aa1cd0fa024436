import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { createTranslator } from "next-intl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkIns, cycles, cycleStatistics, keyResults, objectives } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { UTF8_BOM } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { Translate } from "@/lib/validation/errors";
import { weekStart } from "@/lib/okr/week";
import { carryOver } from "./carry-over";
import { closeCycle } from "@/lib/services/cycles";
import { createTeam } from "@/lib/services/teams";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { growOrganisation } from "@/tests/report-world";
import { activeCycleId } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { loadQuarterStats, missingStatisticsSql, QUARTER_STATS_CYCLES, type QuarterScope } from "./quarter-stats";
import { exportQuarterStatsCsv } from "./quarter-stats-export";

setupTestDatabase();

// A Wednesday in the third quarter of 2025; the world below is built around it.
const TODAY = "2025-07-16T10:00:00Z";
beforeEach(() => pinClock(TODAY));
afterEach(() => unpinClock());

const at = (iso: string) => new Date(iso);

/**
 * Cycles with known figures, written as the database owner with times to the second (objectives
 * at the progress their score will be), then closed through closeCycle at the pinned moment each
 * closes. Mia is in Marketing; the organisation's owner writes the company objectives.
 *
 *   Q1 2025  1 Jan – 31 Mar, closed 2 Apr: weeks of 30 Dec … 31 Mar (14)
 *     A company   0.80  a1 (created 31 Dec): check-ins 29 Dec (before), 6 and 8 Jan (one week), 3 Feb, 7 Apr (after its last week) → 2 of 14
 *     B Marketing 0.70  b1 (created Mon 10 Mar): 10 Mar 00:00, Sun 16 Mar 23:59 (same week), 31 Mar → 2 of 4
 *     C Mia's own 0.30  no key results
 *     D Marketing 1.00  archived: not counted
 *   Q2 2025  1 Apr – 30 Jun, closed early on Wed 18 Jun: weeks of 31 Mar … 16 Jun (12)
 *     E company   0.95  e1 (created 1 Apr): every Monday, twice in one week, once on 25 Jun (after the close) → 12 of 12
 *     F Marketing 0.50  f1 (created 1 Apr), never checked in → 0 of 12
 *   Q4 2024 closed without objectives; seven older closed cycles; Q3 2025 active (not counted).
 */
async function quarterWorld(label = "Quarters", beforeClose?: (world: { orgId: string; ownerId: string; q2: string; marketing: string }) => Promise<void>) {
  const org = await newOrganisation(label);
  const mia = await org.join("member", "Mia");
  const marketing = await createTeam(org.ownerCtx, { name: "Marketing" });
  const db = await getDb();
  const orgId = org.orgId;
  const owner = org.owner.id;

  const cycle = (name: string, startDate: string, endDate: string, closedAt: string) => ({
    orgId,
    id: randomUUID(),
    name,
    startDate,
    endDate,
    status: "planning" as const,
    closesAt: closedAt,
  });
  const q1 = cycle("Q1 2025", "2025-01-01", "2025-03-31", "2025-04-02T09:00:00Z");
  const q2 = cycle("Q2 2025", "2025-04-01", "2025-06-30", "2025-06-18T15:00:00Z");
  const q4 = cycle("Q4 2024", "2024-10-01", "2024-12-31", "2025-01-03T09:00:00Z");
  const older = Array.from({ length: 7 }, (_, i) => {
    const year = 2022 + Math.floor(i / 4);
    const month = (i % 4) * 3 + 1;
    const start = `${year}-${String(month).padStart(2, "0")}-01`;
    return cycle(`Old ${i}`, start, `${year}-${String(month + 2).padStart(2, "0")}-28`, `${year}-${String(month + 2).padStart(2, "0")}-28T12:00:00Z`);
  });
  await db.insert(cycles).values([q1, q2, q4, ...older].map(({ closesAt: _closesAt, ...row }) => row));

  const objective = (cycleId: string, title: string, score: string, extra: Partial<typeof objectives.$inferInsert> = {}) => ({
    orgId,
    id: randomUUID(),
    cycleId,
    level: "company" as const,
    ownerUserId: owner,
    title,
    progress: score,
    score,
    ...extra,
  });
  const inMarketing = { level: "team" as const, teamId: marketing.id, ownerUserId: mia.user.id };
  const a = objective(q1.id, "A", "0.80");
  const b = objective(q1.id, "B", "0.70", inMarketing);
  const c = objective(q1.id, "C", "0.30", { level: "individual", ownerUserId: mia.user.id });
  const d = objective(q1.id, "D", "1.00", { ...inMarketing, archivedAt: at("2025-03-01T00:00:00Z") });
  const e = objective(q2.id, "E", "0.95");
  const f = objective(q2.id, "F", "0.50", inMarketing);
  await db.insert(objectives).values([a, b, c, d, e, f]);

  const keyResult = (objectiveId: string, createdAt: string) => ({
    orgId,
    id: randomUUID(),
    objectiveId,
    title: "Grow from 0 to 10",
    targetValue: "10",
    ownerUserId: owner,
    dueDate: "2099-12-31",
    createdAt: at(createdAt),
  });
  const a1 = keyResult(a.id, "2024-12-31T08:00:00Z");
  const b1 = keyResult(b.id, "2025-03-10T08:00:00Z");
  const d1 = keyResult(d.id, "2025-01-01T08:00:00Z");
  const e1 = keyResult(e.id, "2025-04-01T08:00:00Z");
  const f1 = keyResult(f.id, "2025-04-01T08:00:00Z");
  await db.insert(keyResults).values([a1, b1, d1, e1, f1]);

  const mondaysOfQ2 = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, 2, 31 + i * 7, 9)).toISOString());
  const times: Array<[string, string]> = [
    ...["2024-12-29T12:00:00Z", "2025-01-06T09:00:00Z", "2025-01-08T09:00:00Z", "2025-02-03T09:00:00Z", "2025-04-07T09:00:00Z"].map((time): [string, string] => [a1.id, time]),
    ...["2025-03-10T00:00:00Z", "2025-03-16T23:59:59Z", "2025-03-31T12:00:00Z"].map((time): [string, string] => [b1.id, time]),
    [d1.id, "2025-01-06T09:00:00Z"],
    ...[...mondaysOfQ2, "2025-04-09T09:00:00Z", "2025-06-25T09:00:00Z"].map((time): [string, string] => [e1.id, time]),
  ];
  await db.insert(checkIns).values(
    times.map(([keyResultId, time]) => ({ orgId, id: randomUUID(), keyResultId, authorUserId: owner, value: "1", confidence: "on_track" as const, createdAt: at(time) })),
  );

  // The open quarter has an objective of its own, which no statistic counts.
  const current = await activeCycleId(org.ownerCtx);
  await db.insert(objectives).values(objective(current, "Now", "0.10"));
  await beforeClose?.({ orgId, ownerId: owner, q2: q2.id, marketing: marketing.id });

  // Closing freezes the scores (from progress) and records the statistics, each at its own moment.
  for (const cycle of [...older, q4, q1, q2]) {
    pinClock(cycle.closesAt);
    await closeCycle(org.ownerCtx, cycle.id);
  }
  pinClock(TODAY);
  return { org, mia, marketing, q1, q2, q4, older, db, current, a, b };
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
const figures = (rows: Awaited<ReturnType<typeof loadQuarterStats>>) =>
  rows.map((row) => ({
    name: row.cycleName,
    objectives: row.objectiveCount,
    average: round(row.averageScore),
    success: round(row.successShare),
    weeks: `${row.checkedInWeeks}/${row.keyResultWeeks}`,
    rate: round(row.checkInRate),
    carried: row.carriedOver,
  }));

describe("loadQuarterStats", () => {
  it("works out each closed quarter's figures for the organisation, a team and a person as by hand", async () => {
    const world = await quarterWorld();
    // Another organisation's closed quarters never count.
    await quarterWorld("Elsewhere");
    const ctx = world.org.ownerCtx;
    // A (company) and B (Marketing, Mia's) go on into the open quarter; C stays behind as done.
    await carryOver(ctx, world.q1.id, { toCycleId: world.current, items: [{ objectiveId: world.a.id, keyResults: [] }, { objectiveId: world.b.id, keyResults: [] }] });

    const org = await loadQuarterStats(ctx, { kind: "organisation" });
    // The last eight closed cycles, oldest first: five of the old ones, then Q4, Q1 and Q2.
    expect(org).toHaveLength(QUARTER_STATS_CYCLES);
    expect(org.map((row) => row.cycleName)).toEqual(["Old 2", "Old 3", "Old 4", "Old 5", "Old 6", "Q4 2024", "Q1 2025", "Q2 2025"]);
    expect(figures(org).slice(-3)).toEqual([
      { name: "Q4 2024", objectives: 0, average: null, success: null, weeks: "0/0", rate: null, carried: 0 },
      { name: "Q1 2025", objectives: 3, average: 0.6, success: 0.6667, weeks: "4/18", rate: 0.2222, carried: 2 },
      { name: "Q2 2025", objectives: 2, average: 0.725, success: 0.5, weeks: "12/24", rate: 0.5, carried: 0 },
    ]);
    expect(org.at(-1)).toMatchObject({ cycleId: world.q2.id, startDate: "2025-04-01", endDate: "2025-06-30" });

    const team = await loadQuarterStats(ctx, { kind: "team", teamId: world.marketing.id });
    expect(figures(team).slice(-2)).toEqual([
      { name: "Q1 2025", objectives: 1, average: 0.7, success: 1, weeks: "2/4", rate: 0.5, carried: 1 },
      { name: "Q2 2025", objectives: 1, average: 0.5, success: 0, weeks: "0/12", rate: 0, carried: 0 },
    ]);

    // Mia owns B (team), C (her own) and F; any member may read them.
    const person = await loadQuarterStats(world.mia.ctx, { kind: "person", userId: world.mia.user.id });
    expect(figures(person).slice(-2)).toEqual([
      { name: "Q1 2025", objectives: 2, average: 0.5, success: 0.5, weeks: "2/4", rate: 0.5, carried: 1 },
      { name: "Q2 2025", objectives: 1, average: 0.5, success: 0, weeks: "0/12", rate: 0, carried: 0 },
    ]);
  });

  it("counts a week as lib/okr/week.ts does, for check-ins at random instants", async () => {
    const first = weekStart(at("2025-04-01T00:00:00Z")).getTime();
    const last = weekStart(at("2025-06-18T15:00:00Z")).getTime();
    let times: Date[] = [];
    const world = await quarterWorld("Weeks", async ({ orgId, ownerId }) => {
      // Random instants from a week before the cycle to a week after its close, on a fresh key result of F.
      const db = await getDb();
      const [f] = await db.select({ id: objectives.id }).from(objectives).where(and(eq(objectives.orgId, orgId), eq(objectives.title, "F")));
      if (!f) throw new Error("no F");
      const kr = { orgId, id: randomUUID(), objectiveId: f.id, title: "Random", targetValue: "10", ownerUserId: ownerId, dueDate: "2099-12-31", createdAt: at("2025-03-20T00:00:00Z") };
      await db.insert(keyResults).values(kr);
      let seed = 7;
      const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      const from = first - 7 * 86_400_000;
      times = Array.from({ length: 40 }, () => new Date(from + Math.floor(random() * (last - from + 21 * 86_400_000))));
      await db.insert(checkIns).values(times.map((time) => ({ orgId, id: randomUUID(), keyResultId: kr.id, authorUserId: ownerId, value: "1", confidence: "on_track" as const, createdAt: time })));
    });
    const weeks = new Set(times.map((time) => weekStart(time).getTime()).filter((week) => week >= first && week <= last));
    expect(weeks.size).toBeGreaterThan(5);

    const [, , , , , , , q2] = await loadQuarterStats(world.org.ownerCtx, { kind: "team", teamId: world.marketing.id });
    // f1 has no check-ins; the random key result counts from the cycle's first week.
    expect(q2).toMatchObject({ keyResultWeeks: 24, checkedInWeeks: weeks.size });
  });

  it("records the same figures through migration 0009's function as through closing, from the day each cycle was closed", async () => {
    const migration = readFileSync(join(process.cwd(), "db/migrations/0010_quarter_statistics.sql"), "utf8");
    const rendered = new PgDialect().sqlToQuery(missingStatisticsSql());
    expect(rendered.params).toEqual([]);
    const body = /\$body\$\n([\s\S]*?)\n\$body\$/.exec(migration)?.[1];
    const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(normalise(body ?? "")).toBe(normalise(rendered.sql));

    const world = await quarterWorld("Backfill");
    const scopes: QuarterScope[] = [{ kind: "organisation" }, { kind: "team", teamId: world.marketing.id }, { kind: "person", userId: world.mia.user.id }];
    const read = () => Promise.all(scopes.map((scope) => loadQuarterStats(world.org.ownerCtx, scope)));
    const closed = await read();
    // As if the cycles had closed before statistics were kept: closed_at says when.
    for (const cycle of [...world.older, world.q4, world.q1, world.q2]) {
      await world.db.update(cycles).set({ closedAt: at(cycle.closesAt) }).where(and(eq(cycles.orgId, world.org.orgId), eq(cycles.id, cycle.id)));
    }
    await world.db.delete(cycleStatistics).where(eq(cycleStatistics.orgId, world.org.orgId));
    expect((await read())[0]?.at(-1)).toMatchObject({ objectiveCount: 0, averageScore: null, checkInRate: null });
    await world.db.execute(sql`select record_missing_cycle_statistics()`);
    expect(await read()).toEqual(closed);
  });

  it("sends one statement in one transaction, for a small and a much larger organisation alike", async () => {
    const small = await quarterWorld("Small");
    // The large organisation's Q2 grows by 60 teams of objectives, key results and check-ins before it closes.
    let grown = { objectives: 0 };
    const large = await quarterWorld("Large", async ({ orgId, ownerId, q2 }) => {
      grown = await growOrganisation(orgId, q2, ownerId, 60);
    });
    expect(grown.objectives).toBeGreaterThan(250);
    const scopes = (world: typeof small): QuarterScope[] => [
      { kind: "organisation" },
      { kind: "team", teamId: world.marketing.id },
      { kind: "person", userId: world.mia.user.id },
    ];
    const counts = async (world: typeof small) => {
      const result: number[] = [];
      for (const scope of scopes(world)) result.push((await countQueries(() => loadQuarterStats(world.org.ownerCtx, scope))).count);
      return result;
    };
    const smallCounts = await counts(small);
    expect(smallCounts).toEqual(await counts(large));
    // The tenant's set_config, then the statistics.
    expect(smallCounts).toEqual([2, 2, 2]);
    const [largeOrg] = (await loadQuarterStats(large.org.ownerCtx, { kind: "organisation" })).slice(-1);
    expect(largeOrg?.objectiveCount).toBe(2 + grown.objectives);
  });
});

describe("exportQuarterStatsCsv", () => {
  const english = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
  const norwegian = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;
  const notFound = (error: unknown) => error instanceof AppError && error.code === "not_found";

  it("writes one row per closed cycle, safe for spreadsheets, and answers another organisation's team or person with not_found", async () => {
    const world = await quarterWorld("Export");
    const other = await quarterWorld("Foreign");
    // A cycle name a spreadsheet would run as a formula.
    await world.db.update(cycles).set({ name: "=HYPERLINK(1)" }).where(and(eq(cycles.orgId, world.org.orgId), eq(cycles.id, world.q1.id)));
    const ctx = world.org.ownerCtx;

    const team = await exportQuarterStatsCsv(ctx, { kind: "team", teamId: world.marketing.id }, english);
    expect(team.filename).toBe(`retning-${world.org.slug}-quarters-marketing.csv`);
    expect(team.rows).toBe(QUARTER_STATS_CYCLES);
    expect(team.body.startsWith(UTF8_BOM)).toBe(true);
    const lines = team.body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Cycle,Start,End,Objectives,Average score,Share at 0.7 or more (%),Check-in rate (%),Key-result weeks,Weeks with a check-in,Carried over");
    expect(lines.slice(-3)).toEqual([
      "Q4 2024,2024-10-01,2024-12-31,0,,,,0,0,0",
      "'=HYPERLINK(1),2025-01-01,2025-03-31,1,0.7,100,50,4,2,0",
      "Q2 2025,2025-04-01,2025-06-30,1,0.5,0,0,12,0,0",
    ]);

    const organisation = await exportQuarterStatsCsv(ctx, { kind: "organisation" }, norwegian);
    expect(organisation.filename).toBe(`retning-${world.org.slug}-quarters.csv`);
    expect(organisation.body.split("\r\n").at(-2)).toBe("Q2 2025,2025-04-01,2025-06-30,2,0.73,50,50,24,12,0");
    const person = await exportQuarterStatsCsv(ctx, { kind: "person", userId: world.mia.user.id }, english);
    expect(person.filename).toBe(`retning-${world.org.slug}-quarters-mia.csv`);

    await expect(exportQuarterStatsCsv(ctx, { kind: "team", teamId: other.marketing.id }, english)).rejects.toSatisfy(notFound);
    await expect(exportQuarterStatsCsv(ctx, { kind: "person", userId: other.mia.user.id }, english)).rejects.toSatisfy(notFound);
  });
});
