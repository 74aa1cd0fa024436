import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycles, keyResults, objectives, teams, type KeyResultDirection, type ObjectiveLevel } from "@/db/schema";
import { coachCodes, coachObjective, MAX_KEY_RESULTS, MAX_OBJECTIVES_PER_OWNER, TITLE_MAX_CHARS, TITLE_MAX_WORDS, type CoachCode, type CoachWarning } from "@/lib/okr/coach";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { insertCycle, insertMember } from "@/tests/fixtures";
import { newOrganisation } from "@/tests/world";
import { coachCounts, coachForObjectives, type CoachCounts } from "./coach";
import { now } from "@/lib/clock";

setupTestDatabase();

// Q4 2026, the cycle insertCycle() writes.
const START = "2026-10-01";
const END = "2026-12-31";

interface KeyResultSpec {
  title?: string;
  direction?: KeyResultDirection;
  start?: string;
  target?: string;
  due?: string;
}

interface ObjectiveSpec {
  title: string;
  owner: string;
  level?: ObjectiveLevel;
  teamId?: string;
  parent?: string;
  archived?: boolean;
  /** A number of good key results, or the key results themselves. */
  keyResults?: number | KeyResultSpec[];
}

const good: Required<KeyResultSpec> = { title: "Reach 40 weekly active shops", direction: "increase", start: "10", target: "40", due: END };

async function insertObjective(orgId: string, cycleId: string, spec: ObjectiveSpec): Promise<string> {
  const db = await getDb();
  const level = spec.level ?? "company";
  const [row] = await db
    .insert(objectives)
    .values({
      orgId,
      cycleId,
      level,
      teamId: level === "team" ? spec.teamId : null,
      ownerUserId: spec.owner,
      parentObjectiveId: spec.parent ?? null,
      title: spec.title,
      archivedAt: spec.archived ? now() : null,
    })
    .returning({ id: objectives.id });
  if (!row) throw new Error("no objective");
  const krs = typeof spec.keyResults === "number" || spec.keyResults === undefined ? Array.from({ length: spec.keyResults ?? 2 }, () => good) : spec.keyResults;
  if (krs.length > 0) {
    await db.insert(keyResults).values(
      krs.map((kr, position) => {
        const merged = { ...good, ...kr };
        return {
          orgId,
          objectiveId: row.id,
          title: merged.title,
          direction: merged.direction,
          startValue: merged.start,
          targetValue: merged.target,
          ownerUserId: spec.owner,
          dueDate: merged.due,
          position,
        };
      }),
    );
  }
  return row.id;
}

async function insertTeam(orgId: string, name: string): Promise<string> {
  const db = await getDb();
  const [team] = await db.insert(teams).values({ orgId, name }).returning({ id: teams.id });
  if (!team) throw new Error("no team");
  return team.id;
}

/** The coach run in TypeScript over what the database holds (read below the app's role). */
async function warningsInTypeScript(orgId: string, cycleId: string): Promise<Map<string, CoachWarning[]>> {
  const db = await getDb();
  const [cycle] = await db.select().from(cycles).where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  if (!cycle) throw new Error("no cycle");
  const rows = await db
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId), isNull(objectives.archivedAt)));
  const krs = await db.select().from(keyResults).where(eq(keyResults.orgId, orgId)).orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  const load = new Map<string, number>();
  for (const row of rows) load.set(row.ownerUserId, (load.get(row.ownerUserId) ?? 0) + 1);
  return new Map(
    rows.map((row) => [
      row.id,
      coachObjective(
        { ...row, keyResults: krs.filter((kr) => kr.objectiveId === row.id) },
        { cycle, ownerObjectiveCount: load.get(row.ownerUserId) ?? 0 },
      ),
    ]),
  );
}

function tally(warnings: Map<string, CoachWarning[]>): CoachCounts {
  const counts = { objectivesWithWarnings: 0 } as CoachCounts;
  for (const code of coachCodes) counts[code] = 0;
  for (const list of warnings.values()) {
    for (const code of new Set(list.map((warning) => warning.code))) counts[code] += 1;
    if (list.length > 0) counts.objectivesWithWarnings += 1;
  }
  return counts;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? "go" : "gå")).join(" ");

