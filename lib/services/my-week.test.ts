import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { keyResults } from "@/db/schema";
import { setupTestDatabase } from "@/tests/db";
import { activeCycleId, keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { contextFor, newOrganisation } from "@/tests/world";
import { acceptInvitation, createInvitation } from "./invitations";
import { createCheckIn, createWeeklyCheckIns } from "./check-ins";
import { closeCycle, createNextCycle } from "./cycles";
import { createKeyResult } from "./key-results";
import { countOwedCheckIns, listMyWeek } from "./my-week";
import { archiveObjective, createObjective } from "./objectives";

setupTestDatabase();

/** The member owns one key result of the lead's team objective and an objective of their own. */
async function memberWorld() {
  const w = await okrWorld("Week");
  const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
  const owned = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Owned by the member", startValue: "0", targetValue: "10" }));
  const leads = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.lead.user.id, { title: "Owned by the lead" }));
  const personal = await createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "individual", title: "Personal goal" }));
  // The member reports on this one because the objective is theirs, though the lead owns it.
  const viaObjective = await createKeyResult(w.member.ctx, personal.id, keyResultInput(w.lead.user.id, { title: "In the member's objective" }));
  return { ...w, teamGoal, owned, leads, personal, viaObjective };
}

async function setLastCheckIn(keyResultId: string, daysAgo: number) {
  const db = await getDb();
  await db
    .update(keyResults)
    .set({ lastCheckInAt: sql`now() - make_interval(days => ${daysAgo})`, lastConfidence: "on_track" })
    .where(eq(keyResults.id, keyResultId));
}

describe("my week", () => {
  it("lists exactly the key results I own or whose objective I own, in active cycles, grouped by objective", async () => {
    const w = await memberWorld();
    const week = await listMyWeek(w.member.ctx);
    expect(week.hasActiveCycle).toBe(true);
    expect(week.rows.map((row) => [row.objectiveTitle, row.title])).toEqual([
      ["Team goal", "Owned by the member"],
      ["Personal goal", "In the member's objective"],
    ]);
    expect(week.rows[1]).toMatchObject({ ownerUserId: w.lead.user.id, ownerName: "Lead", objectiveLevel: "individual", direction: "increase", startValue: "30", targetValue: "50" });
    expect(week.rows.every((row) => row.expected >= 0 && row.expected <= 1)).toBe(true);

    // The lead owns the team objective: both its key results, plus the one they own in the member's objective.
    const lead = await listMyWeek(w.lead.ctx);
    expect(lead.rows.map((row) => row.title).sort()).toEqual(["In the member's objective", "Owned by the lead", "Owned by the member"]);
    expect((await listMyWeek(w.outsider.ctx)).rows).toEqual([]);
    expect((await listMyWeek(w.org.ownerCtx)).rows.map((row) => row.title)).toEqual(["Grow NPS from 30 to 50"]);
  });

  it("leaves out archived objectives, other cycles and other organisations", async () => {
    const w = await memberWorld();
    await archiveObjective(w.member.ctx, w.personal.id);
    const next = await createNextCycle(w.org.ownerCtx);
    const planned = await createObjective(w.member.ctx, objectiveInput(w.member.ctx, next.id, { level: "individual", title: "Next quarter" }));
    await createKeyResult(w.member.ctx, planned.id, keyResultInput(w.member.user.id));
    expect((await listMyWeek(w.member.ctx)).rows.map((row) => row.title)).toEqual(["Owned by the member"]);

    // The same person in another organisation: each organisation's week holds only its own key results.
    const other = await newOrganisation("Elsewhere");
    const invitation = await createInvitation(other.ownerCtx, { email: w.member.user.email, role: "member" });
    await acceptInvitation(invitation.token, w.member.user);
    const memberThere = await contextFor(w.member.user.id, other.slug);
    const theirs = await createObjective(other.ownerCtx, objectiveInput(other.ownerCtx, await activeCycleId(other.ownerCtx)));
    await createKeyResult(other.ownerCtx, theirs.id, keyResultInput(w.member.user.id, { title: "Foreign key result" }));
    expect((await listMyWeek(memberThere)).rows.map((row) => row.title)).toEqual(["Foreign key result"]);
    expect((await listMyWeek(w.member.ctx)).rows.map((row) => row.title)).toEqual(["Owned by the member"]);
    expect(await countOwedCheckIns(w.member.ctx)).toBe(1);
  });

  it("tells owed from done this week, and agrees with the header's count", async () => {
    const w = await memberWorld();
    let week = await listMyWeek(w.member.ctx);
    expect(week.rows.map((row) => row.owed)).toEqual([true, true]);
    expect(week.owedCount).toBe(2);
    expect(await countOwedCheckIns(w.member.ctx)).toBe(2);

    await createWeeklyCheckIns(w.member.ctx, [{ keyResultId: w.owned.id, value: "4", confidence: "at_risk", note: "" }]);
    week = await listMyWeek(w.member.ctx);
    const owned = week.rows.find((row) => row.id === w.owned.id);
    expect(owned).toMatchObject({ owed: false, currentValue: "4", lastConfidence: "at_risk", status: "at_risk" });
    expect(owned?.progress).toBeCloseTo(0.4, 6);
    expect(week.owedCount).toBe(1);
    expect(await countOwedCheckIns(w.member.ctx)).toBe(1);

    // A check-in before this Monday is last week's: owed again.
    await setLastCheckIn(w.owned.id, 8);
    expect((await listMyWeek(w.member.ctx)).owedCount).toBe(2);
  });

  it("shows stale over a self-reported on track", async () => {
    const w = await memberWorld();
    await createCheckIn(w.member.ctx, w.owned.id, { value: "6", confidence: "on_track", note: "" });
    expect((await listMyWeek(w.member.ctx)).rows.find((row) => row.id === w.owned.id)?.status).toBe("on_track");
    await setLastCheckIn(w.owned.id, 10);
    const row = (await listMyWeek(w.member.ctx)).rows.find((r) => r.id === w.owned.id);
    expect(row).toMatchObject({ status: "stale", lastConfidence: "on_track", owed: true });
  });

  it("says when no cycle is active", async () => {
    const w = await memberWorld();
    await closeCycle(w.org.ownerCtx, w.cycleId);
    expect(await listMyWeek(w.member.ctx)).toEqual({ hasActiveCycle: false, rows: [], owedCount: 0 });
    expect(await countOwedCheckIns(w.member.ctx)).toBe(0);
  });
});
