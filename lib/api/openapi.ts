import { z } from "zod";
import type { Documents } from "@/lib/api/answer-types";
import { errorStatus, type ErrorCode } from "@/lib/errors";
import type { Access, RouteHandler } from "@/lib/http";

/**
 * The OpenAPI 3.1 document, built from the route handlers themselves: every handler made by
 * `route()` carries the zod schemas it parses its path, query and body with (lib/http.ts), and
 * this module turns exactly those objects into JSON Schema with zod's own `z.toJSONSchema`. The
 * schema that validates is the schema that documents; there is no second copy to drift.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
const WRITES = new Set<HttpMethod>(["POST", "PUT", "PATCH", "DELETE"]);

type JsonSchema = Record<string, unknown>;

/** A success answer that is not JSON (a file): its media type, described in words. */
export interface FileAnswer {
  mediaType: string;
  description: string;
}

/** What one operation says beyond its schemas: a line for people, and what it answers. */
export interface OperationDoc {
  summary: string;
  description?: string;
  /** The success answer: the schema of its JSON (dates as ISO strings), or a file. */
  response: z.ZodType | FileAnswer;
  /** Error codes this operation gives beyond those its access and input imply (e.g. `gone`). */
  errors?: ErrorCode[];
  /** A status whose answer is not the error shape (the health check's 503 is its own report). */
  otherAnswers?: Record<number, { description: string; response: z.ZodType }>;
}

/** One route file: its path (`{name}` for `[name]`), its tag and its exported handlers. */
export interface CatalogueEntry {
  path: string;
  tag: string;
  module: Partial<Record<HttpMethod, RouteHandler>>;
  operations: Partial<Record<HttpMethod, OperationDoc>>;
}

type AnswerOf<Handler> = Handler extends RouteHandler<infer Answer> ? Answer : never;
type MethodsOf<Module> = Extract<keyof Module, HttpMethod>;

/**
 * Each operation's documented answer against what its handler returns: a handler that answers a
 * Response of its own (a file, a status of its own) is taken at its word; any other answer must be
 * exactly the JSON of the handler's return type (lib/api/answer-types.ts).
 */
type CheckedOperations<Module, Operations> = {
  [Method in keyof Operations]: Method extends MethodsOf<Module>
    ? [AnswerOf<Module[Method]>] extends [Response]
      ? Operations[Method]
      : Operations[Method] extends { response: infer Schema extends z.ZodType }
        ? Documents<Schema, AnswerOf<Module[Method]>> extends Schema
          ? Operations[Method]
          : { response: Documents<Schema, AnswerOf<Module[Method]>> }
        : { response: z.ZodType }
    : never;
};

/**
 * One route file's entry, checked at compile time: every method the file exports has a line and
 * an answer, and every answer schema is exactly what that method's handler returns.
 */
export function catalogueEntry<Module extends Partial<Record<HttpMethod, RouteHandler>>, Operations extends Record<MethodsOf<Module>, OperationDoc>>(entry: {
  path: string;
  tag: string;
  module: Module;
  operations: Operations & CheckedOperations<Module, Operations>;
}): CatalogueEntry {
  return entry;
}

/** The JSON Schema of a zod schema as a client sends it (before transforms and defaults apply). */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
}

/** The JSON Schema of a declared answer, as the server sends it. */
function outputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  return json;
}

/** The one error shape of every route (lib/http.ts `errorResponse`), codes from lib/errors.ts. */
const errorSchema = z.object({
  error: z
    .object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]).or(z.literal("internal")),
      message: z.string().meta({ description: "Said in the reader's language (the NEXT_LOCALE cookie or Accept-Language)." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "For validation_failed: each field at fault (dotted paths for rows, e.g. entries.2.value) and its messages." }),
      current: z.unknown().optional().meta({ description: "For a version conflict: what is saved now." }),
    })
    .loose(),
});

const STATUS_TEXT: Record<number, string> = {
  400: "The body is not JSON, the path does not decode, or a field is wrong (`validation_failed` with `fields`). Nothing was written.",
  401: "Not signed in, the session has ended, or the token is unknown, expired or revoked.",
  403: "Not allowed: the role does not permit it, a read-only token tried to write, or a cross-site write.",
  404: "Does not exist, or not in an organisation you belong to (the same answer for both).",
  409: "A newer version was saved first (`current` included), the cycle is closed, or the same thing was created at the same moment.",
  410: "The link was used, revoked or has expired.",
  429: "Too many attempts, or an API token's requests a minute are used up; wait the seconds that `Retry-After` says.",
  503: "The database connection was lost and the request could not safely be run again; try again after `Retry-After` seconds.",
};

/** What a token's answers say of its budget (lib/http.ts `withRateLimit`). */
const rateLimitHeaders = {
  "RateLimit-Limit": { description: "With an API token: the requests it may make a minute.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "With an API token: the requests left this minute.", schema: { type: "integer" } },
};

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
};

/** The error statuses an operation can give, from its access, its input and its method. */
export function errorStatuses(access: Access, method: HttpMethod, hasParams: boolean, extra: ErrorCode[] = []): number[] {
  const statuses = new Set<number>([400, 503]); // every path can fail to decode; every route reads the database
  if (access !== "public") statuses.add(401);
  if (access === "member" || WRITES.has(method)) statuses.add(403);
  if (access === "member" || hasParams) statuses.add(404);
  if (access === "member") statuses.add(429); // an API token's requests a minute
  if (WRITES.has(method)) statuses.add(409); // at least a row someone created at the same moment
  for (const code of extra) statuses.add(errorStatus[code]);
  return [...statuses].sort((a, b) => a - b);
}

