import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, keyResults, objectives } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { countQueries } from "@/tests/query-count";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { cascadeObjective } from "./cascade";
import { closeCycle, createNextCycle } from "./cycles";
import { createKeyResult, deleteKeyResult, reorderKeyResults, updateKeyResult } from "./key-results";
import { getObjectiveDetail } from "./objective-detail";
import { archiveObjective, createObjective, deleteObjective, moveObjective, updateObjective } from "./objectives";
import { loadTree } from "./tree";

setupTestDatabase();

async function progressOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ progress: objectives.progress }).from(objectives).where(eq(objectives.id, id));
  return Number(row?.progress);
}

describe("objectives", () => {
  it("are written at company level by admins only", async () => {
    const w = await okrWorld();
    expect((await appError(createObjective(w.member.ctx, objectiveInput(w.member.ctx, w.cycleId)))).code).toBe("forbidden");
    const detail = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    expect(detail.objective).toMatchObject({ level: "company", progress: 0, keyResultCount: 1, status: "not_started" });
  });

  it("cascade: a member writes an individual objective aligned to their team's objective, which aligns to the company's", async () => {
    const w = await okrWorld();
    const teamGoal = await createObjective(
      w.lead.ctx,
      objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id, parentKeyResultId: w.nps.id, title: "Win hearts on social" }),
    );
    const mine = await createObjective(
      w.member.ctx,
      objectiveInput(w.member.ctx, w.cycleId, { level: "individual", parentObjectiveId: teamGoal.id, title: "Make reels people share" }),
    );
    const detail = await getObjectiveDetail(w.member.ctx, mine.id);
    expect(detail.ancestors.map((a) => a.id)).toEqual([w.company.id, teamGoal.id]);
    expect((await getObjectiveDetail(w.member.ctx, teamGoal.id)).parentKeyResult?.id).toBe(w.nps.id);
    // The page reads the same number of statements however far down the objective sits.
    const counts: number[] = [];
    for (const id of [w.company.id, teamGoal.id, mine.id]) counts.push((await countQueries(() => getObjectiveDetail(w.member.ctx, id))).count);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    const tree = await loadTree(w.member.ctx, w.cycleId, mine.id);
    expect(tree.roots.map((r) => r.id)).toEqual([w.company.id]);
    expect(tree.children[w.company.id]?.map((c) => c.id)).toEqual([teamGoal.id]);
    expect(tree.children[teamGoal.id]?.map((c) => c.id)).toEqual([mine.id]);
  });

  it("align upwards only, within the cycle, and never in a loop", async () => {
    const w = await okrWorld();
    const fail = async (input: Parameters<typeof objectiveInput>[2], ctx = w.org.ownerCtx) =>
      (await appError(createObjective(ctx, objectiveInput(ctx, w.cycleId, input)))).fields;
    const team = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id }));
    const individual = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "individual", parentObjectiveId: team.id }));
    expect(await fail({ parentObjectiveId: w.company.id })).toEqual({ parentObjectiveId: ["validation.companyCannotAlign"] });
    expect(await fail({ level: "individual", parentObjectiveId: individual.id })).toEqual({ parentObjectiveId: ["validation.alignUpwards"] });
    expect(await fail({ level: "team", teamId: w.team.id, parentObjectiveId: team.id })).toEqual({ parentObjectiveId: ["validation.alignParentTeam"] });
    const other = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { title: "Other company goal" }));
    expect(await fail({ level: "team", teamId: w.team.id, parentObjectiveId: other.id, parentKeyResultId: w.nps.id })).toEqual({
      parentKeyResultId: ["validation.keyResultOfParent"],
    });
    const next = await createNextCycle(w.org.ownerCtx);
    expect((await appError(createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, next.id, { level: "individual", parentObjectiveId: w.company.id })))).fields).toEqual({
      parentObjectiveId: ["validation.alignSameCycle"],
    });
    const detail = await getObjectiveDetail(w.org.ownerCtx, team.id);
    expect((await appError(updateObjective(w.org.ownerCtx, team.id, { version: detail.objective.version, parentObjectiveId: individual.id }))).fields).toEqual({
      parentObjectiveId: ["validation.alignUpwards"],
    });
  });

  it("roll progress up the alignment chain, by key results, children, both or by hand", async () => {
    const w = await okrWorld();
    // Start −10 → 50 with current 30: (30 + 10) / 60 = 2/3 of the way.
    await updateKeyResult(w.org.ownerCtx, w.nps.id, { version: 1, startValue: "-10" });
    expect(await progressOf(w.company.id)).toBeCloseTo(40 / 60, 5);
    const half = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Launch loyalty", direction: "milestone", weight: "2" }));
    expect(await progressOf(w.company.id)).toBeCloseTo(((40 / 60) * 1 + 0 * 2) / 3, 5);

    const child = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id }));
    const childKr = await createKeyResult(w.org.ownerCtx, child.id, keyResultInput(w.lead.user.id, { startValue: "0", targetValue: "10" }));
    await updateKeyResult(w.org.ownerCtx, childKr.id, { version: 1, startValue: "-10" });
    expect(await progressOf(child.id)).toBeCloseTo(0.5, 5);
    let version = (await getObjectiveDetail(w.org.ownerCtx, w.company.id)).objective.version;
    await updateObjective(w.org.ownerCtx, w.company.id, { version, rollupMode: "children" });
    expect(await progressOf(w.company.id)).toBeCloseTo(0.5, 5);
    version += 1;
    await updateObjective(w.org.ownerCtx, w.company.id, { version, rollupMode: "both" });
    expect(await progressOf(w.company.id)).toBeCloseTo(((40 / 60) / 3 + 0.5) / 2, 5);
    version += 1;
    expect((await appError(updateObjective(w.org.ownerCtx, w.company.id, { version, rollupMode: "manual", manualProgress: 0.42 }))).fields).toEqual({
      manualProgressReason: ["validation.manualReasonRequired"],
    });
    await updateObjective(w.org.ownerCtx, w.company.id, { version, rollupMode: "manual", manualProgress: 0.42, manualProgressReason: "Board estimate" });
    expect(await progressOf(w.company.id)).toBeCloseTo(0.42, 5);
    expect(half.id).toBeDefined();
  });

  it("stop counting in their parent when archived, and unalign their children when deleted", async () => {
    const w = await okrWorld();
    const { version } = (await getObjectiveDetail(w.org.ownerCtx, w.company.id)).objective;
    await updateObjective(w.org.ownerCtx, w.company.id, { version, rollupMode: "children" });
    const a = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id }));
    const akr = await createKeyResult(w.org.ownerCtx, a.id, keyResultInput(w.lead.user.id, { direction: "milestone" }));
    const b = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "individual", parentObjectiveId: w.company.id }));
    const db = await getDb();
    await db.update(keyResults).set({ progress: "1", currentValue: "1" }).where(eq(keyResults.id, akr.id));
    await updateKeyResult(w.org.ownerCtx, akr.id, { version: 1, title: "Done, recomputed" });
    expect(await progressOf(w.company.id)).toBeCloseTo(0.5, 5);
    await archiveObjective(w.org.ownerCtx, b.id);
    expect(await progressOf(w.company.id)).toBeCloseTo(1, 5);
    const grandchild = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "individual", parentObjectiveId: a.id }));
    await deleteObjective(w.org.ownerCtx, a.id);
    const [orphan] = await db.select().from(objectives).where(eq(objectives.id, grandchild.id));
    expect(orphan?.parentObjectiveId).toBeNull();
    expect(await progressOf(w.company.id)).toBe(0);
    expect(await db.select().from(keyResults).where(eq(keyResults.id, akr.id))).toEqual([]);
  });

  it("refuse an edit based on an old version with 409 and the newer version, writing nothing", async () => {
    const w = await okrWorld();
    const { objective } = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    await updateObjective(w.org.ownerCtx, w.company.id, { version: objective.version, title: "Saved first" });
    const conflict = await appError(updateObjective(w.org.ownerCtx, w.company.id, { version: objective.version, title: "Saved second" }));
    expect(conflict.status).toBe(409);
    expect(conflict.details?.current).toMatchObject({ title: "Saved first", version: objective.version + 1, updatedBy: "OKR Owner" });
    expect((await getObjectiveDetail(w.org.ownerCtx, w.company.id)).objective.title).toBe("Saved first");
  });

  it("log every change with who, what, before and after", async () => {
    const w = await okrWorld();
    const { objective } = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    await updateObjective(w.org.ownerCtx, w.company.id, { version: objective.version, title: "Sharper title" });
    const db = await getDb();
    const rows = await db
      .select({ action: activity.action, before: activity.before, after: activity.after, actor: activity.actorUserId })
      .from(activity)
      .where(and(eq(activity.objectiveId, w.company.id), eq(activity.action, "objective.updated")));
    expect(rows).toEqual([{ action: "objective.updated", before: { title: objective.title }, after: { title: "Sharper title" }, actor: w.org.owner.id }]);
  });

  it("move between cycles, leaving their alignment behind", async () => {
    const w = await okrWorld();
    const team = await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { level: "team", teamId: w.team.id, parentObjectiveId: w.company.id }));
    const next = await createNextCycle(w.org.ownerCtx);
    await moveObjective(w.org.ownerCtx, team.id, { version: 1, cycleId: next.id });
    const detail = await getObjectiveDetail(w.org.ownerCtx, team.id);
    expect(detail.cycle.id).toBe(next.id);
    expect(detail.objective.parentObjectiveId).toBeNull();
  });

  it("are read-only once their cycle is closed", async () => {
    const w = await okrWorld();
    await closeCycle(w.org.ownerCtx, w.cycleId);
    const { objective } = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    expect((await appError(updateObjective(w.org.ownerCtx, w.company.id, { version: objective.version, title: "Too late" }))).message).toBe("errors.cycleClosed");
    expect((await appError(createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id)))).message).toBe("errors.cycleClosed");
  });

  it("answer another organisation's member with not found, and change nothing", async () => {
    const w = await okrWorld();
    const stranger = await newOrganisation("Stranger");
    const { objective } = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    for (const attempt of [
      () => getObjectiveDetail(stranger.ownerCtx, w.company.id),
      () => updateObjective(stranger.ownerCtx, w.company.id, { version: objective.version, title: "Hijack" }),
      () => deleteObjective(stranger.ownerCtx, w.company.id),
      () => createKeyResult(stranger.ownerCtx, w.company.id, keyResultInput(stranger.owner.id)),
      () => updateKeyResult(stranger.ownerCtx, w.nps.id, { version: 1, title: "Hijack" }),
      () => deleteKeyResult(stranger.ownerCtx, w.nps.id),
      () => cascadeObjective(stranger.ownerCtx, w.company.id, { targets: [{ teamId: w.team.id }] }),
    ]) {
      expect((await appError(attempt())).code).toBe("not_found");
    }
    expect((await getObjectiveDetail(w.org.ownerCtx, w.company.id)).objective).toMatchObject({ title: objective.title, version: objective.version, keyResultCount: 1 });
  });
});

