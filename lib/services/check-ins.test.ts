import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, checkIns, keyResults, objectives } from "@/db/schema";
import { checkInSchema } from "@/lib/validation/check-ins";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { createCheckIn, createWeeklyCheckIns } from "./check-ins";
import { closeCycle } from "./cycles";
import { createKeyResult } from "./key-results";
import { createObjective } from "./objectives";

setupTestDatabase();

async function checkInsOf(keyResultId: string) {
  const db = await getDb();
  return db.select().from(checkIns).where(eq(checkIns.keyResultId, keyResultId)).orderBy(desc(checkIns.createdAt));
}

async function keyResultRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(keyResults).where(eq(keyResults.id, id));
  if (!row) throw new Error("missing key result");
  return row;
}

describe("check-ins", () => {
  it("move the key result's value and progress, roll up, and keep every earlier check-in", async () => {
    const w = await okrWorld();
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "35", confidence: "at_risk", note: "Slow start" });
    const second = await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "40", confidence: "on_track", note: "" });
    expect(second.progress).toBeCloseTo(0.5, 6);
    const kr = await keyResultRow(w.nps.id);
    expect(kr).toMatchObject({ currentValue: "40", lastConfidence: "on_track" });
    expect(Number(kr.progress)).toBeCloseTo(0.5, 6);
    const history = await checkInsOf(w.nps.id);
    expect(history.map((row) => [row.value, row.previousValue, row.confidence])).toEqual([
      ["40", "35", "on_track"],
      ["35", "30", "at_risk"],
    ]);
    const db = await getDb();
    const [objective] = await db.select({ progress: objectives.progress }).from(objectives).where(eq(objectives.id, w.company.id));
    expect(Number(objective?.progress)).toBeCloseTo(0.5, 6);
    const logged = await db.select().from(activity).where(and(eq(activity.keyResultId, w.nps.id), eq(activity.action, "check_in.created")));
    expect(logged).toHaveLength(2);
  });

  it("are made by the key result's owner, the objective's owner or an admin", async () => {
    const w = await okrWorld();
    const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id }));
    const kr = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { startValue: "0", targetValue: "10" }));
    await createCheckIn(w.member.ctx, kr.id, { value: "2", confidence: "on_track", note: "" });
    await createCheckIn(w.lead.ctx, kr.id, { value: "3", confidence: "on_track", note: "" });
    await createCheckIn(w.org.ownerCtx, kr.id, { value: "4", confidence: "on_track", note: "" });
    const refused = await appError(createCheckIn(w.outsider.ctx, kr.id, { value: "9", confidence: "on_track", note: "" }));
    expect(refused.code).toBe("forbidden");
    expect((await keyResultRow(kr.id)).currentValue).toBe("4");
    expect(await checkInsOf(kr.id)).toHaveLength(3);
  });

  it("answer another organisation, a closed cycle and bad values with a clear 4xx, writing nothing", async () => {
    const w = await okrWorld();
    const stranger = await newOrganisation("Stranger");
    expect((await appError(createCheckIn(stranger.ownerCtx, w.nps.id, { value: "45", confidence: "on_track", note: "" }))).status).toBe(404);
    const milestone = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { direction: "milestone" }));
    const bad = await appError(createCheckIn(w.org.ownerCtx, milestone.id, { value: "5", confidence: "on_track", note: "" }));
    expect([bad.status, bad.fields]).toEqual([400, { value: ["validation.milestoneValue"] }]);
    expect(checkInSchema.safeParse({ value: "lots", confidence: "on_track" }).success).toBe(false);
    expect(checkInSchema.safeParse({ value: "12", confidence: "fine" }).success).toBe(false);
    await closeCycle(w.org.ownerCtx, w.cycleId);
    expect((await appError(createCheckIn(w.org.ownerCtx, w.nps.id, { value: "45", confidence: "on_track", note: "" }))).status).toBe(409);
    expect(await checkInsOf(w.nps.id)).toEqual([]);
    expect(await checkInsOf(milestone.id)).toEqual([]);
  });

  it("survive 50 at once on one key result: all stored, and the current value is the newest", async () => {
    const w = await okrWorld();
    const values = Array.from({ length: 50 }, (_, index) => String(31 + index));
    await Promise.all(values.map((value) => createCheckIn(w.org.ownerCtx, w.nps.id, { value, confidence: "on_track", note: `#${value}` })));
    const stored = await checkInsOf(w.nps.id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((row) => row.value))).toEqual(new Set(values));
    const kr = await keyResultRow(w.nps.id);
    expect(kr.currentValue).toBe(stored[0]?.value);
    expect(kr.lastCheckInAt?.getTime()).toBe(stored[0]?.createdAt.getTime());
    // Each check-in saw the one before it: the chain of previous values is unbroken.
    const chain = [...stored].reverse();
    chain.forEach((row, index) => expect(row.previousValue).toBe(index === 0 ? "30" : chain[index - 1]?.value));
  });
});

describe("the weekly check-in", () => {
  it("saves every row in one go", async () => {
    const w = await okrWorld();
    const second = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Cut churn", direction: "decrease", startValue: "10", targetValue: "5" }));
    const third = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Launch", direction: "milestone" }));
    const results = await createWeeklyCheckIns(w.org.ownerCtx, [
      { keyResultId: w.nps.id, value: "45", confidence: "on_track", note: "" },
      { keyResultId: second.id, value: "8", confidence: "at_risk", note: "" },
      { keyResultId: third.id, value: "1", confidence: "off_track", note: "" },
    ]);
    expect(results.map((r) => r.progress.toFixed(2))).toEqual(["0.75", "0.40", "1.00"]);
  });

  it("saves nothing when any row is wrong, and names each wrong row", async () => {
    const w = await okrWorld();
    const milestone = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { direction: "milestone" }));
    const error = await appError(
      createWeeklyCheckIns(w.member.ctx, [
        { keyResultId: w.nps.id, value: "45", confidence: "on_track", note: "" },
        { keyResultId: milestone.id, value: "1", confidence: "on_track", note: "" },
      ]),
    );
    expect(error.fields).toEqual({ "entries.0.keyResultId": ["validation.checkInForbidden"], "entries.1.keyResultId": ["validation.checkInForbidden"] });
    const mixed = await appError(
      createWeeklyCheckIns(w.org.ownerCtx, [
        { keyResultId: w.nps.id, value: "45", confidence: "on_track", note: "" },
        { keyResultId: milestone.id, value: "7", confidence: "on_track", note: "" },
      ]),
    );
    expect(mixed.fields).toEqual({ "entries.1.value": ["validation.milestoneValue"] });
    expect(await checkInsOf(w.nps.id)).toEqual([]);
  });
});