/** One query parameter per property; a union of shapes lists each name once, with every schema it takes there. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = inputSchema(schema);
  const shapes = (Array.isArray(json.oneOf) ? json.oneOf : Array.isArray(json.anyOf) ? json.anyOf : [json]) as JsonSchema[];
  const names = new Map<string, { schemas: JsonSchema[]; requiredIn: number }>();
  for (const shape of shapes) {
    const properties = (shape.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((shape.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const entry = names.get(name) ?? { schemas: [], requiredIn: 0 };
      if (!entry.schemas.some((known) => JSON.stringify(known) === JSON.stringify(property))) entry.schemas.push(property);
      if (required.has(name)) entry.requiredIn++;
      names.set(name, entry);
    }
  }
  return [...names].map(([name, { schemas, requiredIn }]) => ({
    name,
    in: "query",
    required: requiredIn === shapes.length,
    schema: schemas.length === 1 ? schemas[0] : { anyOf: schemas },
  }));
}

function pathParameters(schema: z.ZodType): JsonSchema[] {
  const json = inputSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: "path", required: true, schema: property }));
}

function security(access: Access, path: string): JsonSchema[] {
  if (access === "public") return [];
  if (access === "member" && path.startsWith("/api/orgs/{org}")) return [{ bearerAuth: [] }, { sessionCookie: [] }];
  return [{ sessionCookie: [] }];
}

function operation(entry: CatalogueEntry, method: HttpMethod, handler: RouteHandler): JsonSchema {
  const { access, params, query, body } = handler.options;
  const doc = entry.operations[method];
  const answer = doc?.response;
  const responses: Record<string, unknown> = {
    "200": {
      description: answer && !(answer instanceof z.ZodType) ? answer.description : "Done.",
      ...(access === "member" ? { headers: rateLimitHeaders } : {}),
      content: !answer
        ? { "application/json": { schema: { type: "object" } } }
        : answer instanceof z.ZodType
          ? { "application/json": { schema: outputSchema(answer) } }
          : { [answer.mediaType]: { schema: { type: "string" } } },
    },
  };
  for (const status of errorStatuses(access, method, !!params, doc?.errors)) {
    const other = doc?.otherAnswers?.[status];
    responses[String(status)] = other
      ? { description: other.description, content: { "application/json": { schema: outputSchema(other.response) } } }
      : { $ref: `#/components/responses/Error${status}` };
  }
  return {
    operationId: operationId(method, entry.path),
    summary: doc?.summary ?? `${method} ${entry.path}`,
    ...(doc?.description ? { description: doc.description } : {}),
    tags: [entry.tag],
    security: security(access, entry.path),
    ...(params || query ? { parameters: [...(params ? pathParameters(params) : []), ...(query ? queryParameters(query) : [])] } : {}),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(body) } } } } : {}),
    responses,
    "x-retning-access": access,
  };
}

/** `POST /api/orgs/{org}/objectives/{objectiveId}/key-results` → `postObjectivesObjectiveIdKeyResults`; `/api/session` → `…Session`. */
function operationId(method: HttpMethod, path: string): string {
  const words = path
    .replace(/^\/api(\/orgs\/\{org\})?/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1));
  return `${method.toLowerCase()}${words.join("") || "Organisation"}`;
}

function errorResponses(): Record<string, unknown> {
  const codesByStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries(errorStatus)) codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  return Object.fromEntries(
    [...codesByStatus].map(([status, codes]) => [
      `Error${status}`,
      {
        description: `${STATUS_TEXT[status] ?? ""} Codes: ${codes.map((code) => `\`${code}\``).join(", ")}.`.trim(),
        ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
        "x-error-codes": codes,
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Error" },
            example: { error: { code: codes[codes.length - 1], message: "…" } },
          },
        },
      },
    ]),
  );
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

/** The whole document. Paths come in the catalogue's order; each route file's methods in HTTP_METHODS order. */
export function buildOpenApiDocument(catalogue: CatalogueEntry[], info: DocumentInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of catalogue) {
    const item: Record<string, unknown> = {};
    for (const method of HTTP_METHODS) {
      const handler = entry.module[method];
      if (handler) item[method.toLowerCase()] = operation(entry, method, handler);
    }
    paths[entry.path] = item;
  }
  const tags = [...new Set(catalogue.map((entry) => entry.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info,
    servers: [{ url: "/", description: "This Retning server" }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rtn_ token",
          description:
            "An API token (`Authorization: Bearer rtn_…`), made under Your account → API tokens for one organisation. It acts as " +
            "the person who made it, in that organisation only, with their role as it is now. Scopes: `read` tokens may only use " +
            "GET (a write is 403); `read_write` tokens may also write. Only routes under /api/orgs/{org} accept tokens (elsewhere " +
            "401). Each token may make 300 requests a minute (then 429 with Retry-After).",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "retning.session",
          description:
            "The browser session from `POST /api/session` (`__Host-retning.session` when SECURE_COOKIES=true). Writes from a browser " +
            "must come from the Retning site itself (an Origin of another site is refused with 403).",
        },
      },
      schemas: { Error: outputSchema(errorSchema) },
      responses: errorResponses(),
    },
  };
}
