import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/tests/db";
import { activeCycleId } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { cascadeObjective } from "./cascade";
import { createCheckIn } from "./check-ins";
import { createInvitation } from "./invitations";
import { createWorkedExample, gettingStarted } from "./getting-started";
import { getObjectiveDetail } from "./objective-detail";
import { createTeam } from "./teams";

setupTestDatabase();

describe("getting started", () => {
  it("ticks each step from the data, in order of a first quarter, until it is done", async () => {
    const org = await newOrganisation("Pilot");
    const ctx = org.ownerCtx;
    expect((await gettingStarted(ctx)).steps).toEqual({ pilotTeam: false, companyObjective: false, cascaded: false, invited: false, checkedIn: false });

    const team = await createTeam(ctx, { name: "Pilot team" });
    const cycleId = await activeCycleId(ctx);
    const example = await createWorkedExample(ctx, cycleId, {
      objective: "Launch a user-friendly, attractive online shop",
      keyResults: ["Shop live with a simple design and a logo", "Active on two social channels", "20 products sold this quarter"],
    });
    const detail = await getObjectiveDetail(ctx, example.id);
    expect(detail.keyResults.map((kr) => [kr.direction, kr.targetValue])).toEqual([
      ["milestone", "1"],
      ["increase", "2"],
      ["increase", "20"],
    ]);
    let state = await gettingStarted(ctx);
    expect(state.steps).toMatchObject({ pilotTeam: true, companyObjective: true, cascaded: false });
    expect(state.firstCompanyObjectiveId).toBe(example.id);

    await cascadeObjective(ctx, example.id, { targets: [{ teamId: team.id }] });
    await createInvitation(ctx, { email: "colleague@example.test", role: "member" });
    await createCheckIn(ctx, detail.keyResults[1]?.id ?? "", { value: "1", confidence: "on_track", note: "" });
    state = await gettingStarted(ctx);
    expect(state.done).toBe(true);
  });
});
