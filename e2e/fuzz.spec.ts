import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { corruptedBodies, invalidParam, type Corruption } from "./fuzz/arbitraries";
import { fingerprint } from "./fuzz/fingerprint";
import { forms, paramKind, withoutInput, type Form, type World } from "./fuzz/forms";
import { HttpClient, isErrorBody, jsonOf, loopbackAddress, type RawResponse } from "./http-client";
import { discoverRoutes } from "./routes";
import { unique } from "./helpers";
import { signUpConfirmedRaw } from "./sign-up";

/**
 * Every write route, discovered from app/ like the tenant sweep, gets generated malformed bodies
 * and path parameters — wrong types, NUL, lone surrogates, huge and tiny numbers, impossible
 * dates, deep nesting, 1 MB strings — and must answer each with a 4xx JSON error (naming the
 * field when one field is at fault), never a 5xx, and write nothing. The requests come from an
 * organisation of the test's own, signed up from an address of its own, and name its real rows,
 * so a value validation let through would reach the database.
 */

/** Generated requests in all; CI runs the default. */
const TOTAL_REQUESTS = Number(process.env.E2E_FUZZ_REQUESTS ?? 5_400);
const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface Case {
  /** What was made invalid: one body field, the body as a whole, or one path parameter. */
  broken: { field: string } | { body: true } | { param: string };
  path: string;
  body?: string;
}

function describeAnswer(method: string, kase: Case, response: RawResponse): string {
  const body = kase.body && kase.body.length > 300 ? `${kase.body.slice(0, 300)}… (${kase.body.length} characters)` : kase.body;
  return `${method} ${kase.path.slice(0, 300)} ${body ?? ""} → ${response.status} ${response.text.slice(0, 300)}`;
}

/** The answer a malformed request must get. */
function check(method: string, kase: Case, response: RawResponse): void {
  const what = describeAnswer(method, kase, response);
  const parsed = jsonOf(response);
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.status, what).toBeLessThan(500);
  expect(isErrorBody(parsed), `a JSON error: ${what}`).toBe(true);
  if (!isErrorBody(parsed)) return;
  if ("param" in kase.broken) {
    expect([400, 404], what).toContain(response.status);
  } else if ("body" in kase.broken) {
    expect(response.status, what).toBe(400);
  } else {
    const { field } = kase.broken;
    expect(response.status, what).toBe(400);
    const named = Object.keys(parsed.error.fields ?? {});
    expect(
      named.some((name) => name === field || name.startsWith(`${field}.`)),
      `the error names ${field} (it names ${named.join(", ") || "nothing"}): ${what}`,
    ).toBe(true);
  }
}

let client: HttpClient;
let world: World;
/**
 * Requests sent per route, kept in files: a test retried after a failure runs in a new worker
 * process, which would start an in-memory count from nothing.
 */
const SENT_DIR = join("test-results", "fuzz-sent");
const recordSent = (route: string, count: number) => {
  mkdirSync(SENT_DIR, { recursive: true });
  writeFileSync(join(SENT_DIR, `${route.replace(/[^a-z0-9]+/gi, "_")}.txt`), String(count));
};
const totalSent = () => readdirSync(SENT_DIR).reduce((total, file) => total + Number(readFileSync(join(SENT_DIR, file), "utf8")), 0);

const writeRoutes = discoverRoutes()
  .filter((route) => route.kind === "api")
  .flatMap((route) => route.methods.filter((method) => WRITE.has(method)).map((method) => ({ method, pattern: route.pattern })));

const fuzzed = writeRoutes.filter(({ method, pattern }) => !(`${method} ${pattern}` in withoutInput));
const runsPerRoute = Math.ceil(TOTAL_REQUESTS / fuzzed.length);

/** A path parameter naming a real row of the fuzzing organisation. */
function validParam(name: string): string {
  const rows: Partial<Record<string, string>> = world;
  const value = rows[name];
  if (!value) throw new Error(`No row for [${name}]: add one to the fuzzing organisation.`);
  return value;
}

/** Creates a row through the API and returns the answer's JSON. */
async function create(path: string, data: unknown): Promise<Record<string, Record<string, string>>> {
  const response = await client.json("POST", path, data);
  expect(response.status, `${path}: ${response.text}`).toBe(200);
  return JSON.parse(response.text) as Record<string, Record<string, string>>;
}

function pathWith(pattern: string, values: Record<string, string>, form: Form): string {
  const wellFormed = { ...form.params?.(), ...values };
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => wellFormed[name] ?? validParam(name));
}

