import { expect, test } from "@playwright/test";
import { z } from "zod";
import { unique } from "./helpers";
import { HttpClient, jsonOf, loopbackAddress, type ErrorBody, type RawResponse } from "./http-client";
import { answerProblems } from "./openapi/answer";
import { invalidSample, validSample, type Known, type Schema } from "./openapi/sample";
import { signUpConfirmedRaw } from "./sign-up";

/**
 * The running server keeps the promises of its own OpenAPI document. For every write route under
 * /api/orgs/{org} the document lists, a fresh organisation sends a body generated from the
 * documented JSON Schema (ids of its own rows filled in), one that the schema refuses, and one that
 * is not JSON: every answer's status must be one the document lists for that operation, never a
 * 5xx, and every error must have the documented shape with a code the document gives that status.
 * Every success must be the documented success status with an answer the documented schema
 * accepts; and every GET under /api/orgs/{org}, asked for this organisation's own rows, must be too.
 */

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { "x-error-codes": string[] }> };
}

const WRITES = ["post", "put", "patch", "delete"];

let client: HttpClient;
let origin: string;
let document: OpenApi;
const world: Record<string, string> = {};

/** Ids and values only this organisation knows, by the property or path parameter that takes them. */
const known: Known = (name) => {
  const byName: Record<string, unknown> = {
    org: world.org,
    userId: world.userId,
    ownerUserId: world.userId,
    leadUserId: world.userId,
    cycleId: world.cycleId,
    objectiveId: world.objectiveId,
    keyResultId: world.keyResultId,
    keyResultIds: world.keyResultId ? [world.keyResultId] : undefined,
    teamId: world.teamId,
    parentTeamId: world.teamId,
    moveToTeamId: world.teamId,
    commentId: world.commentId,
    invitationId: world.invitationId,
    integrationId: world.integrationId,
    deliveryId: world.deliveryId,
    tokenId: world.tokenId,
    slug: `contract-${unique()}`,
  };
  return byName[name];
};

