import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { objectives } from "@/db/schema";
import { UTF8_BOM } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { Translate } from "@/lib/validation/errors";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { growOrganisation, isoDay, reportWorld } from "@/tests/report-world";
import { exportCycleCsv } from "./export";

setupTestDatabase();

const english = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
const norwegian = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;

/** A small RFC 4180 reader, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  return rows;
}

describe("exportCycleCsv (GET /api/orgs/[org]/export)", () => {
  it("writes one row per key result and one per objective without any, safe for spreadsheets", async () => {
    const world = await reportWorld("Eksport");
    const other = await reportWorld("Annen");
    await growOrganisation(other.org.orgId, other.cycle.id, other.org.owner.id, 2);
    // A title a spreadsheet would run as a formula, with Norwegian letters and a comma.
    await (await getDb())
      .update(objectives)
      .set({ title: "=Bli Norges beste nettbutikk, på ære" })
      .where(and(eq(objectives.orgId, world.org.orgId), eq(objectives.id, world.objectives.c2)));

    const file = await exportCycleCsv(world.ctx, world.cycle.id, english);
    expect(file.filename).toBe(`retning-${world.org.slug}-${world.cycle.name.toLowerCase().replace(/\s+/g, "-")}.csv`);
    expect(file.body.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(file.body.slice(1));
    expect(rows[0]).toEqual([
      "Objective",
      "Level",
      "Team",
      "Owner",
      "Objective progress (%)",
      "Key result",
      "Key result owner",
      "Start",
      "Target",
      "Current",
      "Unit",
      "Progress (%)",
      "Status",
      "Last check-in",
      "Confidence",
      "Aligned to",
      "Direction",
    ]);
    // 6 key results + 2 objectives without any; nothing of the other organisation.
    expect(file.rows).toBe(8);
    expect(rows).toHaveLength(9);
    const owner = "Eksport Owner";
    // The day of "today's" check-ins: an hour ago, which just after midnight is yesterday.
    const today = isoDay(world.checkedInAt);
    // Company objectives first, by title (the guarded "=" sorts before "G"), then team objectives.
    expect(rows[1]).toEqual(["'=Bli Norges beste nettbutikk, på ære", "Company", "", owner, "10", "", "", "", "", "", "", "", "", "", "", "", ""]);
    expect(rows[2]).toEqual(["Grow", "Company", "", owner, "50", "Grow revenue from 30 to 50", owner, "30", "50", "40", "", "50", "On track", today, "On track", "", "Increase"]);
    expect(rows[4]?.slice(5, 15)).toEqual(["Grow NPS from 30 to 50", owner, "30", "50", "30", "", "0", "Not started", "", ""]);
    const stale = rows.find((row) => row[5] === "Grow campaign clicks from 30 to 50");
    expect(stale?.slice(0, 3)).toEqual(["Win the spring campaign", "Team", "Marketing"]);
    expect(stale?.[12]).toBe("Stale");
    expect(stale?.[14]).toBe("On track");
    // Read back by the import: what the objective aligns to, and the direction.
    expect(stale?.slice(15)).toEqual(["Grow", "Increase"]);
    expect(rows.slice(5).map((row) => [row[0], row[2], row[5]])).toEqual([
      ["Make the shop fast", "Platform", ""],
      ["Serve every customer well", "Commerce", "Grow answered tickets from 30 to 50"],
      ["Win the spring campaign", "Marketing", "Grow newsletter readers from 30 to 50"],
      ["Win the spring campaign", "Marketing", "Grow campaign clicks from 30 to 50"],
    ]);
    expect(file.body).toContain("\r\n");
  });

  it("speaks the reader's language", async () => {
    const world = await reportWorld("Språk");
    const file = await exportCycleCsv(world.ctx, world.cycle.id, norwegian);
    const rows = parseCsv(file.body.slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(["Mål", "Nivå", "Team"]);
    expect(rows.find((row) => row[5] === "Grow repeat customers from 30 to 50")?.[12]).toBe("I faresonen");
    expect(file.filename).toMatch(/^retning-spr.*\.csv$/);
  });

  it("answers a cycle of another organisation with not_found, in one statement whatever the size", async () => {
    const world = await reportWorld("Own");
    const other = await reportWorld("Foreign");
    await expect(exportCycleCsv(world.ctx, other.cycle.id, english)).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
    const small = await countQueries(() => exportCycleCsv(world.ctx, world.cycle.id, english));
    await growOrganisation(world.org.orgId, world.cycle.id, world.org.owner.id, 20);
    const large = await countQueries(() => exportCycleCsv(world.ctx, world.cycle.id, english));
    expect(large.result.rows).toBeGreaterThan(small.result.rows);
    expect(small.count).toBe(large.count);
  });
});
