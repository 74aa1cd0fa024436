import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, demo, unique } from "./helpers";
import { signUpConfirmed } from "./sign-up";

/** A token of a demo person, made through their session as the account page does. */
async function tokenOf(context: APIRequestContext, email: string, scope: "read" | "read_write"): Promise<string> {
  expect((await context.post("/api/session", { data: { email, password: DEMO_PASSWORD } })).ok()).toBeTruthy();
  const made = await context.post("/api/account/tokens", { data: { org: demo.org, name: `MCP ${unique()}`, scope, expiresInDays: 7 } });
  expect(made.status(), await made.text()).toBe(200);
  return ((await made.json()) as { secret: string }).secret;
}

/** The SDK's own client over Streamable HTTP, as an AI assistant connects. */
async function assistant(baseURL: string, secret: string) {
  const client = new Client({ name: "journey-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: { Authorization: `Bearer ${secret}` } } }));
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    try {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = result.content[0]?.type === "text" ? result.content[0].text : "";
      return { isError: result.isError === true, text };
    } catch (error) {
      // A protocol error (an unknown tool): refused all the same.
      return { isError: true, text: String(error) };
    }
  };
  return { client, call };
}

test("an AI assistant with a member's token lists the tools, reads what the member owes, and checks in through MCP", async ({ baseURL }) => {
  if (!baseURL) throw new Error("baseURL");
  const context = await request.newContext({ baseURL });
  const secret = await tokenOf(context, demo.member, "read_write");
  const { client, call } = await assistant(baseURL, secret);

  const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
  expect(tools).toEqual(["get_objective", "list_my_key_results", "post_check_in", "search_objectives"]);

  const mine = JSON.parse((await call("list_my_key_results")).text) as { keyResults: Array<{ id: string; objective: { id: string }; currentValue: string }> };
  const keyResult = mine.keyResults[0];
  if (!keyResult) throw new Error("the demo member has no key results");
  const run = unique();
  const posted = await call("post_check_in", { keyResultId: keyResult.id, value: keyResult.currentValue, confidence: "on_track", note: `Via MCP ${run}` });
  expect(posted.isError, posted.text).toBe(false);

  // The check-in is Retning's like any other: the objective's feed tells it.
  const feed = await context.get(`/api/orgs/${demo.org}/activity?scope=objective&objectiveId=${keyResult.objective.id}`);
  expect(await feed.text()).toContain(`Via MCP ${run}`);

  const objective = JSON.parse((await call("get_objective", { objectiveId: keyResult.objective.id })).text) as { keyResults: Array<{ id: string }> };
  expect(objective.keyResults.map((kr) => kr.id)).toContain(keyResult.id);
  await client.close();
  await context.dispose();
});

test("MCP reaches nothing of another organisation, offers no writing to a read-only token, and refuses a missing or revoked token", async ({ baseURL }) => {
  if (!baseURL) throw new Error("baseURL");
  // Another organisation's objective, made by its own founder.
  const other = await request.newContext({ baseURL });
  const otherSlug = await signUpConfirmed(other, { name: "MCP Other", email: `mcp-other-${unique()}@example.test`, password: "correct horse battery staple", organisation: `MCP Other ${unique()}` });
  const { cycles } = (await (await other.get(`/api/orgs/${otherSlug}/cycles`)).json()) as { cycles: Array<{ id: string }> };
  const members = (await (await other.get(`/api/orgs/${otherSlug}/members`)).json()) as { items: Array<{ userId: string }> };
  const foreign = (await (await other.post(`/api/orgs/${otherSlug}/objectives`, { data: { cycleId: cycles[0]?.id, level: "company", ownerUserId: members.items[0]?.userId, title: `Secret plan ${unique()}` } })).json()) as {
    objective: { id: string; title: string };
  };

  const context = await request.newContext({ baseURL });
  const secret = await tokenOf(context, demo.admin, "read");
  const { client, call } = await assistant(baseURL, secret);
  expect((await client.listTools()).tools.map((tool) => tool.name)).not.toContain("post_check_in");
  expect(await call("get_objective", { objectiveId: foreign.objective.id })).toEqual({ isError: true, text: "Not found." });
  expect((await call("search_objectives", { query: foreign.objective.title })).text).not.toContain(foreign.objective.id);
  const write = await call("post_check_in", { keyResultId: foreign.objective.id, value: 1, confidence: "on_track" });
  expect(write.isError).toBe(true);
  await client.close();

  // Without a token, or with a revoked one: 401 and a WWW-Authenticate challenge, before any MCP.
  const bare = await request.newContext({ baseURL });
  const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } };
  const headers = { Accept: "application/json, text/event-stream" };
  const anonymous = await bare.post("/api/mcp", { data: initialize, headers });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toContain("Bearer");
  const { tokens } = (await (await context.get("/api/account/tokens")).json()) as { tokens: Array<{ id: string; prefix: string }> };
  const mine = tokens.find((token) => secret.startsWith(token.prefix));
  expect((await context.delete(`/api/account/tokens/${mine?.id}`)).ok()).toBeTruthy();
  expect((await bare.post("/api/mcp", { data: initialize, headers: { ...headers, Authorization: `Bearer ${secret}` } })).status()).toBe(401);
  // Malformed JSON-RPC with a live token is the protocol's error, never a 500.
  const live = await tokenOf(context, demo.admin, "read");
  for (const body of ["{", "[]", JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_objective", arguments: { objectiveId: "\u0000" } } })]) {
    const answer = await bare.post("/api/mcp", { data: body, headers: { ...headers, "Content-Type": "application/json", Authorization: `Bearer ${live}` } });
    expect(answer.status(), body).toBeLessThan(500);
  }
  await bare.dispose();
  await context.dispose();
  await other.dispose();
});
