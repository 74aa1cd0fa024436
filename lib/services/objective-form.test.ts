import { describe, expect, it } from "vitest";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { createKeyResult } from "./key-results";
import { objectiveFormOptions } from "./objective-form";
import { createObjective } from "./objectives";
import { createTeam } from "./teams";

setupTestDatabase();

describe("the objective form's options", () => {
  it("offer every member, teams parents first, and the cycle's company and team objectives with their key results in order", async () => {
    const w = await okrWorld();
    const sub = await createTeam(w.org.ownerCtx, { name: "Social", parentTeamId: w.team.id });
    const second = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Lift repeat purchases" }));
    const teamGoal = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, title: "Be loved on Instagram", parentObjectiveId: w.company.id }));
    await createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "individual", ownerUserId: w.member.user.id, title: "Learn Reels", parentObjectiveId: teamGoal.id }));

    const options = await objectiveFormOptions(w.member.ctx, w.cycleId);
    expect(options.members.map((m) => m.id).sort()).toEqual([w.org.owner.id, w.lead.user.id, w.member.user.id, w.outsider.user.id].sort());
    // Each person with the leads of their teams: what the owner chooser asks can() about.
    const leadsOf = Object.fromEntries(options.members.map((m) => [m.id, m.leadIds]));
    expect(leadsOf[w.member.user.id]).toEqual([w.lead.user.id]);
    expect(leadsOf[w.outsider.user.id]).toEqual([]);
    expect(options.teams.map(({ id, depth }) => ({ id, depth }))).toEqual([
      { id: w.team.id, depth: 0 },
      { id: sub.id, depth: 1 },
    ]);
    // Individual objectives are never parents; key results keep their order under their objective.
    expect(options.parents.map((p) => [p.id, p.keyResults.map((kr) => kr.id)])).toEqual([
      [w.company.id, [w.nps.id, second.id]],
      [teamGoal.id, []],
    ]);
  });

  it("answer another organisation's cycle with not found", async () => {
    const w = await okrWorld();
    const stranger = await newOrganisation("Stranger");
    expect((await appError(objectiveFormOptions(stranger.ownerCtx, w.cycleId))).code).toBe("not_found");
  });
});
