import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { validate, compileErrors } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HTTP_METHODS, type HttpMethod } from "@/lib/api/openapi";
import type { RouteHandler } from "@/lib/http";
import { objectiveCreateSchema, objectiveParams } from "@/lib/validation/okrs";
import { explorerQuerySchema } from "@/lib/validation/explorer";
import { catalogue } from "./catalogue";
import { GET } from "./route";

type Json = Record<string, unknown>;
type Operation = {
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Json }>;
  requestBody?: { content: { "application/json": { schema: Json } } };
  responses: Record<string, Json>;
  security: Json[];
  tags: string[];
};

const document = (await (await GET()).json()) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: Json };
const operation = (path: string, method: HttpMethod): Operation | undefined => document.paths[path]?.[method.toLowerCase()];

function routeFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) routeFiles(path, out);
    else if (entry === "route.ts") out.push(path);
  }
  return out;
}

/** app/api/orgs/[org]/objectives/route.ts → /api/orgs/{org}/objectives */
const pathOf = (file: string) => `/${relative("app", file).split(sep).slice(0, -1).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");

/** The JSON Schema zod makes of a schema as a client sends it, exactly as the document must say it. */
const asSent = (schema: z.ZodType) => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return json;
};

/** An object schema with named properties, or a choice of such (not a bare `{ type: "object" }`). */
const namesWhatItHolds = (schema: Json): boolean =>
  Object.keys((schema.properties ?? {}) as Json).length > 0 || ((schema.anyOf ?? schema.oneOf ?? []) as Json[]).some(namesWhatItHolds);

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("documents every method of every route file under app/api/orgs", async () => {
    const files = routeFiles(join("app", "api", "orgs"));
    expect(files.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const file of files) {
      const exported = (await import(/* @vite-ignore */ `@/${file.split(sep).join("/")}`)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((method) => typeof exported[method] === "function");
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) if (!operation(pathOf(file), method)) missing.push(`${method} ${pathOf(file)}`);
      // The catalogue names this file by its own path, so its schemas are documented where it is served.
      const entry = catalogue.find((candidate) => candidate.path === pathOf(file));
      for (const method of methods) expect(entry?.module[method], `${method} ${pathOf(file)}: add it to app/api/openapi.json/catalogue.ts`).toBe(exported[method]);
    }
    expect(missing, "routes missing from the document: add them to app/api/openapi.json/catalogue.ts").toEqual([]);
  });

  it("names no path that has no route file", () => {
    const files = new Set(routeFiles(join("app", "api")).map(pathOf));
    for (const path of Object.keys(document.paths)) expect(files.has(path), path).toBe(true);
  });

  it("describes each route with the very schemas the route validates with", () => {
    let compared = 0;
    for (const entry of catalogue) {
      for (const method of HTTP_METHODS) {
        const handler: RouteHandler | undefined = entry.module[method];
        if (!handler) continue;
        const documented = operation(entry.path, method);
        expect(documented, `${method} ${entry.path}`).toBeDefined();
        const { params, query, body } = handler.options;

        if (body) {
          expect(documented?.requestBody?.content["application/json"].schema, `${method} ${entry.path} body`).toEqual(asSent(body));
          compared++;
        } else {
          expect(documented?.requestBody, `${method} ${entry.path} takes no body`).toBeUndefined();
        }

        const inPath = documented?.parameters?.filter((parameter) => parameter.in === "path") ?? [];
        const pathNames = [...entry.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        expect(inPath.map((parameter) => parameter.name).sort(), `${method} ${entry.path} path parameters`).toEqual(pathNames.sort());
        if (params) {
          const properties = asSent(params).properties as Record<string, Json>;
          for (const parameter of inPath) expect(parameter.schema, `${entry.path} {${parameter.name}}`).toEqual(properties[parameter.name]);
          compared++;
        }

        const inQuery = documented?.parameters?.filter((parameter) => parameter.in === "query") ?? [];
        if (query) {
          const json = asSent(query);
          const shapes = ((json.oneOf ?? json.anyOf ?? [json]) as Json[]).map((shape) => (shape.properties ?? {}) as Record<string, Json>);
          for (const parameter of inQuery) {
            // A name that several shapes of a union take is documented with each distinct schema it takes there.
            const taken = shapes.map((properties) => properties[parameter.name]).filter((schema): schema is Json => !!schema);
            const distinct = taken.filter((schema, index) => taken.findIndex((other) => JSON.stringify(other) === JSON.stringify(schema)) === index);
            const documentedSchemas = distinct.length === 1 ? [parameter.schema] : parameter.schema.anyOf;
            expect(documentedSchemas, `${method} ${entry.path} ?${parameter.name}`).toEqual(distinct);
          }
          const names = new Set(shapes.flatMap((properties) => Object.keys(properties)));
          expect(inQuery.map((parameter) => parameter.name).sort()).toEqual([...names].sort());
          compared++;
        } else {
          expect(inQuery, `${method} ${entry.path} takes no query`).toEqual([]);
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it("reads the schemas from the handlers themselves, not from a copy", () => {
    const objectives = catalogue.find((entry) => entry.path === "/api/orgs/{org}/objectives");
    expect(objectives?.module.POST?.options.body).toBe(objectiveCreateSchema);
    expect(objectives?.module.GET?.options.query).toBe(explorerQuerySchema);
    const objective = catalogue.find((entry) => entry.path === "/api/orgs/{org}/objectives/{objectiveId}");
    expect(objective?.module.PATCH?.options.params).toBe(objectiveParams);
  });

  it("documents every operation's success answer with the schema the catalogue declares for it", () => {
    let documented = 0;
    for (const entry of catalogue) {
      for (const method of HTTP_METHODS) {
        if (!entry.module[method]) continue;
        const what = `${method} ${entry.path}`;
        const responses = operation(entry.path, method)?.responses ?? {};
        // Every route answers 200 on success (lib/http.ts json()); a 201 or 204 would need saying here and in route().
        expect(Object.keys(responses).filter((status) => status.startsWith("2")), what).toEqual(["200"]);
        const content = (responses["200"]?.content ?? {}) as Record<string, { schema?: Json }>;
        const declared = entry.operations[method]?.response;
        expect(declared, `${what}: declare its answer in app/api/openapi.json/catalogue.ts`).toBeDefined();
        if (declared instanceof z.ZodType) {
          const { $schema: _dialect, ...json } = z.toJSONSchema(declared, { io: "output", unrepresentable: "any" }) as Json;
          expect(content["application/json"]?.schema, what).toEqual(json);
        } else {
          expect(Object.keys(content), what).toEqual([declared?.mediaType]);
        }
        // No answer left as "some JSON object": each names what it holds.
        const schema = content["application/json"]?.schema;
        if (schema) expect(namesWhatItHolds(schema), `${what} answers ${JSON.stringify(schema)}`).toBe(true);
        documented++;
      }
    }
    expect(documented).toBeGreaterThan(80);
  });

  it("gives every operation its error statuses and the one error shape", () => {
    const errorResponses = document.components.responses as Record<string, { headers?: Json; content: Json }>;
    expect(Object.keys(errorResponses).sort()).toEqual(["Error400", "Error401", "Error403", "Error404", "Error409", "Error410", "Error413", "Error422", "Error429", "Error503"]);
    expect(errorResponses.Error429?.headers).toHaveProperty("Retry-After");
    expect(errorResponses.Error503?.headers).toHaveProperty("Retry-After");

    const create = operation("/api/orgs/{org}/objectives", "POST");
    expect(Object.keys(create?.responses ?? {})).toEqual(["200", "400", "401", "403", "404", "409", "429", "503"]);
    expect(Object.keys(operation("/api/session", "POST")?.responses ?? {})).toContain("429");
    const health = operation("/api/health", "GET")?.responses ?? {};
    expect(Object.keys(health)).toEqual(["200", "400", "503"]);
    // The health check's 503 is its own report, not the error shape.
    expect(health["503"]?.content).toEqual(health["200"]?.content);

    const error = (document.components.schemas as Record<string, Json>).Error as { properties: { error: { properties: Json; required: string[] } } };
    expect(Object.keys(error.properties.error.properties)).toEqual(expect.arrayContaining(["code", "message", "fields"]));
    expect(error.properties.error.required).toEqual(["code", "message"]);
  });

  it("offers tokens on organisation routes and only the session elsewhere", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const documented of Object.values(item)) {
        const schemes = documented.security.flatMap((requirement) => Object.keys(requirement));
        if (path.startsWith("/api/orgs/{org}")) expect(schemes, path).toEqual(["bearerAuth", "sessionCookie"]);
        else expect(schemes, path).not.toContain("bearerAuth");
      }
    }
  });

  it("is public and may be cached", async () => {
    const response = await GET();
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});
