import { and, asc, eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, cycles, keyResults, objectives } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { carryOverSchema, type CarryOverInput } from "@/lib/validation/carry-over";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { countQueries } from "@/tests/query-count";
import { newOrganisation } from "@/tests/world";
import { carryOver } from "./carry-over";
import { listCarryCandidates } from "./carry-over-read";
import { createCheckIn } from "./check-ins";
import { closeCycle, createNextCycle } from "./cycles";
import { createKeyResult } from "./key-results";
import { removeMember } from "./members";
import { getObjectiveDetail } from "./objective-detail";
import { createObjective, deleteObjective, updateObjective } from "./objectives";

setupTestDatabase();

// A Wednesday in the middle of Q3 2026: sign-up opens Q3, createNextCycle makes Q4.
beforeEach(() => void pinClock("2026-08-12T10:00:00Z"));
afterEach(() => unpinClock());

const input = (value: unknown): CarryOverInput => carryOverSchema.parse(value);

/**
 * The world of okrWorld, with a team objective aligned to the company's NPS key result and an
 * individual objective below it, each with checked-in key results; then Q3 closes and Q4 is planned.
 */
async function quarterWorld(options: { secondCompanyKeyResult?: boolean } = {}) {
  const w = await okrWorld("Carry");
  if (options.secondCompanyKeyResult) {
    await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.lead.user.id, { title: "Open a second shop", startValue: "0", targetValue: "1" }));
  }
  const teamGoal = await createObjective(
    w.lead.ctx,
    objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id, parentKeyResultId: w.nps.id, title: "Win hearts on social" }),
  );
  const reach = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Reach 10k followers", startValue: "2000", targetValue: "10000", weight: "2" }));
  const churn = await createKeyResult(
    w.lead.ctx,
    teamGoal.id,
    keyResultInput(w.lead.user.id, { title: "Cut churn from 10 % to 5 %", unit: "percent", direction: "decrease", startValue: "10", targetValue: "5" }),
  );
  const mine = await createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId, { level: "individual", parentObjectiveId: teamGoal.id, title: "Make reels people share" }));
  await createKeyResult(w.member.ctx, mine.id, keyResultInput(w.member.user.id, { title: "Publish 12 reels", startValue: "0", targetValue: "12" }));
  await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "42", confidence: "on_track", note: "" });
  await createCheckIn(w.member.ctx, reach.id, { value: "6500", confidence: "at_risk", note: "" });
  await createCheckIn(w.lead.ctx, churn.id, { value: "7", confidence: "on_track", note: "" });
  const next = await createNextCycle(w.org.ownerCtx);
  await closeCycle(w.org.ownerCtx, w.cycleId);
  return { ...w, teamGoal, reach, churn, mine, nextCycleId: next.id };
}

/** Every row of the closed cycle's objectives and key results, to hold them unchanged. */
async function snapshotOf(cycleId: string) {
  const db = await getDb();
  const rows = await db.select().from(objectives).where(eq(objectives.cycleId, cycleId)).orderBy(asc(objectives.id));
  const krs = rows.length ? await db.select().from(keyResults).where(inArray(keyResults.objectiveId, rows.map((row) => row.id))).orderBy(asc(keyResults.id)) : [];
  const [cycle] = await db.select().from(cycles).where(eq(cycles.id, cycleId));
  return { rows, krs, cycle };
}

