import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { expectedProgress } from "@/lib/okr/progress";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { growOrganisation, reportWorld } from "@/tests/report-world";
import { coachCounts } from "./coach";
import { loadDashboard } from "./dashboard";
import { loadTeamBranch } from "./dashboard-teams";

setupTestDatabase();

const byName = <T extends { name: string }>(rows: T[], name: string): T => {
  const row = rows.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no ${name}`);
  return row;
};

describe("loadDashboard", () => {
  it("computes every figure of a small organisation as worked out by hand", async () => {
    const world = await reportWorld("Dash");
    // Another organisation with its own goals is never counted.
    const other = await reportWorld("Other");
    await growOrganisation(other.org.orgId, other.cycle.id, other.org.owner.id, 3);

    const data = await loadDashboard(world.ctx, world.cycle.id);
    expect(data.cycle).toMatchObject({ id: world.cycle.id, status: "active" });
    expect(data.cycle.expected).toBeCloseTo(expectedProgress(world.cycle, world.now), 2);
    expect(data.companyProgress).toBeCloseTo(0.3, 9);
    expect(data.companyObjectiveCount).toBe(2);
    expect(data.objectiveCount).toBe(5);
    expect(data.keyResults).toEqual({ total: 6, checkedInThisWeek: 4, on_track: 2, at_risk: 1, off_track: 1, stale: 1, not_started: 1 });
    // 5 %, 10 %, 40 %, 50 %, 80 %
    expect(data.distribution).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 0]);

    // Hierarchy order, and each team counts its branch: Commerce includes Marketing.
    expect(data.teams.map((team) => [team.name, team.depth, team.hasChildren])).toEqual([
      ["Commerce", 0, true],
      ["Marketing", 1, false],
      ["Platform", 0, false],
    ]);
    const commerce = byName(data.teams, "Commerce");
    expect(commerce.objectiveCount).toBe(2);
    expect(commerce.progress).toBeCloseTo(0.6, 9);
    expect(commerce.keyResults).toEqual({ total: 3, checkedInThisWeek: 2, on_track: 1, at_risk: 0, off_track: 1, stale: 1, not_started: 0 });
    const marketing = byName(data.teams, "Marketing");
    expect(marketing.progress).toBeCloseTo(0.4, 9);
    expect(marketing.keyResults).toMatchObject({ total: 2, checkedInThisWeek: 1, off_track: 1, stale: 1 });
    const platform = byName(data.teams, "Platform");
    expect(platform).toMatchObject({ objectiveCount: 1, keyResults: expect.objectContaining({ total: 0 }) });
    expect(platform.progress).toBeCloseTo(0.05, 9);

    // Weekly trend: Marketing was at 20 % last week and is at 40 %; Commerce averages M1 with O1 (0 → 80 %).
    const weeks = data.weeks.length;
    expect(weeks).toBeGreaterThanOrEqual(6);
    expect(marketing.trend.slice(-2)).toEqual([0.2, 0.4]);
    expect(commerce.trend.at(-2)).toBeCloseTo(0.1, 9);
    expect(commerce.trend.at(-1)).toBeCloseTo(0.6, 9);
    expect(platform.trend.every((value) => value === 0)).toBe(true);
    expect(data.weeks.at(-1)?.expected).toBeCloseTo(data.cycle.expected ?? -1, 3);

    expect(data.companySeries.map((series) => series.title)).toEqual(["Delight", "Grow"]);
    expect(data.companySeries.map((series) => series.points.at(-1))).toEqual([0.1, 0.5]);
    expect(data.companySeries[1]?.points).toHaveLength(weeks);
    // Read from the recorded days as the objective page reads them: nothing before the first
    // point (not a made-up 0 %), and "from" is that first point.
    expect(data.companySeries[1]?.points.slice(0, -1).every((value) => value === null)).toBe(true);
    expect(data.companySeries.map((series) => series.first)).toEqual([0.1, 0.5]);

    const { attention } = data;
    expect(attention.off_track).toMatchObject({ total: 1, items: [{ id: world.keyResults.k4, objectiveId: world.objectives.m1, status: "off_track" }] });
    expect(attention.at_risk).toMatchObject({ total: 1, items: [{ id: world.keyResults.k2, objectiveId: world.objectives.c1 }] });
    expect(attention.stale).toMatchObject({ total: 1, items: [{ id: world.keyResults.k5, daysSince: 10, neverCheckedIn: false }] });
    expect(attention.withoutKeyResults.total).toBe(2);
    expect(attention.withoutKeyResults.items.map((item) => [item.id, item.teamName])).toEqual([
      [world.objectives.c2, null],
      [world.objectives.p1, "Platform"],
    ]);
    expect(attention.coach).toEqual(await coachCounts(world.ctx, world.cycle.id));
    expect(attention.coach.too_few_key_results).toBe(3);
  });

  it("sends a team's branch of the team table with the dashboard's own figures", async () => {
    const world = await reportWorld("Branch");
    const other = await reportWorld("Elsewhere");
    const { teams } = await loadDashboard(world.ctx, world.cycle.id);
    const commerce = byName(teams, "Commerce");
    expect(await loadTeamBranch(world.ctx, world.cycle.id, commerce.id)).toEqual([byName(teams, "Marketing")]);
    expect(await loadTeamBranch(world.ctx, world.cycle.id, byName(teams, "Platform").id)).toEqual([]);
    expect(await loadTeamBranch(world.ctx, world.cycle.id, null)).toEqual(teams);
    const otherTeams = (await loadDashboard(other.ctx, other.cycle.id)).teams;
    await expect(loadTeamBranch(world.ctx, world.cycle.id, byName(otherTeams, "Commerce").id)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "not_found",
    );
    await expect(loadTeamBranch(world.ctx, other.cycle.id, null)).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
  });

  it("answers a cycle of another organisation with not_found", async () => {
    const world = await reportWorld("Mine");
    const other = await reportWorld("Theirs");
    await expect(loadDashboard(world.ctx, other.cycle.id)).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
  });

  it("sends the same number of queries for a small and a much larger organisation", async () => {
    const small = await reportWorld("Small");
    const large = await reportWorld("Large");
    const grown = await growOrganisation(large.org.orgId, large.cycle.id, large.org.owner.id, 60);
    expect(grown.objectives).toBeGreaterThan(250);
    expect(grown.checkIns).toBeGreaterThan(2000);

    const smallLoad = await countQueries(() => loadDashboard(small.ctx, small.cycle.id));
    const largeLoad = await countQueries(() => loadDashboard(large.ctx, large.cycle.id));
    // Past 25 teams the page carries the top level only; each row still counts its whole branch.
    expect(smallLoad.result.teamsComplete).toBe(true);
    expect(largeLoad.result.teamsComplete).toBe(false);
    const everyTeam = await loadTeamBranch(large.ctx, large.cycle.id, null);
    expect(everyTeam).toHaveLength(63);
    expect(largeLoad.result.teams).toEqual(everyTeam.filter((team) => team.depth === 0));
    expect(largeLoad.result.teams).toHaveLength(22);
    // A branch reads only its own objectives, with the same figures and in the same order.
    const root = everyTeam.find((team) => team.hasChildren && team.name.startsWith("Grown"));
    if (!root) throw new Error("no grown team with teams below it");
    const start = everyTeam.indexOf(root) + 1;
    const branch = await countQueries(() => loadTeamBranch(large.ctx, large.cycle.id, root.id));
    expect(branch.result).toEqual(everyTeam.slice(start, start + 2));
    expect(branch.result.every((team) => team.parentTeamId === root.id && team.objectiveCount > 0)).toBe(true);
    expect(branch.count).toBe((await countQueries(() => loadTeamBranch(small.ctx, small.cycle.id, null))).count);
    expect(largeLoad.result.objectiveCount).toBe(5 + grown.objectives);
    expect(largeLoad.result.attention.off_track.items).toHaveLength(5);
    expect(smallLoad.count).toBe(largeLoad.count);
    // Two transactions at once, each with its tenant settings: the figures (coach included) and the weekly series.
    expect(smallLoad.count).toBe(4);
  });
});