test.describe("malformed input", () => {
  test.beforeAll(async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    client = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    const org = await signUpConfirmedRaw(client, {
      name: "Fuzz Owner",
      email: `fuzz-${unique()}@example.test`,
      password: "correct horse battery staple",
      organisation: `Fuzz ${unique()}`,
    });
    const base = `/api/orgs/${org}`;
    const members = JSON.parse((await client.json("GET", `${base}/members`)).text) as { items: Array<{ userId: string }> };
    const cycles = JSON.parse((await client.json("GET", `${base}/cycles`)).text) as { cycles: Array<{ id: string }> };
    const userId = members.items[0]?.userId ?? "";
    const cycleId = cycles.cycles[0]?.id ?? "";
    const teamId = (await create(`${base}/teams`, { name: "Fuzz team" })).team?.id ?? "";
    const objectiveId = (await create(`${base}/objectives`, { cycleId, level: "company", ownerUserId: userId, title: "Fuzz objective" })).objective?.id ?? "";
    const keyResultId = (await create(`${base}/objectives/${objectiveId}/key-results`, { title: "Fuzz key result", targetValue: "10", ownerUserId: userId })).keyResult?.id ?? "";
    const commentId = (await create(`${base}/objectives/${objectiveId}/comments`, { body: "Fuzz comment" })).comment?.id ?? "";
    const invitation = (await create(`${base}/invitations`, { email: `fuzz-invitee-${unique()}@example.test`, role: "member" })).invitation;
    const tokenId = (await create("/api/account/tokens", { org, name: "Fuzz token", scope: "read", expiresInDays: 7 })).token?.id ?? "";
    // A paused webhook with one delivery, settled (not sent, since paused) before anything is fingerprinted.
    const integrationId = (await create(`${base}/integrations`, { kind: "webhook", url: "http://127.0.0.1:9/fuzz", description: "Fuzz", events: ["member.joined"] })).integration?.id ?? "";
    expect((await client.json("PATCH", `${base}/integrations/${integrationId}`, { enabled: false })).status).toBe(200);
    const deliveryId = (await create(`${base}/integrations/${integrationId}/test`, {})).deliveryId as unknown as string;
    await expect
      .poll(async () => (JSON.parse((await client.json("GET", `${base}/integrations/${integrationId}/deliveries`)).text) as { items: Array<{ status: string }> }).items[0]?.status, { timeout: 20_000 })
      .toBe("failed");
    world = { org, userId, cycleId, objectiveId, keyResultId, teamId, commentId, invitationId: invitation?.id ?? "", token: invitation?.token ?? "", tokenId, integrationId, deliveryId };
  });

  test.afterAll(() => client?.close());

  test("every write route is described for the fuzzer, or has no input to fuzz", () => {
    for (const { method, pattern } of writeRoutes) {
      const key = `${method} ${pattern}`;
      expect(forms[key] ?? withoutInput[key], `${key}: describe its body in e2e/fuzz/forms.ts`).toBeDefined();
    }
    expect(fuzzed.length).toBeGreaterThan(40);
  });

  for (const { method, pattern } of fuzzed) {
    test(`${method} ${pattern} answers malformed input with a 4xx naming what is wrong, and writes nothing`, async () => {
      test.setTimeout(240_000);
      const form = forms[`${method} ${pattern}`];
      if (!form) throw new Error(`No form for ${method} ${pattern}`);
      const params = [...pattern.matchAll(/\[(\w+)\]/g)].map((match) => match[1] ?? "");

      const brokenParam: fc.Arbitrary<Case> | null = params.length
        ? fc
            .constantFrom(...params)
            .chain((name) => invalidParam(paramKind(name)).map((value) => ({ name, value })))
            .map(({ name, value }) => ({
              broken: { param: name },
              path: pathWith(pattern, { [name]: value }, form),
              body: form.valid ? JSON.stringify(form.valid(world)) : undefined,
            }))
        : null;
      const brokenBody: fc.Arbitrary<Case> | null =
        form.fields && form.valid
          ? corruptedBodies(form.fields, form.valid, world).map((corruption: Corruption) => ({
              broken: corruption.field === null ? { body: true as const } : { field: corruption.field },
              path: pathWith(pattern, {}, form),
              body: corruption.body,
            }))
          : null;
      const cases = brokenBody && brokenParam ? fc.oneof({ weight: 5, arbitrary: brokenBody }, { weight: 1, arbitrary: brokenParam }) : (brokenBody ?? brokenParam);
      if (!cases) throw new Error(`${method} ${pattern} has neither a body nor parameters to fuzz`);

      const before = await fingerprint(client, world.org);
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(cases, async (kase) => {
          sent++;
          check(method, kase, await client.request({ method, path: kase.path, body: kase.body }));
        }),
        { numRuns: runsPerRoute },
      );
      recordSent(`${method} ${pattern}`, sent);
      expect(await fingerprint(client, world.org), `${method} ${pattern} wrote something`).toEqual(before);
    });
  }

  test(`sent at least ${TOTAL_REQUESTS.toLocaleString("en")} generated requests, none answered 5xx`, () => {
    expect(totalSent()).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
  });
});
