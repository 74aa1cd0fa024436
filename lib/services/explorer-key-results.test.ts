import { describe, expect, it } from "vitest";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { countQueries } from "@/tests/query-count";
import { reportWorld } from "@/tests/report-world";
import { newOrganisation } from "@/tests/world";
import { exploreKeyResults } from "./explorer-key-results";

setupTestDatabase();

describe("the explorer's key-result list", () => {
  it("lists the cycle's key results by status, team branch and this week's check-in, in a fixed number of queries", async () => {
    const w = await reportWorld("Krs");
    const all = await exploreKeyResults(w.ctx, {});
    expect(all.total).toBe(6);
    expect((await exploreKeyResults(w.ctx, { status: "at_risk" })).items.map((kr) => kr.id)).toEqual([w.keyResults.k2]);
    expect((await exploreKeyResults(w.ctx, { status: "stale" })).items.map((kr) => kr.id)).toEqual([w.keyResults.k5]);
    // Commerce's branch holds Marketing's key results too.
    expect((await exploreKeyResults(w.ctx, { team: w.teams.commerce })).total).toBe(3);
    expect((await exploreKeyResults(w.ctx, { checkin: "done" })).total).toBe(4);
    expect((await exploreKeyResults(w.ctx, { checkin: "owed" })).total).toBe(2);
    const { count } = await countQueries(() => exploreKeyResults(w.ctx, { status: "on_track" }));
    // The tenant statement, the cycle, the page and the count.
    expect(count).toBeLessThanOrEqual(5);
  });

  it("pages forwards and back by keyset cursors", async () => {
    const w = await reportWorld("KrPages");
    const first = await exploreKeyResults(w.ctx, { sort: "progress" }, { pageSize: 4 });
    expect(first.items).toHaveLength(4);
    if (!first.nextCursor) throw new Error("no next page");
    const second = await exploreKeyResults(w.ctx, { sort: "progress", after: first.nextCursor }, { pageSize: 4 });
    expect(second.items).toHaveLength(2);
    if (!second.prevCursor) throw new Error("no previous page");
    const back = await exploreKeyResults(w.ctx, { sort: "progress", before: second.prevCursor }, { pageSize: 4 });
    expect(back.items.map((kr) => kr.id)).toEqual(first.items.map((kr) => kr.id));
  });

  it("answers another organisation's cycle with not found", async () => {
    const w = await reportWorld("KrTenant");
    const stranger = await newOrganisation("Stranger");
    expect((await appError(exploreKeyResults(stranger.ownerCtx, { cycle: w.cycle.id }))).code).toBe("not_found");
  });
});
