import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, objectives } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { cascadeObjective } from "./cascade";
import { createKeyResult } from "./key-results";
import { getObjectiveDetail } from "./objective-detail";
import { createObjective, updateObjective } from "./objectives";
import { addTeamMember, createTeam } from "./teams";

setupTestDatabase();

/** Objectives and activity rows of the organisation: a refused write changes neither. */
async function footprint(orgId: string) {
  const db = await getDb();
  const [o] = await db.select({ n: count() }).from(objectives).where(eq(objectives.orgId, orgId));
  const [a] = await db.select({ n: count() }).from(activity).where(eq(activity.orgId, orgId));
  return { objectives: o?.n ?? 0, activity: a?.n ?? 0 };
}

/** okrWorld plus a second person in the lead's team, and a team objective the lead owns. */
async function leadWorld() {
  const w = await okrWorld("Leads");
  const second = await w.org.join("member", "Second");
  await addTeamMember(w.org.ownerCtx, w.team.id, second.user.id);
  const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id, title: "Win hearts on social" }));
  return { ...w, second, teamGoal };
}

describe("a team lead and their people's objectives", () => {
  it("a lead who is a member cascades a team objective to two of their people, who own and can edit them", async () => {
    const w = await leadWorld();
    const result = await cascadeObjective(w.lead.ctx, w.teamGoal.id, {
      targets: [
        { userId: w.member.user.id, title: "Tell our story on Instagram" },
        { userId: w.second.user.id, title: "Answer every comment the same day" },
      ],
    });
    expect(result.created.map(({ ownerUserId, title }) => ({ ownerUserId, title }))).toEqual([
      { ownerUserId: w.member.user.id, title: "Tell our story on Instagram" },
      { ownerUserId: w.second.user.id, title: "Answer every comment the same day" },
    ]);
    const [first] = result.created;
    if (!first) throw new Error("nothing created");
    // The lead keeps writing it (a key result), and so does its owner.
    await createKeyResult(w.lead.ctx, first.id, keyResultInput(w.member.user.id, { title: "Post 12 stories" }));
    const detail = await getObjectiveDetail(w.member.ctx, first.id);
    expect(detail.objective).toMatchObject({ level: "individual", parentObjectiveId: w.teamGoal.id, ownerLeadIds: [w.lead.user.id] });
    await updateObjective(w.member.ctx, first.id, { version: detail.objective.version, title: "Tell our packaging story on Instagram" });
  });

  it("a member who does not lead cannot cascade to the others in their team, and nothing is written", async () => {
    const w = await leadWorld();
    const before = await footprint(w.org.orgId);
    const refused = await appError(cascadeObjective(w.member.ctx, w.teamGoal.id, { targets: [{ userId: w.second.user.id }] }));
    expect(refused.code).toBe("forbidden");
    expect(await footprint(w.org.orgId)).toEqual(before);
    // Once the lead has given them one, asking again is still refused, not a quiet "already there".
    await cascadeObjective(w.lead.ctx, w.teamGoal.id, { targets: [{ userId: w.second.user.id }] });
    expect((await appError(cascadeObjective(w.member.ctx, w.teamGoal.id, { targets: [{ userId: w.second.user.id }] }))).code).toBe("forbidden");
  });

  it("a lead writes individual objectives for their team's members only, on create and when moving one", async () => {
    const w = await leadWorld();
    const forMember = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "individual", ownerUserId: w.member.user.id, title: "Learn the new tool" }));
    const before = await footprint(w.org.orgId);
    expect((await appError(createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "individual", ownerUserId: w.outsider.user.id })))).code).toBe("forbidden");
    // Handing it to someone outside the team is placing it where the lead may not write.
    expect((await appError(updateObjective(w.lead.ctx, forMember.id, { version: 1, ownerUserId: w.outsider.user.id }))).code).toBe("forbidden");
    expect(await footprint(w.org.orgId)).toEqual(before);
    await updateObjective(w.lead.ctx, forMember.id, { version: 1, ownerUserId: w.second.user.id });
  });
});

describe("a member and other teams' objectives", () => {
  it("cannot create a team objective in a team they are not in, even owning it, and nothing is written", async () => {
    const w = await leadWorld();
    const other = await createTeam(w.org.ownerCtx, { name: "Sales" });
    const before = await footprint(w.org.orgId);
    const refused = await appError(createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "team", teamId: other.id })));
    expect(refused.code).toBe("forbidden");
    expect(await footprint(w.org.orgId)).toEqual(before);
  });

  it("cannot move their team objective, or their own objective, into another team, and nothing is written", async () => {
    const w = await leadWorld();
    const other = await createTeam(w.org.ownerCtx, { name: "Sales" });
    const theirs = await createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Ours to move" }));
    const mine = await createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "individual", title: "Mine to move" }));
    const before = await footprint(w.org.orgId);
    expect((await appError(updateObjective(w.member.ctx, theirs.id, { version: 1, teamId: other.id }))).code).toBe("forbidden");
    expect((await appError(updateObjective(w.member.ctx, mine.id, { version: 1, level: "team", teamId: other.id }))).code).toBe("forbidden");
    expect(await footprint(w.org.orgId)).toEqual(before);
    const db = await getDb();
    const rows = await db
      .select({ teamId: objectives.teamId, level: objectives.level, version: objectives.version })
      .from(objectives)
      .where(and(eq(objectives.orgId, w.org.orgId), eq(objectives.title, "Ours to move")));
    expect(rows).toEqual([{ teamId: w.team.id, level: "team", version: 1 }]);
    // Admins place objectives anywhere.
    await updateObjective(w.org.ownerCtx, theirs.id, { version: 1, teamId: other.id });
  });
});
