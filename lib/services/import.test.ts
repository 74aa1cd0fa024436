import { and, asc, count, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, keyResults, objectives } from "@/db/schema";
import { toCsv, type CsvCell } from "@/lib/csv";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { IMPORT_MAX_ROWS } from "@/lib/import/types";
import type { Translate } from "@/lib/validation/errors";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { okrWorld } from "@/tests/okr-world";
import { contextFor } from "@/tests/world";
import { countQueries } from "@/tests/query-count";
import { closeCycle, createNextCycle, getCycle } from "./cycles";
import { exportCycleCsv } from "./export";
import { importCsv, previewImport } from "./import";
import { addTeamMember, createTeam, removeTeamMember } from "./teams";

setupTestDatabase();

const english = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
const norwegian = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;

const HEADER = ["Objective", "Level", "Team", "Owner", "Aligned to", "Key result", "Key result owner", "Start", "Target", "Unit", "Direction", "Due date"];
const csvOf = (rows: CsvCell[][], header = HEADER) => toCsv([header, ...rows]);

/** An organisation (okrWorld: owner, a Marketing team led by Lead with Member in it, and Outsider) and a cycle to import into. */
async function world(label: string) {
  const w = await okrWorld(label);
  const cycle = await getCycle(w.org.ownerCtx, w.cycleId);
  if (!cycle) throw new Error("no cycle");
  return { ...w, cycle };
}

/** Objectives, key results and activity rows of the organisation: an import that fails changes none. */
async function footprint(orgId: string) {
  const db = await getDb();
  const [o] = await db.select({ n: count() }).from(objectives).where(eq(objectives.orgId, orgId));
  const [k] = await db.select({ n: count() }).from(keyResults).where(eq(keyResults.orgId, orgId));
  const [a] = await db.select({ n: count() }).from(activity).where(eq(activity.orgId, orgId));
  return { objectives: o?.n ?? 0, keyResults: k?.n ?? 0, activity: a?.n ?? 0 };
}

async function objectivesOf(orgId: string, cycleId: string) {
  const db = await getDb();
  return db.select().from(objectives).where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId))).orderBy(asc(objectives.title));
}

