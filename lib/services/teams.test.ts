import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycles, objectives } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { setupTestDatabase } from "@/tests/db";
import { appError } from "@/tests/app-error";
import { contextFor, newOrganisation } from "@/tests/world";
import { addTeamMember, createTeam, deleteTeam, getTeam, listTeams, removeTeamMember, teamTree, updateTeam, flattenTree } from "./teams";
import { deleteOrganisation, findMembership, getOrganisationSettings, updateOrganisation } from "./organisations";

setupTestDatabase();

async function teamObjective(orgId: string, ownerId: string, teamId: string, title: string) {
  const db = await getDb();
  const [cycle] = await db.select().from(cycles).where(eq(cycles.orgId, orgId));
  if (!cycle) throw new Error("no cycle");
  const [row] = await db.insert(objectives).values({ orgId, cycleId: cycle.id, level: "team", teamId, ownerUserId: ownerId, title }).returning();
  if (!row) throw new Error("no objective");
  return row;
}

describe("teams", () => {
  it("nest into a hierarchy, and their lead becomes a member", async () => {
    const org = await newOrganisation();
    const lead = await org.join("member", "Lead");
    const commerce = await createTeam(org.ownerCtx, { name: "Commerce", leadUserId: lead.user.id });
    const marketing = await createTeam(org.ownerCtx, { name: "Marketing", parentTeamId: commerce.id });
    await createTeam(org.ownerCtx, { name: "Platform" });
    const tree = flattenTree(teamTree(await listTeams(org.ownerCtx)));
    expect(tree.map((node) => [node.team.name, node.depth])).toEqual([
      ["Commerce", 0],
      ["Marketing", 1],
      ["Platform", 0],
    ]);
    expect((await getTeam(org.ownerCtx, commerce.id)).members.map((m) => m.name)).toEqual(["Lead"]);
    expect((await contextFor(lead.user.id, org.slug)).teamIds).toEqual([commerce.id]);
    expect(marketing.id).toBeDefined();
  });

  it("cannot nest under themselves or their own sub-teams", async () => {
    const org = await newOrganisation();
    const a = await createTeam(org.ownerCtx, { name: "A" });
    const b = await createTeam(org.ownerCtx, { name: "B", parentTeamId: a.id });
    const c = await createTeam(org.ownerCtx, { name: "C", parentTeamId: b.id });
    expect((await appError(updateTeam(org.ownerCtx, a.id, { parentTeamId: c.id }))).fields).toEqual({ parentTeamId: ["validation.teamLoop"] });
    expect((await appError(updateTeam(org.ownerCtx, a.id, { parentTeamId: a.id }))).fields).toEqual({ parentTeamId: ["validation.teamLoop"] });
    await updateTeam(org.ownerCtx, c.id, { parentTeamId: null, name: "C renamed" });
    expect((await getTeam(org.ownerCtx, c.id)).name).toBe("C renamed");
  });

  it("have unique names in an organisation", async () => {
    const org = await newOrganisation();
    await createTeam(org.ownerCtx, { name: "Sales" });
    expect((await appError(createTeam(org.ownerCtx, { name: "sales" }))).fields).toEqual({ name: ["validation.teamNameTaken"] });
  });

  it("are managed by admins only", async () => {
    const org = await newOrganisation();
    const member = await org.join("member");
    expect((await appError(createTeam(member.ctx, { name: "Rogue" }))).code).toBe("forbidden");
  });

  it("gain and lose members; a lead who leaves the team stops leading it", async () => {
    const org = await newOrganisation();
    const person = await org.join("member", "Pat");
    const team = await createTeam(org.ownerCtx, { name: "Ops" });
    await addTeamMember(org.ownerCtx, team.id, person.user.id);
    await updateTeam(org.ownerCtx, team.id, { leadUserId: person.user.id });
    await removeTeamMember(org.ownerCtx, team.id, person.user.id);
    const after = await getTeam(org.ownerCtx, team.id);
    expect(after.members).toEqual([]);
    expect(after.leadUserId).toBeNull();
  });

  it("when deleted, move their objectives to the chosen team and their sub-teams up a level", async () => {
    const org = await newOrganisation();
    const parent = await createTeam(org.ownerCtx, { name: "Parent" });
    const doomed = await createTeam(org.ownerCtx, { name: "Doomed", parentTeamId: parent.id });
    const child = await createTeam(org.ownerCtx, { name: "Child", parentTeamId: doomed.id });
    const goal = await teamObjective(org.orgId, org.owner.id, doomed.id, "Keep me");
    expect((await appError(deleteTeam(org.ownerCtx, doomed.id, { objectives: "move" }))).fields).toEqual({ moveToTeamId: ["validation.required"] });
    await deleteTeam(org.ownerCtx, doomed.id, { objectives: "move", moveToTeamId: parent.id });
    const db = await getDb();
    const [moved] = await db.select().from(objectives).where(eq(objectives.id, goal.id));
    expect(moved?.teamId).toBe(parent.id);
    expect((await getTeam(org.ownerCtx, child.id)).parentTeamId).toBe(parent.id);
  });

  it("when deleted with their objectives, take only those objectives", async () => {
    const org = await newOrganisation();
    const team = await createTeam(org.ownerCtx, { name: "Short-lived" });
    const other = await createTeam(org.ownerCtx, { name: "Stays" });
    await teamObjective(org.orgId, org.owner.id, team.id, "Goes");
    const kept = await teamObjective(org.orgId, org.owner.id, other.id, "Stays");
    await deleteTeam(org.ownerCtx, team.id, { objectives: "delete" });
    const db = await getDb();
    const left = await db.select({ id: objectives.id }).from(objectives).where(and(eq(objectives.orgId, org.orgId)));
    expect(left.map((row) => row.id)).toEqual([kept.id]);
  });
});

describe("organisation settings", () => {
  it("rename the organisation and change its address, refusing a taken one", async () => {
    const org = await newOrganisation();
    const other = await newOrganisation();
    await updateOrganisation(org.ownerCtx, { name: "Renamed", slug: `renamed-${org.orgId.slice(0, 8)}`, fiscalYearStartMonth: 7 });
    expect(await getOrganisationSettings(await contextFor(org.owner.id, `renamed-${org.orgId.slice(0, 8)}`))).toEqual({
      name: "Renamed",
      slug: `renamed-${org.orgId.slice(0, 8)}`,
      fiscalYearStartMonth: 7,
    });
    const ctx = await contextFor(org.owner.id, `renamed-${org.orgId.slice(0, 8)}`);
    expect((await appError(updateOrganisation(ctx, { name: "X", slug: other.slug, fiscalYearStartMonth: 1 }))).fields).toEqual({ slug: ["validation.slugTaken"] });
  });

  it("are changed by admins, and the organisation is deleted by owners only, after typing its address", async () => {
    const org = await newOrganisation();
    const admin = await org.join("admin");
    const member = await org.join("member");
    expect((await appError(updateOrganisation(member.ctx, { name: "No", slug: org.slug, fiscalYearStartMonth: 1 }))).code).toBe("forbidden");
    expect((await appError(deleteOrganisation(admin.ctx, org.slug))).code).toBe("forbidden");
    expect((await appError(deleteOrganisation(org.ownerCtx, "wrong"))).fields).toEqual({ confirmSlug: ["validation.confirmSlug"] });
    await teamObjective(org.orgId, org.owner.id, (await createTeam(org.ownerCtx, { name: "T" })).id, "Gone with it");
    await deleteOrganisation(org.ownerCtx, org.slug);
    expect(await findMembership(org.owner.id, org.slug)).toBeNull();
  });
});