describe("key results", () => {
  it("validate direction against start and target, and units", async () => {
    const w = await okrWorld();
    const fields = async (input: Parameters<typeof keyResultInput>[1]) =>
      (await appError(createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, input)))).fields;
    const { keyResultCreateSchema } = await import("@/lib/validation/okrs");
    expect(keyResultCreateSchema.safeParse(keyResultInput(w.org.owner.id, { direction: "increase", startValue: "10", targetValue: "5" })).success).toBe(false);
    expect(keyResultCreateSchema.safeParse(keyResultInput(w.org.owner.id, { direction: "decrease", startValue: "10", targetValue: "5" })).success).toBe(true);
    expect(keyResultCreateSchema.safeParse(keyResultInput(w.org.owner.id, { unit: "currency" })).success).toBe(false);
    expect(keyResultCreateSchema.safeParse(keyResultInput(w.org.owner.id, { targetValue: "1.5e3" })).success).toBe(false);
    expect(await fields({ ownerUserId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ownerUserId: ["validation.unknownMember"] });
  });

  it("keep exact decimals, normalise milestones, default the due date to the cycle's end, and keep their order", async () => {
    const w = await okrWorld();
    const money = await createKeyResult(
      w.org.ownerCtx,
      w.company.id,
      keyResultInput(w.org.owner.id, { unit: "currency", currencyCode: "nok", startValue: "2400000.25", targetValue: "3600000.75" }),
    );
    const milestone = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { direction: "milestone", startValue: "7", targetValue: "9" }));
    const detail = await getObjectiveDetail(w.org.ownerCtx, w.company.id);
    const byId = new Map(detail.keyResults.map((kr) => [kr.id, kr]));
    expect(byId.get(money.id)).toMatchObject({ startValue: "2400000.25", targetValue: "3600000.75", currencyCode: "NOK", dueDate: detail.cycle.endDate });
    expect(byId.get(milestone.id)).toMatchObject({ startValue: "0", targetValue: "1", currentValue: "0" });
    await reorderKeyResults(w.org.ownerCtx, w.company.id, [milestone.id, money.id, w.nps.id]);
    expect((await getObjectiveDetail(w.org.ownerCtx, w.company.id)).keyResults.map((kr) => kr.id)).toEqual([milestone.id, money.id, w.nps.id]);
  });

  it("are edited by whoever may write their objective", async () => {
    const w = await okrWorld();
    expect((await appError(updateKeyResult(w.member.ctx, w.nps.id, { version: 1, title: "Not mine" }))).code).toBe("forbidden");
    expect((await appError(updateKeyResult(w.org.ownerCtx, w.nps.id, { version: 9, title: "Stale" }))).status).toBe(409);
  });
});