/** The error shape, strictly: a code and a message, and field messages as lists of strings. */
function isDocumentedError(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  if (!error || typeof error !== "object") return false;
  const { code, message, fields } = error as Record<string, unknown>;
  const fieldsOk =
    fields === undefined ||
    (!!fields && typeof fields === "object" && Object.values(fields).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string")));
  return typeof code === "string" && typeof message === "string" && fieldsOk;
}

/** The answer is one the document promised for this operation, in the promised shape. */
function expectDocumented(what: string, operation: Operation, response: RawResponse): void {
  const said = `${what} → ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, said).toBeLessThan(500);
  expect(Object.keys(operation.responses), `the document lists this status: ${said}`).toContain(String(response.status));
  const body = jsonOf(response);
  if (response.status >= 400) {
    expect(isDocumentedError(body), `the documented error shape: ${said}`).toBe(true);
    const codes = document.components.responses[`Error${response.status}`]?.["x-error-codes"] ?? [];
    expect(codes, `a code the document gives ${response.status}: ${said}`).toContain((body as ErrorBody).error.code);
    if (response.status === 429 || response.status === 503) expect(response.headers["retry-after"], said).toBeDefined();
    return;
  }
  const successes = Object.keys(operation.responses).filter((status) => status.startsWith("2"));
  expect(successes, `the one success status the document gives: ${said}`).toEqual([String(response.status)]);
  const content = operation.responses[String(response.status)]?.content ?? {};
  const declared = content["application/json"]?.schema;
  if (!declared) {
    // A file: the documented media type.
    const mediaType = String(response.headers["content-type"] ?? "").split(";")[0];
    expect(Object.keys(content), `the documented media type: ${said}`).toContain(mediaType);
    return;
  }
  expect(answerProblems(declared, body), `the documented answer: ${said}`).toEqual([]);
}

/**
 * Deletes after everything else, a row's parts before the row (comments and key results before
 * their objective); closing the cycle and the reflection it asks for before the objective goes;
 * removing yourself and the organisation last of all.
 */
function order(path: string, method: string): number {
  if (path === "/api/orgs/{org}" && method === "delete") return 6;
  if (path.endsWith("/leave") || path === "/api/orgs/{org}/members/{userId}") return 5;
  if (method === "delete" && /\/(objectives|teams)\/\{\w+\}$/.test(path)) return 4;
  if (path.endsWith("/reflection")) return 3;
  if (path.endsWith("/close")) return 2;
  if (method === "delete") return 1;
  return 0;
}

const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = known(name);
    return typeof value === "string" ? value : crypto.randomUUID(); // a row this organisation has none of (e.g. an outbox message)
  });

test.describe.serial("the OpenAPI document's contract", () => {
  test.beforeAll(async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    origin = new URL(baseURL).origin;
    client = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    const published = await client.request({ method: "GET", path: "/api/openapi.json" });
    expect(published.status).toBe(200);
    document = JSON.parse(published.text) as OpenApi;

    world.email = `contract-${unique()}@example.test`;
    world.org = await signUpConfirmedRaw(client, {
      name: "Contract Owner",
      email: world.email,
      password: "correct horse battery staple",
      organisation: `Contract ${unique()}`,
    });
    const base = `/api/orgs/${world.org}`;
    const read = async (path: string) => JSON.parse((await client.json("GET", path)).text) as Record<string, Array<Record<string, string>>>;
    /** Makes a row through its documented route, checking the answer against the document on the way. */
    const create = async (template: string, data: unknown, key: string) => {
      const response = await client.json("POST", fill(template), data, { origin });
      expect(response.status, `${template}: ${response.text}`).toBe(200);
      const operation = document.paths[template]?.post;
      if (!operation) throw new Error(`${template} is not in the document`);
      expectDocumented(`POST ${template}`, operation, response);
      return z.object({ [key]: z.object({ id: z.string() }) }).parse(jsonOf(response))[key]?.id ?? "";
    };
    world.userId = (await read(`${base}/members`)).items?.[0]?.userId ?? "";
    world.cycleId = (await read(`${base}/cycles`)).cycles?.[0]?.id ?? "";
    world.teamId = await create("/api/orgs/{org}/teams", { name: "Contract team" }, "team");
    world.objectiveId = await create("/api/orgs/{org}/objectives", { cycleId: world.cycleId, level: "company", ownerUserId: world.userId, title: "Contract objective" }, "objective");
    world.keyResultId = await create("/api/orgs/{org}/objectives/{objectiveId}/key-results", { title: "Contract key result", targetValue: "10", ownerUserId: world.userId }, "keyResult");
    world.commentId = await create("/api/orgs/{org}/objectives/{objectiveId}/comments", { body: "Contract comment" }, "comment");
    world.invitationId = await create("/api/orgs/{org}/invitations", { email: `contract-invitee-${unique()}@example.test`, role: "member" }, "invitation");
    const webhook = { kind: "webhook", url: "http://127.0.0.1:9/contract", description: "Contract", events: ["member.joined"] };
    world.integrationId = await create("/api/orgs/{org}/integrations", webhook, "integration");
    const sent = await client.json("POST", fill("/api/orgs/{org}/integrations/{integrationId}/test"), undefined, { origin });
    world.deliveryId = z.object({ deliveryId: z.string() }).parse(jsonOf(sent)).deliveryId;
    world.tokenId = await create("/api/account/tokens", { org: world.org, name: "Contract token", scope: "read", expiresInDays: null }, "token");
  });

  test.afterAll(() => client?.close());

  test("every GET of the organisation answers as its document says", async () => {
    const reads = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/orgs/{org}"))
      .flatMap(([path, item]) => (item.get ? [{ path, operation: item.get }] : []));
    expect(reads.length).toBeGreaterThanOrEqual(20);
    for (const { path, operation } of reads) {
      // Required query parameters only, from their documented schemas (`scope=organisation` for the activity).
      const query = new URLSearchParams();
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === "query" && parameter.required) query.set(parameter.name, String(validSample(parameter.schema, known, parameter.name)));
      }
      const target = fill(path) + (query.size > 0 ? `?${query}` : "");
      const response = await client.request({ method: "GET", path: target });
      // This organisation's own rows, asked for by its owner: nothing here may be refused.
      expect(response.status, `GET ${target}: ${response.text.slice(0, 300)}`).toBe(200);
      expectDocumented(`GET ${target}`, operation, response);
    }
  });

  test("the import answers its documented report, then what it wrote", async () => {
    const operation = document.paths["/api/orgs/{org}/cycles/{cycleId}/import"]?.post;
    if (!operation) throw new Error("the import is not in the document");
    const csv = `Objective,Level,Owner,Key result,Target\nContract import,Company,${world.email},Imported key result,5\n`;
    for (const query of ["?dryRun=true", ""]) {
      const response = await client.json("POST", fill("/api/orgs/{org}/cycles/{cycleId}/import") + query, { csv }, { origin });
      expect(response.status, response.text).toBe(200);
      expectDocumented(`POST …/import${query}`, operation, response);
    }
  });

  test("every write route answers generated bodies as its document says", async () => {
    test.setTimeout(90_000);
    expect(document.openapi).toBe("3.1.0");
    const writes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/orgs/{org}"))
      .flatMap(([path, item]) => WRITES.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Operation })));
    expect(writes.length).toBeGreaterThan(35);

    // Refused bodies first, while every row they name exists: validation answers before any service runs.
    for (const { path, method, operation } of writes) {
      const schema = operation.requestBody?.content["application/json"].schema;
      if (!schema) continue;
      const what = `${method.toUpperCase()} ${path}`;
      const { body, field } = invalidSample(schema, known);
      const refused = await client.json(method.toUpperCase(), fill(path), body, { origin });
      expectDocumented(`${what} with an invalid body ${JSON.stringify(body)}`, operation, refused);
      expect([400, 404, 422], `${what} refuses ${JSON.stringify(body)}: ${refused.text}`).toContain(refused.status);
      const error = (jsonOf(refused) as ErrorBody).error;
      if (refused.status !== 404 && field) {
        expect(error.code).toBe("validation_failed");
        expect(Object.keys(error.fields ?? {}).some((name) => name === field || name.startsWith(`${field}.`)), `${what} names ${field}: ${refused.text}`).toBe(true);
      }

      const notJson = await client.request({ method: method.toUpperCase(), path: fill(path), body: "{ not json", headers: { origin } });
      expectDocumented(`${what} with a body that is not JSON`, operation, notJson);
      expect(notJson.status, `${what}: ${notJson.text}`).toBe(400);
      expect((jsonOf(notJson) as ErrorBody).error.code).toBe("bad_request");
    }

    // Then the generated valid bodies, deletes last so each route still finds the rows it names.
    const answered: string[] = [];
    for (const { path, method, operation } of [...writes].sort((a, b) => order(a.path, a.method) - order(b.path, b.method))) {
      const schema = operation.requestBody?.content["application/json"].schema;
      const body = schema ? validSample(schema, known) : undefined;
      const what = `${method.toUpperCase()} ${path} with ${JSON.stringify(body)}`;
      const response = await client.json(method.toUpperCase(), fill(path), body, { origin });
      expectDocumented(what, operation, response);
      answered.push(`${response.status} ${method.toUpperCase()} ${path}`);
      // The organisation's address moved: follow it.
      const moved = (jsonOf(response) as { slug?: unknown } | null)?.slug;
      if (path === "/api/orgs/{org}" && method === "patch" && response.status === 200 && typeof moved === "string") world.org = moved;
    }
    const accepted = answered.filter((line) => line.startsWith("2"));
    test.info().annotations.push({ type: "answers", description: answered.join("\n") });
    // Most generated bodies do what they say; the rest are business refusals the document lists (a closed cycle, the last owner…).
    expect(accepted.length, answered.join("\n")).toBeGreaterThanOrEqual(Math.ceil(writes.length / 2));
  });
});
