import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { unique } from "./helpers";
import { HttpClient, isErrorBody, jsonOf, loopbackAddress, type RawResponse } from "./http-client";
import { signUpConfirmedRaw } from "./sign-up";

/**
 * The read side of the fuzz test (e2e/fuzz.spec.ts fuzzes bodies of writes): every GET operation
 * under /api/orgs/{org} that the OpenAPI document lists gets generated malformed query strings and
 * path parameters — NUL, encoded lone surrogates and overlong UTF-8, broken percent-encoding, huge
 * and impossible numbers, unknown choices, repeated and very long parameters. Each answer is a
 * JSON error with a 4xx status, or an ordinary 200 (a search for junk finds nothing); never a 5xx.
 * A 400 names the parameters at fault.
 */

const TOTAL_REQUESTS = Number(process.env.E2E_FUZZ_QUERY_REQUESTS ?? 1_200);

interface Parameter {
  name: string;
  in: "path" | "query";
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
}

/** Values no query parameter of ours can take as they are, as they appear in a URL. */
const shortJunk: fc.Arbitrary<string> = fc.constantFrom(
    "%00",
    "a%00b",
    "%ED%A0%80", // a lone surrogate, as UTF-8
    "%ED%BF%BF",
    "%C0%AE", // overlong UTF-8
    "%E0%A4", // cut short
    "%",
    "%zz",
    "%%",
    "1e400",
    "-1",
    "-0",
    "99999999999999999999999",
    "NaN",
    "Infinity",
    "0x10",
    "1.5",
    "0000-01-01",
    "2026-02-30",
    "not-a-uuid",
    "00000000-0000-0000-0000-00000000000g",
    "ZZZ",
    "",
    "%20",
    "true",
    "null",
    "[]",
    "{}",
);
const junkValue: fc.Arbitrary<string> = fc.oneof(
  shortJunk,
  fc.integer({ min: 1_000, max: 4_000 }).map((length) => "x".repeat(length)),
  fc.string({ maxLength: 30 }).map((text) => encodeURIComponent(text)),
);

/** A path parameter that names no row of this organisation, or nothing at all. */
const junkParam: fc.Arbitrary<string> = fc.oneof(
  fc.constant(crypto.randomUUID()),
  fc.constantFrom("not-a-uuid", "%00", "%C0%AE", "%ED%A0%80", "%", "..", "%2e%2e", "x".repeat(300)),
);

let client: HttpClient;
let document: OpenApi;
const world: Record<string, string> = {};

/** `..` and `%2e%2e` are dot segments: URL rules resolve them, and the answer may send there. */
const isDotSegment = (value: string) => /^(\.|%2e){2}$/i.test(value);

/**
 * A 4xx JSON error or a 200, never a 5xx. A validation error names parameters the operation
 * documents (the one broken, or a required one the request left out), so a program can act on it.
 */
function check(what: string, response: RawResponse, documented: string[], resolvesTo?: string): void {
  const said = `${what} → ${response.status} ${response.headers.location ?? ""} ${response.text.slice(0, 300)}`;
  expect(response.status, said).toBeLessThan(500);
  if (resolvesTo && response.status === 308) {
    expect(response.headers.location, said).toBe(resolvesTo);
    return;
  }
  if (response.status < 400) {
    expect(response.status, said).toBe(200);
    return;
  }
  const body = jsonOf(response);
  expect(isErrorBody(body), `a JSON error: ${said}`).toBe(true);
  if (isErrorBody(body) && body.error.code === "validation_failed") {
    const named = Object.keys(body.error.fields ?? {});
    expect(named.length, `names the parameter at fault: ${said}`).toBeGreaterThan(0);
    for (const name of named) expect(documented.some((parameter) => name === parameter || name.startsWith(`${parameter}.`)), `${name} is a documented parameter: ${said}`).toBe(true);
  }
}

const fill = (path: string, broken?: { name: string; value: string }) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (broken?.name === name ? broken.value : (world[name] ?? crypto.randomUUID())));