/** An organisation with a Q4 2026 cycle full of objectives that trigger each warning, and some that trigger none. */
async function coachedOrganisation(label: string) {
  const org = await newOrganisation(label);
  const db = await getDb();
  const cycle = await insertCycle(db, org.orgId, "planning");
  // Owners who each own a few objectives, so only `busy` is overloaded.
  const owners: string[] = [];
  let handedOut = 0;
  const nextOwner = async () => {
    if (handedOut % (MAX_OBJECTIVES_PER_OWNER - 1) === 0) owners.push((await insertMember(db, org.orgId, "member", `Owner ${owners.length + 1}`)).id);
    handedOut += 1;
    return owners[owners.length - 1] ?? org.owner.id;
  };
  const busy = (await insertMember(db, org.orgId, "member", "Busy")).id;
  const full = (await insertMember(db, org.orgId, "member", "Full")).id;
  const teamId = await insertTeam(org.orgId, "Commerce");
  const add = async (spec: Omit<ObjectiveSpec, "owner"> & { owner?: string }) =>
    insertObjective(org.orgId, cycle.id, { ...spec, owner: spec.owner ?? (await nextOwner()) });

  const company = await add({
    title: "Bli nettbutikken kundene anbefaler",
    keyResults: [
      good,
      { title: "Launch the new checkout", direction: "milestone", start: "0", target: "1" },
      { title: "Keep uptime high", direction: "stay_above", start: "99.9", target: "99.9" },
    ],
  });
  await add({ title: "Delight every new customer", level: "team", teamId, parent: company });
  await add({ title: "Gjøre det nok en gang, enda bedre", level: "individual", parent: company, keyResults: MAX_KEY_RESULTS });
  // Titles on both sides of the length thresholds, with Norwegian letters and white space.
  await add({ title: `Bli ${"ø".repeat(TITLE_MAX_CHARS - 12)} på nett` });
  await add({ title: `Bli ${"ø".repeat(TITLE_MAX_CHARS - 11)} på nett` });
  await add({ title: ` ${words(TITLE_MAX_WORDS)}\t` });
  await add({ title: words(TITLE_MAX_WORDS + 1) });
  // Metrics in titles, and words that only look like them.
  for (const title of ["Øke omsetningen med 20 %", "Grow NOK revenue", "Tjene mer kr på hver ordre", "Spend fewer € on ads", "Øke andelen i prosent"]) {
    await add({ title });
  }
  for (const title of ["Krydre kundereisen", "Bli prosentvis bedre", "Euro-fans love our kroner design"]) await add({ title });
  // Too few and too many key results.
  await add({ title: "Win the north", keyResults: 0 });
  await add({ title: "Win the south", keyResults: 1 });
  await add({ title: "Win the east", keyResults: MAX_KEY_RESULTS + 1 });
  // Key results that cannot be measured, and ones that can.
  await add({ title: "Hold the line", keyResults: [good, { title: "Hold 40 shops", start: "40", target: "40.000" }] });
  await add({ title: "Redusere frafallet", keyResults: [good, { title: "Redusere kundefrafallet", direction: "decrease", start: "10", target: "5" }] });
  await add({ title: "Redusere klager", keyResults: [good, { title: "Redusere klager fra 10 til 5", direction: "decrease", start: "10", target: "5" }] });
  // Due dates on and outside the cycle's edges.
  await add({ title: "Start early", keyResults: [{ due: START }, { due: END }] });
  await add({ title: "Start too early", keyResults: [good, { due: "2026-09-30" }] });
  await add({ title: "Finish too late", keyResults: [{ due: "2027-01-01" }, { due: "2027-02-01", title: "Improve quality" }] });
  // One owner above the limit, one at it (an archived objective does not count).
  for (let i = 0; i <= MAX_OBJECTIVES_PER_OWNER; i++) await add({ title: `Grow the business well`, owner: busy });
  for (let i = 0; i < MAX_OBJECTIVES_PER_OWNER; i++) await add({ title: `Serve customers well`, owner: full });
  await add({ title: "Archived and forgotten", owner: full, archived: true });
  // Team and individual objectives aligned to nothing.
  await add({ title: "Sell more online", level: "team", teamId });
  await add({ title: "Learn the trade", level: "individual" });
  // Archived objectives, and objectives of another cycle, are not counted.
  await add({ title: "Archived with 99 problems", level: "team", teamId, archived: true, keyResults: 0 });
  const [active] = await db.select().from(cycles).where(and(eq(cycles.orgId, org.orgId), eq(cycles.status, "active")));
  if (!active) throw new Error("no active cycle");
  await insertObjective(org.orgId, active.id, { title: "Other cycle: 100 % more", owner: busy, level: "individual", keyResults: 0 });
  return { org, cycle, activeCycle: active };
}

