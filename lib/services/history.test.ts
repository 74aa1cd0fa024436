import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkIns, cycles } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { createCheckIn, createWeeklyCheckIns } from "./check-ins";
import { createKeyResult } from "./key-results";
import { KEY_RESULT_HISTORY_LIMIT, keyResultHistory, objectiveProgressSeries } from "./history";
import { now } from "@/lib/clock";

setupTestDatabase();

describe("key result history", () => {
  it("lists check-ins newest first with their authors, and what the expected line is drawn from", async () => {
    const w = await okrWorld("History");
    const kr = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.member.user.id, { title: "Reach 10", startValue: "2", targetValue: "10" }));
    await createCheckIn(w.member.ctx, kr.id, { value: "4", confidence: "on_track", note: "Good start" });
    await createCheckIn(w.org.ownerCtx, kr.id, { value: "5", confidence: "at_risk", note: "" });
    const history = await keyResultHistory(w.member.ctx, kr.id);
    expect(history.keyResult).toMatchObject({ id: kr.id, objectiveId: w.company.id, title: "Reach 10", direction: "increase", startValue: "2", targetValue: "10", currentValue: "5" });
    const [cycle] = await (await getDb()).select().from(cycles).where(eq(cycles.id, w.cycleId));
    expect(history.cycle).toEqual({ name: cycle?.name, startDate: cycle?.startDate, endDate: cycle?.endDate, status: "active" });
    expect(history.keyResult.dueDate).toBe(cycle?.endDate);
    expect(history.checkIns.map(({ value, confidence, note, authorName }) => [value, confidence, note, authorName])).toEqual([
      ["5", "at_risk", "", "History Owner"],
      ["4", "on_track", "Good start", "Member"],
    ]);
    expect(history.checkIns[0]?.createdAt).toBeInstanceOf(Date);
    expect(history.truncated).toBe(false);
    // Every member may read it (transparency), not only those who may check in.
    expect((await keyResultHistory(w.outsider.ctx, kr.id)).checkIns).toHaveLength(2);
  });

  it(`stops at ${KEY_RESULT_HISTORY_LIMIT} check-ins and says there are more`, async () => {
    const w = await okrWorld("Long");
    const db = await getDb();
    const base = now().getTime() - 400 * 3_600_000;
    await db.insert(checkIns).values(
      Array.from({ length: KEY_RESULT_HISTORY_LIMIT + 3 }, (_, index) => ({
        orgId: w.org.orgId,
        keyResultId: w.nps.id,
        authorUserId: w.org.owner.id,
        value: String(30 + index / 10),
        confidence: "on_track" as const,
        createdAt: new Date(base + index * 3_600_000),
      })),
    );
    const history = await keyResultHistory(w.org.ownerCtx, w.nps.id);
    expect(history.checkIns).toHaveLength(KEY_RESULT_HISTORY_LIMIT);
    expect(history.truncated).toBe(true);
    expect(history.checkIns[0]?.value).toBe(String(30 + (KEY_RESULT_HISTORY_LIMIT + 2) / 10));
  });

  it("answers not_found for another organisation's key result, or one that does not exist", async () => {
    const w = await okrWorld("Private");
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "35", confidence: "on_track", note: "Secret" });
    const stranger = await newOrganisation("Stranger");
    expect((await appError(keyResultHistory(stranger.ownerCtx, w.nps.id))).code).toBe("not_found");
    expect((await appError(keyResultHistory(w.org.ownerCtx, crypto.randomUUID()))).code).toBe("not_found");
  });
});

describe("objective progress series", () => {
  it("holds the daily points, the progress now and the cycle's dates", async () => {
    const w = await okrWorld("Series");
    await createWeeklyCheckIns(w.org.ownerCtx, [{ keyResultId: w.nps.id, value: "40", confidence: "on_track", note: "" }]);
    const series = await objectiveProgressSeries(w.member.ctx, w.company.id);
    expect(series.progress).toBeCloseTo(0.5, 6);
    expect(series.cycle.status).toBe("active");
    expect(series.points.length).toBeGreaterThanOrEqual(1);
    expect(series.points.at(-1)?.progress).toBeCloseTo(0.5, 6);
    expect(series.points.at(-1)?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const stranger = await newOrganisation("Outside");
    expect((await appError(objectiveProgressSeries(stranger.ownerCtx, w.company.id))).code).toBe("not_found");
  });
});
