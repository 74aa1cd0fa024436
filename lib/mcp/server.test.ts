import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { pinClock, unpinClock } from "@/lib/clock";
import en from "@/lib/i18n/messages/en.json";
import { getObjectiveDetail } from "@/lib/services/objective-detail";
import { createObjective } from "@/lib/services/objectives";
import { createKeyResult } from "@/lib/services/key-results";
import type { TenantContext } from "@/lib/tenant-context";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { retningMcpServer } from "./server";

setupTestDatabase();
afterEach(() => unpinClock());

/** English messages by key, as the route's translator gives them. */
const t = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) as string;

/** A client talking to the server of one token, in memory: the protocol is the SDK's own. */
async function connect(ctx: TenantContext, canWrite: boolean) {
  const server = retningMcpServer(ctx, { canWrite, t });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(clientSide);
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    const text = result.content[0]?.type === "text" ? result.content[0].text : "";
    return { isError: result.isError === true, text, data: result.isError ? null : (JSON.parse(text) as Record<string, unknown>) };
  };
  return { client, call };
}

describe("the MCP server", () => {
  it("offers the reading tools to every token and the check-in only to read-and-write ones", async () => {
    const org = await newOrganisation();
    const reader = await connect(org.ownerCtx, false);
    expect((await reader.client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(["get_objective", "list_my_key_results", "search_objectives"]);
    const writer = await connect(org.ownerCtx, true);
    expect((await writer.client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(["get_objective", "list_my_key_results", "post_check_in", "search_objectives"]);
  });

  it("lists my key results with what I owe, posts a check-in through the service, and then owes nothing", async () => {
    pinClock("2026-11-18T10:00:00Z");
    const world = await okrWorld();
    const mine = await createKeyResult(world.org.ownerCtx, world.company.id, keyResultInput(world.member.user.id, { title: "Ship 20 products" }));
    const { call } = await connect(world.member.ctx, true);

    const before = (await call("list_my_key_results")).data as { owedThisWeek: number; keyResults: Array<{ id: string; owedThisWeek: boolean; objective: { url: string } }> };
    expect(before.owedThisWeek).toBe(1);
    expect(before.keyResults).toMatchObject([{ id: mine.id, owedThisWeek: true }]);
    expect(before.keyResults[0]?.objective.url).toMatch(new RegExp(`/${world.org.slug}/okrs/${world.company.id}$`));

    const posted = await call("post_check_in", { keyResultId: mine.id, value: 40, confidence: "at_risk", note: "Halfway through the photos" });
    expect(posted.isError).toBe(false);
    const detail = await getObjectiveDetail(world.org.ownerCtx, world.company.id);
    expect(detail.keyResults.find((kr) => kr.id === mine.id)).toMatchObject({ currentValue: "40", lastConfidence: "at_risk" });
    expect(((await call("list_my_key_results")).data as { owedThisWeek: number }).owedThisWeek).toBe(0);
  });

  it("refuses what the person may not do, and bad values, as the screens do", async () => {
    const world = await okrWorld();
    const { call } = await connect(world.outsider.ctx, true);
    // Someone else's key result on a company objective: only its owner, the objective's owner and admins check in.
    const refused = await call("post_check_in", { keyResultId: world.nps.id, value: "35", confidence: "on_track" });
    expect(refused).toMatchObject({ isError: true });
    expect(refused.text).toMatch(/Only the key result's owner/);
    const owner = await connect(world.org.ownerCtx, true);
    const bad = await owner.call("post_check_in", { keyResultId: world.nps.id, value: "1e400", confidence: "on_track" });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/^Some fields need attention\.\nvalue: /);
  });

  it("reads an objective with its key results and alignment, and searches the organisation's objectives", async () => {
    const world = await okrWorld();
    const child = await createObjective(
      world.org.ownerCtx,
      objectiveInput(world.org.ownerCtx, world.cycleId, { level: "team", teamId: world.team.id, title: "Make Marketing famous", parentObjectiveId: world.company.id }),
    );
    const { call } = await connect(world.member.ctx, false);
    const read = (await call("get_objective", { objectiveId: child.id })).data as { objective: { title: string }; alignment: { ancestors: Array<{ id: string }> } };
    expect(read.objective.title).toBe("Make Marketing famous");
    expect(read.alignment.ancestors.map((a) => a.id)).toEqual([world.company.id]);
    const company = (await call("get_objective", { objectiveId: world.company.id })).data as { keyResults: Array<{ id: string }>; alignment: { children: Array<{ id: string }> } };
    expect(company.keyResults.map((kr) => kr.id)).toEqual([world.nps.id]);
    expect(company.alignment.children.map((c) => c.id)).toEqual([child.id]);

    const found = (await call("search_objectives", { query: "famous" })).data as { objectives: Array<{ id: string }> };
    expect(found.objectives.map((o) => o.id)).toEqual([child.id]);
  });

  it("reaches nothing of another organisation", async () => {
    const world = await okrWorld();
    const other = await newOrganisation("Other");
    const { call } = await connect(other.ownerCtx, true);
    expect(await call("get_objective", { objectiveId: world.company.id })).toMatchObject({ isError: true, text: "Not found." });
    expect(await call("post_check_in", { keyResultId: world.nps.id, value: "31", confidence: "on_track" })).toMatchObject({ isError: true });
    expect(((await call("search_objectives", { query: "Norwegians" })).data as { objectives: unknown[] }).objectives).toEqual([]);
    expect(((await getObjectiveDetail(world.org.ownerCtx, world.company.id)).keyResults[0] ?? {}).currentValue).toBe("30");
  });
});