describe("coachCounts", () => {
  it("counts what coachObjective finds, objective by objective, only in the tenant's cycle", async () => {
    const a = await coachedOrganisation("Coach A");
    const b = await coachedOrganisation("Coach B");
    // Something more in B, so the two organisations differ.
    await insertObjective(b.org.orgId, b.cycle.id, { title: "Another 5 %", owner: b.org.owner.id, level: "individual", keyResults: 0 });

    const expected = tally(await warningsInTypeScript(a.org.orgId, a.cycle.id));
    expect(await coachCounts(a.org.ownerCtx, a.cycle.id)).toEqual(expected);
    expect(expected).toEqual({
      title_long: 2,
      title_has_metric: 5,
      too_few_key_results: 2,
      too_many_key_results: 1,
      key_result_not_measurable: 3,
      key_result_due_outside_cycle: 2,
      owner_overloaded: MAX_OBJECTIVES_PER_OWNER + 1,
      unaligned: 2,
      objectivesWithWarnings: 22,
    } satisfies Record<CoachCode | "objectivesWithWarnings", number>);

    const expectedB = tally(await warningsInTypeScript(b.org.orgId, b.cycle.id));
    expect(await coachCounts(b.org.ownerCtx, b.cycle.id)).toEqual(expectedB);
    expect(expectedB.title_has_metric).toBe(expected.title_has_metric + 1);

    expect(await coachCounts(a.org.ownerCtx, a.activeCycle.id)).toEqual(tally(await warningsInTypeScript(a.org.orgId, a.activeCycle.id)));
  });

  it("answers zeros for an empty cycle, and not_found for another organisation's cycle", async () => {
    const a = await newOrganisation("Coach empty");
    const b = await coachedOrganisation("Coach foreign");
    const [cycle] = await (await getDb()).select().from(cycles).where(eq(cycles.orgId, a.orgId));
    if (!cycle) throw new Error("no cycle");
    const zeros = await coachCounts(a.ownerCtx, cycle.id);
    expect(Object.values(zeros).every((value) => value === 0)).toBe(true);
    expect(Object.keys(zeros).sort()).toEqual([...coachCodes, "objectivesWithWarnings"].sort());
    expect((await appError(coachCounts(a.ownerCtx, b.cycle.id))).code).toBe("not_found");
    expect((await appError(coachCounts(a.ownerCtx, "00000000-0000-4000-8000-000000000000"))).code).toBe("not_found");
  });

  it("reads members' view too: any member may read the coach", async () => {
    const { org, cycle } = await coachedOrganisation("Coach member");
    const member = await org.join("member", "Reader");
    expect(await coachCounts(member.ctx, cycle.id)).toEqual(await coachCounts(org.ownerCtx, cycle.id));
  });
  it("reads every tricky title the way the TypeScript rules do", async () => {
    const org = await newOrganisation("Coach titles");
    const db = await getDb();
    const titles = [
      `${"🚀".repeat(TITLE_MAX_CHARS)}`,
      `${"🚀".repeat(TITLE_MAX_CHARS + 1)}`,
      `Bli ${"e\u0301".repeat(33)}`,
      `${words(TITLE_MAX_WORDS)}\v\f`,
      `${words(TITLE_MAX_WORDS - 1)}\u00a0gå gå`,
      `\t${"x".repeat(TITLE_MAX_CHARS)}\r\n`,
      "krøll", "Økr", "ÆNOK", "NOKø", "nok", "NOK", "(EUR)", "USD.", "Kr.", "kr", "a$b", "‰", "¥", "£",
      "Percentage", "percent", "Prosent!", "prosentvis", "MNOK", "kNOK", "١٢٣ Arabic digits", "Ⅻ roman", "２０ fullwidth",
    ];
    for (const title of titles) {
      const cycle = await insertCycle(db, org.orgId, "planning");
      const owner = (await insertMember(db, org.orgId, "member", "Writer")).id;
      await insertObjective(org.orgId, cycle.id, { title, owner });
      const expected = tally(await warningsInTypeScript(org.orgId, cycle.id));
      expect({ title, counts: await coachCounts(org.ownerCtx, cycle.id) }).toEqual({ title, counts: expected });
    }
  });
});

describe("coachForObjectives", () => {
  it("gives each objective the warnings coachObjective gives, and nothing for other organisations", async () => {
    const a = await coachedOrganisation("Coach list A");
    const b = await coachedOrganisation("Coach list B");
    const expected = await warningsInTypeScript(a.org.orgId, a.cycle.id);
    const foreign = [...(await warningsInTypeScript(b.org.orgId, b.cycle.id)).keys()];
    const result = await coachForObjectives(a.org.ownerCtx, [...expected.keys(), ...foreign.slice(0, 3), "not-a-uuid"]);
    expect(result).toEqual(expected);
    expect([...result.values()].some((list) => list.length === 0)).toBe(true);
    expect(await coachForObjectives(a.org.ownerCtx, foreign)).toEqual(new Map());
    expect(await coachForObjectives(a.org.ownerCtx, [])).toEqual(new Map());
  });

  it("names the key result a warning is about", async () => {
      const { org, cycle } = await coachedOrganisation("Coach kr");
    const id = await insertObjective(org.orgId, cycle.id, {
      title: "Keep things tidy",
      owner: (await insertMember(await getDb(), org.orgId, "member", "Tidy")).id,
      keyResults: [good, { title: "Improve quality", due: "2027-03-01" }],
    });
    const db = await getDb();
    const [, vague] = await db.select().from(keyResults).where(and(eq(keyResults.orgId, org.orgId), eq(keyResults.objectiveId, id))).orderBy(asc(keyResults.position));
    if (!vague) throw new Error("no key result");
    expect((await coachForObjectives(org.ownerCtx, [id])).get(id)).toEqual([
      { code: "key_result_not_measurable", keyResultId: vague.id, values: { keyResult: "Improve quality" } },
      {
        code: "key_result_due_outside_cycle",
        keyResultId: vague.id,
        values: { keyResult: "Improve quality", dueDate: "2027-03-01", cycleStart: START, cycleEnd: END },
      },
    ]);
  });
});