describe("carrying objectives into the next quarter", () => {
  it("copies objectives with their key results, starting at the last value, in one transaction; the closed cycle is not touched", async () => {
    const w = await quarterWorld();
    const before = await snapshotOf(w.cycleId);
    const result = await carryOver(
      w.org.ownerCtx,
      w.cycleId,
      input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }, { objectiveId: w.teamGoal.id, keyResults: [{ keyResultId: w.reach.id, targetValue: "15000" }] }] }),
    );
    expect(result.toCycleId).toBe(w.nextCycleId);
    expect(result.objectives.map((o) => [o.carriedFromId, o.alignment])).toEqual([
      [w.company.id, "none"],
      [w.teamGoal.id, "carried"],
    ]);
    expect(await snapshotOf(w.cycleId)).toEqual(before);

    const db = await getDb();
    const copies = await db.select().from(objectives).where(eq(objectives.cycleId, w.nextCycleId));
    const company = copies.find((o) => o.carriedFromId === w.company.id);
    const team = copies.find((o) => o.carriedFromId === w.teamGoal.id);
    expect(company).toMatchObject({ level: "company", title: "Become the shop Norwegians recommend", parentObjectiveId: null, score: null });
    // The team copy aligns to the company copy, and to the copy of the NPS key result.
    const [npsCopy] = await db.select().from(keyResults).where(eq(keyResults.objectiveId, company?.id ?? ""));
    expect(npsCopy).toMatchObject({ title: "Grow NPS from 30 to 50", startValue: "42", currentValue: "42", targetValue: "50", lastCheckInAt: null });
    expect(team).toMatchObject({ level: "team", teamId: w.team.id, ownerUserId: w.lead.user.id, parentObjectiveId: company?.id, parentKeyResultId: npsCopy?.id });
    const teamKrs = await db.select().from(keyResults).where(eq(keyResults.objectiveId, team?.id ?? "")).orderBy(asc(keyResults.position));
    const [q4] = await db.select().from(cycles).where(eq(cycles.id, w.nextCycleId));
    expect(teamKrs.map((kr) => ({ title: kr.title, unit: kr.unit, direction: kr.direction, start: kr.startValue, target: kr.targetValue, weight: kr.weight, owner: kr.ownerUserId, due: kr.dueDate }))).toEqual([
      { title: "Reach 10k followers", unit: "number", direction: "increase", start: "6500", target: "15000", weight: "2", owner: w.member.user.id, due: q4?.endDate },
      { title: "Cut churn from 10 % to 5 %", unit: "percent", direction: "decrease", start: "7", target: "5", weight: "1", owner: w.lead.user.id, due: q4?.endDate },
    ]);
    // A fresh quarter: nothing achieved yet.
    expect(teamKrs.every((kr) => Number(kr.progress) === 0)).toBe(true);
    const created = await db.select({ action: activity.action }).from(activity).where(and(eq(activity.orgId, w.org.orgId), eq(activity.objectiveId, team?.id ?? "")));
    expect(created.map((row) => row.action).sort()).toEqual(["key_result.created", "key_result.created", "objective.created"]);
  });

  it("shows the chain of quarters on the objective page, in the same number of statements", async () => {
    const w = await quarterWorld();
    const { objectives: [copy] } = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    const later = await getObjectiveDetail(w.member.ctx, copy?.id ?? "");
    expect(later.quarters.map((q) => [q.objectiveId, q.cycleStatus])).toEqual([
      [w.company.id, "closed"],
      [copy?.id, "planning"],
    ]);
    expect(later.quarters[0]?.score).toBeCloseTo(0.6);
    const earlier = await getObjectiveDetail(w.member.ctx, w.company.id);
    expect(earlier.quarters.map((q) => q.objectiveId)).toEqual([w.company.id, copy?.id]);
    const alone = await countQueries(() => getObjectiveDetail(w.member.ctx, w.mine.id));
    const chained = await countQueries(() => getObjectiveDetail(w.member.ctx, copy?.id ?? ""));
    expect(alone.result.quarters).toHaveLength(1);
    expect(chained.count).toBe(alone.count);
  });

  it("leaves a copy unaligned when its parent stays behind, and aligns to a parent carried later or earlier", async () => {
    const w = await quarterWorld();
    // The individual objective first: its team parent is not carried (yet).
    const first = await carryOver(w.member.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }] }));
    expect(first.objectives[0]?.alignment).toBe("unaligned");
    // The company objective now; then the team objective aligns to the company's earlier copy and its NPS key result.
    const company = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    const team = await carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] }));
    expect(team.objectives[0]?.alignment).toBe("carried");
    const db = await getDb();
    const [row] = await db.select().from(objectives).where(eq(objectives.id, team.objectives[0]?.id ?? ""));
    const [npsCopy] = await db.select().from(keyResults).where(eq(keyResults.objectiveId, company.objectives[0]?.id ?? ""));
    expect(row).toMatchObject({ parentObjectiveId: company.objectives[0]?.id, parentKeyResultId: npsCopy?.id });
  });

  it("aligns copies carried earlier to their parent's copy when the parent is carried later, in the same transaction", async () => {
    const w = await quarterWorld();
    const team = await carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] }));
    const mine = await carryOver(w.member.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }] }));
    expect(mine.realigned).toEqual([]);
    const teamCopy = team.objectives[0];
    expect(teamCopy?.alignment).toBe("unaligned");
    const db = await getDb();
    const [beforeRow] = await db.select().from(objectives).where(eq(objectives.id, teamCopy?.id ?? ""));
    // The company objective now: the team's copy takes its predecessor's alignment, key result included.
    const company = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    expect(company.realigned).toEqual([{ id: teamCopy?.id, title: "Win hearts on social" }]);
    const companyCopy = company.objectives[0]?.id ?? "";
    const [npsCopy] = await db.select().from(keyResults).where(eq(keyResults.objectiveId, companyCopy));
    const [row] = await db.select().from(objectives).where(eq(objectives.id, teamCopy?.id ?? ""));
    expect(row).toMatchObject({ parentObjectiveId: companyCopy, parentKeyResultId: npsCopy?.id, version: (beforeRow?.version ?? 0) + 1 });
    // The individual copy aligned to the team's copy when it was carried, and stays so.
    const [mineRow] = await db.select().from(objectives).where(eq(objectives.id, mine.objectives[0]?.id ?? ""));
    expect(mineRow?.parentObjectiveId).toBe(teamCopy?.id);
    const updated = await db.select({ action: activity.action, after: activity.after }).from(activity).where(and(eq(activity.orgId, w.org.orgId), eq(activity.objectiveId, teamCopy?.id ?? ""), eq(activity.action, "objective.updated")));
    expect(updated).toEqual([{ action: "objective.updated", after: { parentObjectiveId: companyCopy, parentKeyResultId: npsCopy?.id } }]);
  });

  it("realigns to the parent objective alone when the key result contributed to is left behind, and leaves copies aligned by hand alone", async () => {
    const w = await quarterWorld({ secondCompanyKeyResult: true });
    const team = await carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] }));
    const company = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id, keyResults: [{ keyResultId: w.nps.id, carry: false }] }] }));
    expect(company.realigned.map((row) => row.id)).toEqual([team.objectives[0]?.id]);
    const db = await getDb();
    const [row] = await db.select().from(objectives).where(eq(objectives.id, team.objectives[0]?.id ?? ""));
    expect(row).toMatchObject({ parentObjectiveId: company.objectives[0]?.id, parentKeyResultId: null });
    // A copy its owner aligned by hand meanwhile keeps that alignment when its old parent follows.
    const w2 = await quarterWorld();
    const mine = await carryOver(w2.member.ctx, w2.cycleId, input({ toCycleId: w2.nextCycleId, items: [{ objectiveId: w2.mine.id }] }));
    const mineCopy = mine.objectives[0]?.id ?? "";
    const planned = await createObjective(w2.org.ownerCtx, objectiveInput(w2.org.ownerCtx, w2.nextCycleId, { title: "Planned in Q4" }));
    const detail = await getObjectiveDetail(w2.member.ctx, mineCopy);
    await updateObjective(w2.member.ctx, mineCopy, { version: detail.objective.version, parentObjectiveId: planned.id });
    const teamLater = await carryOver(w2.lead.ctx, w2.cycleId, input({ toCycleId: w2.nextCycleId, items: [{ objectiveId: w2.teamGoal.id }] }));
    expect(teamLater.realigned).toEqual([]);
    const [mineRow] = await db.select().from(objectives).where(eq(objectives.id, mineCopy));
    expect(mineRow?.parentObjectiveId).toBe(planned.id);
  });

  it("does not align to an earlier copy that has since moved where the old alignment would not hold", async () => {
    const w = await quarterWorld();
    const team = await carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] }));
    const teamCopy = team.objectives[0]?.id ?? "";
    // The team's copy becomes the lead's own objective in Q4: an individual objective cannot be aligned to.
    const detail = await getObjectiveDetail(w.lead.ctx, teamCopy);
    await updateObjective(w.org.ownerCtx, teamCopy, { version: detail.objective.version, level: "individual", ownerUserId: w.lead.user.id });
    const mine = await carryOver(w.member.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }] }));
    expect(mine.objectives[0]?.alignment).toBe("unaligned");
    // Nor is the moved copy aligned when its old parent comes after it.
    const company = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    expect(company.realigned).toEqual([]);
  });

  it("follows the permission table: a member carries their own objectives, not the company's or another team's", async () => {
    const w = await quarterWorld();
    const before = await snapshotOf(w.nextCycleId);
    expect((await appError(carryOver(w.member.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] })))).code).toBe("forbidden");
    expect((await appError(carryOver(w.outsider.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] })))).code).toBe("forbidden");
    // One refused objective refuses the whole carry.
    expect(
      (await appError(carryOver(w.member.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }, { objectiveId: w.company.id }] })))).code,
    ).toBe("forbidden");
    expect(await snapshotOf(w.nextCycleId)).toEqual(before);
    // The lead of the member's team carries the member's objective (as they could create it).
    expect((await carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }] }))).objectives).toHaveLength(1);
  });

  it("refuses a second carry of the same objective, and writes nothing", async () => {
    const w = await quarterWorld();
    await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    const before = await snapshotOf(w.nextCycleId);
    const again = await appError(carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }, { objectiveId: w.company.id }] })));
    expect(again.code).toBe("conflict");
    expect(again.message).toBe("errors.alreadyCarried");
    expect(await snapshotOf(w.nextCycleId)).toEqual(before);
    // Two people carrying the same objective at the same moment: one wins, the other is told, one copy exists.
    const answers = await Promise.allSettled([
      carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] })),
      carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] })),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = answers.find((answer) => answer.status === "rejected");
    expect(lost?.status === "rejected" && lost.reason instanceof AppError && lost.reason.code).toBe("conflict");
    const db = await getDb();
    expect(await db.select({ id: objectives.id }).from(objectives).where(eq(objectives.carriedFromId, w.teamGoal.id))).toHaveLength(1);
    // The same objective named twice in one request never reaches the service.
    expect(carryOverSchema.safeParse({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.mine.id }, { objectiveId: w.mine.id }] }).error?.issues[0]?.path).toEqual(["items", 1, "objectiveId"]);
  });

  it("answers 404 for another organisation's cycle or objective, and refuses wrong cycles and targets with field errors", async () => {
    const w = await quarterWorld();
    const other = await newOrganisation("Other");
    const otherCycle = (await createNextCycle(other.ownerCtx)).id;
    const otherObjective = await createObjective(other.ownerCtx, objectiveInput(other.ownerCtx, otherCycle));
    const carry = (fromCycleId: string, value: unknown) => appError(carryOver(w.org.ownerCtx, fromCycleId, input(value)));
    expect((await carry(otherCycle, { toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] })).code).toBe("not_found");
    expect((await carry(w.cycleId, { toCycleId: otherCycle, items: [{ objectiveId: w.company.id }] })).code).toBe("not_found");
    expect((await carry(w.cycleId, { toCycleId: w.nextCycleId, items: [{ objectiveId: otherObjective.id }] })).code).toBe("not_found");
    // Into the same cycle, or backwards from the next one into the closed one.
    expect((await carry(w.cycleId, { toCycleId: w.cycleId, items: [{ objectiveId: w.company.id }] })).fields).toEqual({ toCycleId: ["validation.carrySameCycle"] });
    const planned = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.nextCycleId, { title: "Planned already" }));
    expect((await carry(w.nextCycleId, { toCycleId: w.cycleId, items: [{ objectiveId: planned.id }] })).fields).toEqual({ toCycleId: ["validation.carryForward"] });
    // An objective of another cycle of this organisation.
    expect((await carry(w.cycleId, { toCycleId: w.nextCycleId, items: [{ objectiveId: planned.id }] })).fields).toEqual({ "items.0.objectiveId": ["validation.notInCycle"] });
    // A target that is no longer ahead of where the key result ended (churn ended at 7, to decrease).
    const wrong = await carry(w.cycleId, { toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id, keyResults: [{ keyResultId: w.churn.id, targetValue: "8" }] }] });
    expect(wrong.fields).toEqual({ [`keyResults.${w.churn.id}.targetValue`]: ["validation.targetBelowStart"] });
    // A key result of another objective.
    const foreignKr = await carry(w.cycleId, { toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id, keyResults: [{ keyResultId: w.churn.id, targetValue: "1" }] }] });
    expect(foreignKr.fields).toEqual({ [`keyResults.${w.churn.id}.keyResultId`]: ["validation.keyResultOfObjective"] });
    const db = await getDb();
    expect(await db.select({ id: objectives.id }).from(objectives).where(eq(objectives.cycleId, w.nextCycleId))).toHaveLength(1);
  });

  it("refuses a key result whose owner has left, under that key result, and writes nothing", async () => {
    const w = await quarterWorld();
    await removeMember(w.org.ownerCtx, w.member.user.id);
    const before = await snapshotOf(w.nextCycleId);
    const refused = await appError(carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id }] })));
    expect(refused.code).toBe("validation_failed");
    expect(refused.fields).toEqual({ [`keyResults.${w.reach.id}.ownerUserId`]: ["validation.unknownMember"] });
    expect(await snapshotOf(w.nextCycleId)).toEqual(before);
  });

  it("leaves a key result behind when told, and refuses to leave them all behind", async () => {
    const w = await quarterWorld();
    const before = await snapshotOf(w.nextCycleId);
    const all = await appError(
      carryOver(w.lead.ctx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id, keyResults: [{ keyResultId: w.reach.id, carry: false }, { keyResultId: w.churn.id, carry: false }] }] })),
    );
    expect(all.fields).toEqual({ [`objectives.${w.teamGoal.id}.keyResults`]: ["validation.keepOneKeyResult"] });
    expect(await snapshotOf(w.nextCycleId)).toEqual(before);
    // The key result whose owner has left may stay behind, so the rest is carried.
    await removeMember(w.org.ownerCtx, w.member.user.id);
    const { objectives: [copy] } = await carryOver(
      w.lead.ctx,
      w.cycleId,
      input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.teamGoal.id, keyResults: [{ keyResultId: w.reach.id, carry: false, targetValue: "1" }] }] }),
    );
    const db = await getDb();
    const krs = await db.select().from(keyResults).where(eq(keyResults.objectiveId, copy?.id ?? ""));
    expect(krs.map((kr) => kr.title)).toEqual(["Cut churn from 10 % to 5 %"]);
    const created = await db.select({ action: activity.action }).from(activity).where(and(eq(activity.orgId, w.org.orgId), eq(activity.objectiveId, copy?.id ?? "")));
    expect(created.map((row) => row.action).sort()).toEqual(["key_result.created", "objective.created"]);
  });

  it("lists the cycle's objectives for the planning view with where each was carried, in two reads", async () => {
    const w = await quarterWorld();
    const { objectives: [copy] } = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: w.nextCycleId, items: [{ objectiveId: w.company.id }] }));
    const { result, count } = await countQueries(() => listCarryCandidates(w.member.ctx, w.cycleId));
    expect(count).toBeLessThanOrEqual(3);
    expect(result.map((o) => [o.title, o.carriedInto?.objectiveId ?? null, o.keyResults.length])).toEqual([
      ["Become the shop Norwegians recommend", copy?.id, 1],
      ["Win hearts on social", null, 2],
      ["Make reels people share", null, 1],
    ]);
    expect(result[2]?.ownerLeadIds).toEqual([w.lead.user.id]);
  });

  it("keeps the copy when its predecessor is deleted, without the link", async () => {
    const w = await okrWorld("Delete");
    const next = await createNextCycle(w.org.ownerCtx);
    const { objectives: [copy] } = await carryOver(w.org.ownerCtx, w.cycleId, input({ toCycleId: next.id, items: [{ objectiveId: w.company.id }] }));
    await deleteObjective(w.org.ownerCtx, w.company.id);
    const db = await getDb();
    const [row] = await db.select().from(objectives).where(eq(objectives.id, copy?.id ?? ""));
    expect(row?.carriedFromId).toBeNull();
    expect((await getObjectiveDetail(w.org.ownerCtx, copy?.id ?? "")).quarters).toHaveLength(1);
  });
});