describe("cascading", () => {
  it("creates aligned team objectives owned by the leads in one step, without duplicates", async () => {
    const w = await okrWorld();
    const { createTeam } = await import("./teams");
    const sales = await createTeam(w.org.ownerCtx, { name: "Sales" });
    const result = await cascadeObjective(w.org.ownerCtx, w.company.id, {
      targets: [{ teamId: w.team.id, keyResultId: w.nps.id, title: "Be the shop people tell their friends about" }, { teamId: sales.id, keyResultId: w.nps.id }],
    });
    // The title the dialog sent, else the objective's own words: never the key result's numbers.
    expect(result.created).toEqual([
      expect.objectContaining({ teamId: w.team.id, ownerUserId: w.lead.user.id, title: "Be the shop people tell their friends about" }),
      expect.objectContaining({ teamId: sales.id, ownerUserId: w.org.owner.id, title: "Become the shop Norwegians recommend" }),
    ]);
    const again = await cascadeObjective(w.org.ownerCtx, w.company.id, { targets: [{ teamId: w.team.id }] });
    expect(again).toEqual({ created: [], skipped: 1 });
    expect((await getObjectiveDetail(w.org.ownerCtx, w.company.id)).children).toHaveLength(2);
  });

  it("is for those who may write the objective", async () => {
    const w = await okrWorld();
    expect((await appError(cascadeObjective(w.member.ctx, w.company.id, { targets: [{ teamId: w.team.id }] }))).code).toBe("forbidden");
  });
});

describe("the alignment tree", () => {
  it("answers not found for the children of another organisation's objective", async () => {
    const w = await okrWorld();
    const stranger = await newOrganisation("Stranger");
    const { childrenOf } = await import("./tree");
    expect((await appError(childrenOf(stranger.ownerCtx, w.company.id))).code).toBe("not_found");
    expect(await childrenOf(w.org.ownerCtx, w.company.id)).toEqual([]);
  });
});