describe("importCsv (POST /api/orgs/[org]/cycles/[cycleId]/import)", () => {
  it("creates exactly the file's objectives and key results, with owners, teams, alignment, units and directions", async () => {
    const w = await world("Import");
    const ctx = w.org.ownerCtx;
    const due = w.cycle.endDate;
    const csv = csvOf([
      ["Grow the community", "Company", "", w.org.owner.name, "", "Reach 500 members", w.lead.user.email, "100", "500", "", "", ""],
      ["Grow the community", "company", "", w.org.owner.email.toUpperCase(), "", "Raise sponsorship", "", "0", "1 000 000", "NOK", "", ""],
      ["Win social", "Team", "marketing", "Lead", "Grow the community", "Post every week", "", "0", "12", "posts", "", due],
      ["Win social", "Team", "Marketing", "Lead", "Grow the community", "Keep churn low", "Member", "5", "5", "%", "Stay below", ""],
      ["Learn the tool", "Individual", "", w.member.user.email, "Win social", "", "", "", "", "", "", ""],
      ["", "", "", "", "", "", "", "", "", "", "", ""],
      ["Ship it", "Individual", "", "Member", "Become the shop Norwegians recommend", "Launch", "", "", "", "", "Milestone", ""],
    ]);
    const before = await footprint(w.org.orgId);

    const preview = await previewImport(ctx, w.cycleId, csv, english);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ ok: true, objectives: 4, keyResults: 5, errors: [], errorCount: 0, ignoredColumns: [] });
    expect(preview.preview.map((o) => [o.row, o.title, o.level, o.team, o.owner, o.alignedTo, o.keyResults.length])).toEqual([
      [2, "Grow the community", "company", null, w.org.owner.name, null, 2],
      [4, "Win social", "team", "Marketing", "Lead", "Grow the community", 2],
      [6, "Learn the tool", "individual", null, "Member", "Win social", 0],
      [8, "Ship it", "individual", null, "Member", "Become the shop Norwegians recommend", 1],
    ]);
    // A dry run writes nothing.
    expect(await footprint(w.org.orgId)).toEqual(before);

    const result = await importCsv(ctx, w.cycleId, csv, english);
    expect(result).toMatchObject({ objectives: 4, keyResults: 5 });
    expect(await footprint(w.org.orgId)).toEqual({ objectives: before.objectives + 4, keyResults: before.keyResults + 5, activity: before.activity + 9 });

    const rows = await objectivesOf(w.org.orgId, w.cycleId);
    const byTitle = new Map(rows.map((row) => [row.title, row]));
    const grow = byTitle.get("Grow the community");
    const social = byTitle.get("Win social");
    const learn = byTitle.get("Learn the tool");
    const ship = byTitle.get("Ship it");
    expect(grow).toMatchObject({ level: "company", teamId: null, ownerUserId: w.org.owner.id, parentObjectiveId: null, createdByUserId: w.org.owner.id });
    expect(social).toMatchObject({ level: "team", teamId: w.team.id, ownerUserId: w.lead.user.id, parentObjectiveId: grow?.id });
    expect(learn).toMatchObject({ level: "individual", ownerUserId: w.member.user.id, parentObjectiveId: social?.id });
    // Aligned to an objective that was already in the cycle.
    expect(ship).toMatchObject({ parentObjectiveId: w.company.id });

    const db = await getDb();
    const krs = await db
      .select()
      .from(keyResults)
      .where(eq(keyResults.orgId, w.org.orgId))
      .orderBy(asc(keyResults.title));
    const kr = (title: string) => krs.find((row) => row.title === title);
    expect(kr("Reach 500 members")).toMatchObject({ objectiveId: grow?.id, ownerUserId: w.lead.user.id, unit: "number", direction: "increase", position: 0, dueDate: due });
    expect(Number(kr("Reach 500 members")?.startValue)).toBe(100);
    expect(Number(kr("Reach 500 members")?.currentValue)).toBe(100);
    expect(kr("Raise sponsorship")).toMatchObject({ ownerUserId: w.org.owner.id, unit: "currency", currencyCode: "NOK", position: 1 });
    expect(Number(kr("Raise sponsorship")?.targetValue)).toBe(1_000_000);
    expect(kr("Post every week")).toMatchObject({ objectiveId: social?.id, ownerUserId: w.lead.user.id, unit: "custom", unitLabel: "posts" });
    expect(kr("Keep churn low")).toMatchObject({ ownerUserId: w.member.user.id, unit: "percent", direction: "stay_below" });
    expect([Number(kr("Keep churn low")?.startValue), Number(kr("Keep churn low")?.targetValue)]).toEqual([5, 5]);
    expect(kr("Launch")).toMatchObject({ objectiveId: ship?.id, direction: "milestone", startValue: "0", targetValue: "1" });
    // The coach's generated flags work on imported rows as on hand-made ones.
    expect(kr("Launch")?.notMeasurable).toBe(false);

    const log = await db.select().from(activity).where(and(eq(activity.orgId, w.org.orgId), eq(activity.entityId, social?.id ?? "")));
    expect(log).toMatchObject([{ action: "objective.created", actorUserId: w.org.owner.id, teamId: w.team.id }]);
  });

  it("reads the export's Norwegian header, semicolons, a byte order mark, decimal commas and dotted dates", async () => {
    const w = await world("Norsk");
    const [start] = w.cycle.startDate.split("T");
    const [y, m, d] = (start ?? "").split("-");
    const header = ["MÅL", "nivå", "Eier", "Nøkkelresultat", "Startverdi", "Målverdi", "Enhet", "Retning", "Frist", "Fremdrift (%)"];
    const body = [header, ["Bli bedre", "Selskap", w.org.owner.name, "Øke snittet", "3,5", "4,25", "", "Øke", `${d}.${m}.${y}`, "40"]].map((row) => row.join(";")).join("\r\n");
    const preview = await previewImport(w.org.ownerCtx, w.cycleId, `\uFEFF${body}\r\n`, norwegian);
    expect(preview).toMatchObject({ ok: true, objectives: 1, keyResults: 1, ignoredColumns: ["Fremdrift (%)"] });
    expect(preview.preview[0]?.keyResults[0]).toMatchObject({ startValue: "3.5", targetValue: "4.25", dueDate: w.cycle.startDate, direction: "increase" });
  });

  it("names every bad row and cell, in the reader's language, and writes nothing", async () => {
    const w = await world("Bad");
    const ctx = w.org.ownerCtx;
    await w.org.join("member", "Twin");
    await w.org.join("member", "Twin");
    const csv = csvOf([
      ["Fine", "Company", "", "Nobody Here", "", "Grow x", "", "1", "2", "", "", ""], // 2: unknown owner
      ["Teamless", "Team", "No such team", w.org.owner.name, "", "", "", "", "", "", "", ""], // 3: unknown team
      ["Orphan", "Individual", "", "Lead", "Not a title anywhere", "", "", "", "", "", "", ""], // 4: unknown parent
      ["Numbers", "Company", "", w.org.owner.name, "", "Grow y", "", "abc", "10", "", "", ""], // 5: bad number
      ["Numbers", "Company", "", w.org.owner.name, "", "Grow z", "", "10", "10", "", "", ""], // 6: start = target
      ["Numbers", "Company", "", w.org.owner.name, "", "Grow w", "", "0", "10", "", "", "2001-01-01"], // 7: due outside
      ["", "", "", "", "", "Lonely key result", "", "0", "1", "", "", ""], // 8: key result without objective
      ["Numbers", "Company", "", w.org.owner.name, "", "Grow w", "", "0", "10", "", "", ""], // 9: duplicate of row 7
      ["Twins", "Company", "", "Twin", "", "", "", "", "", "", "", ""], // 10: two members called Twin
      ["Level", "Department", "", w.org.owner.name, "", "", "", "", "", "", "", ""], // 11: bad level
      ["Way", "Company", "", w.org.owner.name, "", "Go", "", "0", "1", "", "Sideways", ""], // 12: bad direction
      ["Too many", "Company", "", w.org.owner.name, "", ...["k", "", "0", "1", "", "", ""]],
    ]);
    const many = Array.from({ length: 50 }, (_, i) => ["Too many", "Company", "", w.org.owner.name, "", `k${i + 1}`, "", "0", "1", "", "", ""]);
    const file = `${csv}${many.map((row) => row.join(",")).join("\r\n")}\r\n`;
    const before = await footprint(w.org.orgId);

    const report = await previewImport(ctx, w.cycleId, file, english);
    expect(report.ok).toBe(false);
    const found = report.errors.map((e) => [e.row, e.column, e.code]);
    expect(found).toEqual([
      [2, "Owner", "import.errors.unknownPerson"],
      [3, "Team", "import.errors.unknownTeam"],
      [4, "Aligned to", "import.errors.unknownParent"],
      [5, "Start", "validation.decimal"],
      [6, "Target", "import.errors.startEqualsTarget"],
      [7, "Due date", "import.errors.dueOutsideCycle"],
      [8, "Objective", "import.errors.objectiveMissing"],
      [9, "Key result", "import.errors.duplicateKeyResult"],
      [10, "Owner", "import.errors.ambiguousPerson"],
      [11, "Level", "import.errors.level"],
      [12, "Direction", "import.errors.direction"],
      [63, "Key result", "import.errors.tooManyKeyResults"],
    ]);
    expect(report.errors[5]?.message).toBe(`The due date must be within the cycle, ${w.cycle.startDate} to ${w.cycle.endDate}.`);
    expect(report.errors[7]?.message).toBe("This key result is already on row 7.");
    expect(report.warnings.map((e) => [e.row, e.code])).toContainEqual([13, "import.warnings.manyKeyResults"]);

    const norsk = await previewImport(ctx, w.cycleId, file, norwegian);
    expect(norsk.errors[0]).toMatchObject({ row: 2, column: "Owner", message: "Ingen medlemmer i organisasjonen har dette navnet eller denne e-postadressen." });

    const refused = await appError(importCsv(ctx, w.cycleId, file, english));
    expect(refused.code).toBe("unprocessable");
    expect(refused.details?.report).toMatchObject({ ok: false, errorCount: 12 });
    expect(await footprint(w.org.orgId)).toEqual(before);
  });

  it("writes all or nothing: a bad last row, or a right lost between the dry run and the import, writes nothing", async () => {
    const w = await world("Atomic");
    const good = Array.from({ length: 30 }, (_, i): CsvCell[] => [`Goal ${i}`, "Team", "Marketing", "Member", "", `Key result ${i}`, "", "0", "10", "", "", ""]);
    const badLast = csvOf([...good, ["Last", "Team", "Marketing", "Member", "", "Broken", "", "0", "ten", "", "", ""]]);
    const before = await footprint(w.org.orgId);
    const refused = await appError(importCsv(w.member.ctx, w.cycleId, badLast, english));
    expect(refused).toMatchObject({ code: "unprocessable", status: 422 });
    expect(refused.details?.report).toMatchObject({ objectives: 31, errors: [{ row: 32, column: "Target", code: "validation.decimal" }] });
    expect(await footprint(w.org.orgId)).toEqual(before);

    // The dry run said yes; then the member left the team: the import judges again, and refuses.
    const fine = csvOf(good);
    expect((await previewImport(w.member.ctx, w.cycleId, fine, english)).ok).toBe(true);
    await removeTeamMember(w.org.ownerCtx, w.team.id, w.member.user.id);
    const member = await contextFor(w.member.user.id, w.org.slug);
    const afterLeaving = await footprint(w.org.orgId);
    const again = await appError(importCsv(member, w.cycleId, fine, english));
    expect(again.details?.report).toMatchObject({ errorCount: 30, errors: expect.arrayContaining([{ row: 2, column: "Team", code: "import.errors.forbidden.team", message: "You can create objectives only for teams you are a member of." }]) });
    expect(await footprint(w.org.orgId)).toEqual(afterLeaving);
  });

  it("reports what is wrong with the file itself: unknown, missing and duplicate columns, no rows, broken quotes", async () => {
    const w = await world("Columns");
    const ctx = w.org.ownerCtx;
    const codes = async (csv: string) => (await previewImport(ctx, w.cycleId, csv, english)).errors.map((e) => [e.row, e.column, e.code]);
    expect(await codes("Objective,Level,Owner,Notes,Owner\r\nA,Company,x,y,z\r\n")).toEqual([
      [1, "Notes", "import.errors.unknownColumn"],
      [1, "Owner", "import.errors.duplicateColumn"],
    ]);
    expect(await codes("Objective,Owner\r\nA,x\r\n")).toEqual([[1, "Level", "import.errors.missingColumn"]]);
    expect(await codes("Objective,Level,Owner\r\n")).toEqual([[null, null, "import.errors.noRows"]]);
    expect(await codes('Objective,Level,Owner\r\n"A,Company,x\r\n')).toEqual([[null, null, "import.errors.syntax"]]);
    expect(await codes("Objective,Level,Owner,\r\nA,Company,x,oops\r\n")).toEqual([[1, "D", "import.errors.unnamedColumn"]]);
  });

  it("lets each person import only what they could create by hand: a refused row is a cell error, not a refusal of the file", async () => {
    const w = await world("Rights");
    const other = await createTeam(w.org.ownerCtx, { name: "Sales" });
    const second = await w.org.join("member", "Second");
    await addTeamMember(w.org.ownerCtx, w.team.id, second.user.id);
    const rows: CsvCell[][] = [
      ["Company goal", "Company", "", "Member", "", "", "", "", "", "", "", ""], // 2: members write no company objectives
      ["Our team", "Team", "Marketing", "Member", "", "", "", "", "", "", "", ""], // 3: a team the member is in
      ["Their team", "Team", "Sales", "Member", "", "", "", "", "", "", "", ""], // 4: a team the member is not in
      ["Mine", "Individual", "", "Member", "", "", "", "", "", "", "", ""], // 5: their own
      ["Someone else's", "Individual", "", "Second", "", "", "", "", "", "", "", ""], // 6: not theirs, and they lead no team
    ];
    const asMember = await previewImport(w.member.ctx, w.cycleId, csvOf(rows), english);
    expect(asMember.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "Level", "import.errors.forbidden.company"],
      [4, "Team", "import.errors.forbidden.team"],
      [6, "Owner", "import.errors.forbidden.individual"],
    ]);
    // The lead writes their people's individual objectives, not an outsider's.
    const asLead = await previewImport(w.lead.ctx, w.cycleId, csvOf([rows[5] ?? [], ["Outside", "Individual", "", "Outsider", "", "", "", "", "", "", "", ""]]), english);
    expect(asLead.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, "Owner", "import.errors.forbidden.individual"]]);
    // An admin writes anywhere.
    expect((await previewImport(w.org.ownerCtx, w.cycleId, csvOf(rows), english)).ok).toBe(true);
    expect(other.id).toBeTruthy();
  });

  it("refuses a closed cycle and does not find another organisation's", async () => {
    const w = await world("Closed");
    const foreign = await world("Foreign");
    const csv = csvOf([["A", "Company", "", w.org.owner.name, "", "", "", "", "", "", "", ""]]);
    expect((await appError(importCsv(w.org.ownerCtx, foreign.cycleId, csv, english))).code).toBe("not_found");
    expect((await appError(previewImport(w.org.ownerCtx, foreign.cycleId, csv, english))).code).toBe("not_found");
    await closeCycle(w.org.ownerCtx, w.cycleId);
    expect((await appError(previewImport(w.org.ownerCtx, w.cycleId, csv, english))).code).toBe("conflict");
    expect((await appError(importCsv(w.org.ownerCtx, w.cycleId, csv, english))).code).toBe("conflict");
  });

  it("answers 413 past a megabyte or 2,000 rows", async () => {
    const w = await world("Limits");
    const big = `Objective,Level,Owner\r\n${"x".repeat(1_000_001)}\r\n`;
    expect(await appError(previewImport(w.org.ownerCtx, w.cycleId, big, english))).toMatchObject({ code: "too_large", status: 413, message: "errors.importTooLarge" });
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`O${i}`, "Company", w.org.owner.name]);
    const tooMany = toCsv([["Objective", "Level", "Owner"], ...rows]);
    expect(await appError(importCsv(w.org.ownerCtx, w.cycleId, tooMany, english))).toMatchObject({ code: "too_large", status: 413, message: "errors.importTooManyRows" });
  });

  it("round trip: a cycle exported and imported into the next cycle has the same objectives and key results", async () => {
    const w = await world("Trip");
    const ctx = w.org.ownerCtx;
    const setup = csvOf([
      ["Grow", "Company", "", w.org.owner.name, "", "Revenue", "Lead", "10", "20", "NOK", "", ""],
      ["Grow", "Company", "", w.org.owner.name, "", "Churn", "", "8", "4", "%", "", ""],
      ["Grow", "Team", "Marketing", "Lead", "Grow", "Uptime", "", "99.5", "99", "", "Stay above", ""],
      // Three objectives called Grow: the qualifier in brackets says which one (the export writes it so too).
      ["Grow", "Individual", "", "Member", "Grow (Marketing)", "Launch", "", "", "", "", "Milestone", ""],
      ["Quiet", "Company", "", w.org.owner.name, "", "", "", "", "", "", "", ""],
    ]);
    expect((await previewImport(ctx, w.cycleId, setup, english)).errors).toEqual([]);
    await importCsv(ctx, w.cycleId, setup, english);
    const next = await createNextCycle(ctx);

    const exported = await exportCycleCsv(ctx, w.cycleId, norwegian);
    const preview = await previewImport(ctx, next.id, exported.body, norwegian);
    expect(preview.errors).toEqual([]);
    expect(preview.ignoredColumns).toEqual(["Målets fremdrift (%)", "Nåverdi", "Fremdrift (%)", "Status", "Siste innsjekk", "Sikkerhet"]);
    await importCsv(ctx, next.id, exported.body, norwegian);

    const shape = async (cycleId: string) => {
      const file = await exportCycleCsv(ctx, cycleId, english);
      // Without the figures of the cycle (progress, current, status, check-in, confidence).
      return file.body.split("\r\n").map((line) => line.split(",").filter((_, i) => ![4, 9, 11, 12, 13, 14].includes(i)).join(","));
    };
    const [before, after] = [await shape(w.cycleId), await shape(next.id)];
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(5);
    // The alignment of the copies points within the new cycle.
    const copies = await objectivesOf(w.org.orgId, next.id);
    const company = copies.find((o) => o.level === "company" && o.title === "Grow");
    const team = copies.find((o) => o.level === "team");
    expect(team?.parentObjectiveId).toBe(company?.id);
    expect(copies.find((o) => o.level === "individual")?.parentObjectiveId).toBe(team?.id);
    expect(before.some((line) => line.includes("Grow (Marketing)"))).toBe(true);
  });

  it("writes a 500-row file in the same few statements as a 50-row one", async () => {
    const w = await world("Count");
    const ctx = w.org.ownerCtx;
    const file = (n: number, tag: string) =>
      csvOf(
        Array.from({ length: n }, (_, i) => {
          const objective = `${tag} objective ${Math.floor(i / 4)}`;
          const level = i % 8 < 4 ? "Company" : "Team";
          return [objective, level, level === "Team" ? "Marketing" : "", level === "Team" ? "Lead" : w.org.owner.name, level === "Team" ? `${tag} objective 0` : "", `KR ${i}`, "Member", "0", "10", "", "", ""];
        }),
      );
    const small = await countQueries(() => importCsv(ctx, w.cycleId, file(50, "S"), english));
    const large = await countQueries(() => importCsv(ctx, w.cycleId, file(500, "L"), english));
    expect(large.result).toMatchObject({ objectives: 125, keyResults: 500 });
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(20);
    console.info(`import of 500 rows (125 objectives, 500 key results): ${large.count} statements`);
  });
});
