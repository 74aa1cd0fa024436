import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { pinClock, unpinClock } from "@/lib/clock";
import { loadDashboard } from "@/lib/services/dashboard";
import { loadTeamBranch } from "@/lib/services/dashboard-teams";
import { exploreObjectives } from "@/lib/services/explorer";
import { exploreKeyResults } from "@/lib/services/explorer-key-results";
import { listCycles } from "@/lib/services/cycles";
import type { TenantContext } from "@/lib/tenant-context";
import type { ExplorerQuery } from "@/lib/validation/explorer";
import { setupTestDatabase } from "@/tests/db";
import { growOrganisation, reportWorld } from "@/tests/report-world";
import { contextFor } from "@/tests/world";
import { dashboardCounts, teamRowCounts, type DashboardCount } from "./dashboard-links";

const getDb = setupTestDatabase();

/** The total the explorer shows for a view: the length of the list a dashboard number opens. */
async function totalOf(ctx: TenantContext, cycleId: string, view: ExplorerQuery): Promise<number> {
  const query = { ...view, cycle: cycleId };
  const page = view.show === "key-results" ? await exploreKeyResults(ctx, query, { pageSize: 1 }) : await exploreObjectives(ctx, query, { pageSize: 1 });
  expect(page.totalIsLowerBound).toBe(false);
  return page.total;
}

/** Every count beside the total of the view it links to; equal when the links tell the truth. */
async function compare(ctx: TenantContext, cycleId: string, counts: DashboardCount[]) {
  const totals = await Promise.all(counts.map(async ({ name, count, view }) => ({ name, count, total: await totalOf(ctx, cycleId, view) })));
  expect(totals.filter(({ count, total }) => count !== total)).toEqual([]);
  return totals;
}

describe("every dashboard number opens a list of exactly what it counts", () => {
  afterEach(unpinClock);

  it("on the demo organisation", async () => {
    // Six weeks into the demo's quarter, when its story has an at-risk key result in an objective
    // that is worse off (on a quarter's first day nothing has been reported yet). The generated
    // organisation below runs on today's date.
    pinClock("2026-11-18T10:00:00Z");
    const db = await getDb();
    const slug = `nordlys-links-${randomUUID().slice(0, 8)}`;
    // The demo's people are global; a test seeding the demo at the same moment may insert them
    // first, and this seed's transaction then fails whole. Once more finds them.
    await seedDemo(db, { slug }).catch(() => seedDemo(db, { slug }));
    const [ingrid] = await db.select({ id: users.id }).from(users).where(eq(users.email, "ingrid@nordlys.example"));
    if (!ingrid) throw new Error("no demo owner");
    const ctx = await contextFor(ingrid.id, slug);
    const active = (await listCycles(ctx)).find((cycle) => cycle.status === "active");
    if (!active) throw new Error("no active demo cycle");
    const data = await loadDashboard(ctx, active.id);
    const totals = await compare(ctx, active.id, dashboardCounts(data));
    // The case that led here: an at-risk key result in an objective that is worse off.
    expect(totals.find((row) => row.name === "key results at_risk")?.total).toBeGreaterThan(0);
    expect(totals.length).toBeGreaterThan(40);
  });

  it("on a generated organisation, its teams' branches included", async () => {
    const world = await reportWorld("Links");
    await growOrganisation(world.org.orgId, world.cycle.id, world.org.owner.id, 30);
    const data = await loadDashboard(world.ctx, world.cycle.id);
    expect(data.teamsComplete).toBe(false);
    await compare(world.ctx, world.cycle.id, dashboardCounts(data));
    const parent = data.teams.find((team) => team.hasChildren);
    if (!parent) throw new Error("no team with a branch");
    const branch = await loadTeamBranch(world.ctx, world.cycle.id, parent.id);
    await compare(world.ctx, world.cycle.id, branch.flatMap(teamRowCounts));
  });
});