test.describe("malformed queries", () => {
  test.beforeAll(async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    client = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    document = JSON.parse((await client.request({ method: "GET", path: "/api/openapi.json" })).text) as OpenApi;
    world.org = await signUpConfirmedRaw(client, {
      name: "Query Fuzz Owner",
      email: `query-fuzz-${unique()}@example.test`,
      password: "correct horse battery staple",
      organisation: `Query Fuzz ${unique()}`,
    });
    const base = `/api/orgs/${world.org}`;
    const read = async (path: string) => JSON.parse((await client.json("GET", path)).text) as Record<string, Array<Record<string, string>>>;
    const create = async (path: string, data: unknown) => {
      const response = await client.json("POST", path, data);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
      return JSON.parse(response.text) as Record<string, Record<string, string>>;
    };
    world.userId = (await read(`${base}/members`)).items?.[0]?.userId ?? "";
    world.cycleId = (await read(`${base}/cycles`)).cycles?.[0]?.id ?? "";
    world.teamId = (await create(`${base}/teams`, { name: "Query fuzz team" })).team?.id ?? "";
    world.objectiveId = (await create(`${base}/objectives`, { cycleId: world.cycleId, level: "company", ownerUserId: world.userId, title: "Query fuzz objective" })).objective?.id ?? "";
    world.keyResultId =
      (await create(`${base}/objectives/${world.objectiveId}/key-results`, { title: "Query fuzz key result", targetValue: "10", ownerUserId: world.userId })).keyResult?.id ?? "";
  });

  test.afterAll(() => client?.close());

  test("every GET under /api/orgs/{org} answers malformed queries and path parameters with a 4xx or a 200, never a 5xx", async () => {
    test.setTimeout(300_000);
    const operations = Object.entries(document.paths)
      .filter(([path, methods]) => path.startsWith("/api/orgs/{org}") && methods.get)
      .map(([path, methods]) => ({ path, parameters: methods.get?.parameters ?? [] }));
    expect(operations.length).toBeGreaterThan(15);
    const withQuery = operations.filter((operation) => operation.parameters.some((parameter) => parameter.in === "query"));
    expect(withQuery.length, "the document lists the GET operations' query parameters").toBeGreaterThan(3);
    const fuzzable = operations.filter((operation) => operation.parameters.some((parameter) => parameter.name !== "org"));
    const runsPerOperation = Math.ceil(TOTAL_REQUESTS / fuzzable.length);

    let sent = 0;
    for (const { path, parameters } of operations) {
      const query = parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
      const params = parameters.filter((parameter) => parameter.in === "path" && parameter.name !== "org").map((parameter) => parameter.name);
      const brokenQuery = query.length
        ? fc.record({
            name: fc.constantFrom(...query),
            value: junkValue,
            repeat: fc.boolean(),
            others: fc.array(fc.tuple(fc.constantFrom(...query), shortJunk), { maxLength: 4 }),
          })
        : null;
      const brokenParam = params.length ? fc.record({ name: fc.constantFrom(...params), value: junkParam }) : null;
      if (!brokenQuery && !brokenParam) continue;
      const cases = fc.oneof(
        ...(brokenQuery ? [{ weight: 4, arbitrary: brokenQuery.map((broken) => ({ kind: "query" as const, broken })) }] : []),
        ...(brokenParam ? [{ weight: 1, arbitrary: brokenParam.map((broken) => ({ kind: "param" as const, broken })) }] : []),
        // Every parameter at once, each with a junk value.
        ...(query.length > 1 ? [{ weight: 1, arbitrary: fc.array(shortJunk, { minLength: query.length, maxLength: query.length }).map((values) => ({ kind: "all" as const, values })) }] : []),
      );
      await fc.assert(
        fc.asyncProperty(cases, async (kase) => {
          sent++;
          if (kase.kind === "param") {
            const url = fill(path, kase.broken);
            const resolved = isDotSegment(kase.broken.value) ? url.slice(0, url.indexOf(`/${kase.broken.value}`)).replace(/\/[^/]*$/, "") : undefined;
            check(`GET ${url.slice(0, 300)}`, await client.request({ method: "GET", path: url }), [...params, ...query], resolved);
            return;
          }
          const pairs =
            kase.kind === "all"
              ? query.map((name, index) => `${name}=${kase.values[index] ?? ""}`)
              : [...kase.broken.others.filter(([name]) => name !== kase.broken.name).map(([name, value]) => `${name}=${value}`), `${kase.broken.name}=${kase.broken.value}`];
          if (kase.kind === "query" && kase.broken.repeat) pairs.push(`${kase.broken.name}=${kase.broken.value}`);
          const url = `${fill(path)}?${pairs.join("&")}`;
          check(`GET ${url.slice(0, 300)}`, await client.request({ method: "GET", path: url }), [...params, ...query]);
        }),
        { numRuns: runsPerOperation },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
  });
});
