import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { type z } from "zod";
import { isConnectionLost, isUniqueViolation } from "@/db/errors";
import { bearerSecret } from "@/lib/auth/bearer";
import { getCurrentSession, type CurrentSession } from "@/lib/auth/session";
import { browserOrigin, parseOrigin } from "@/lib/client-address";
import { env } from "@/lib/env";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { SessionUser } from "@/lib/services/accounts";
import { authenticateApiToken, type ApiTokenIdentity } from "@/lib/services/api-tokens";
import { resolveSessionAndTenant, resolveTenant, resolveTenantById } from "@/lib/tenant";
import type { TenantContext } from "@/lib/tenant-context";
import { toFieldErrors, type Translate } from "@/lib/validation/errors";

export type Access = "public" | "user" | "member";

export interface RouteOptions<P extends z.ZodType, B extends z.ZodType, Q extends z.ZodType, A extends Access> {
  /** public: anyone; user: a signed-in person; member: a member of the organisation in params.org. */
  access: A;
  params?: P;
  body?: B;
  query?: Q;
}

interface HandlerInput<P, B, Q, A extends Access> {
  req: NextRequest;
  params: P;
  body: B;
  query: Q;
  t: Translate;
  /** Member routes may be called with an API token instead of a session (then null). */
  session: A extends "user" ? CurrentSession : CurrentSession | null;
  user: A extends "public" ? SessionUser | null : SessionUser;
  ctx: A extends "member" ? TenantContext : undefined;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

declare const answerType: unique symbol;

/**
 * A handler made by {@link route}, carrying the options it validates with, so that the OpenAPI
 * document (lib/api/openapi.ts) describes each route with the very schemas that parse its input.
 * `Answer` is what the handler returns (sent as JSON unless it is a Response): a type only, which
 * lets the catalogue check at compile time that the documented answer is the one returned.
 */
export type RouteHandler<Answer = unknown> = ((req: NextRequest, context: RouteContext) => Promise<Response>) & {
  readonly options: RouteOptions<z.ZodType, z.ZodType, z.ZodType, Access>;
  readonly [answerType]?: Answer;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const READING = new Set(["GET", "HEAD"]);

/**
 * The one choke point of every route handler: same-origin check on writes, session (or, on
 * organisation routes, an API token), tenant and membership, zod parsing of params, query and
 * body, and one error shape — `{ error: { code, message, fields } }` — with no stack traces.
 */
export function route<
  A extends Access,
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  R = unknown,
>(
  options: RouteOptions<P, B, Q, A>,
  handler: (input: HandlerInput<z.infer<P>, z.infer<B>, z.infer<Q>, A>) => Promise<R>,
): RouteHandler<R> {
  const handle = async (req: NextRequest, context: RouteContext): Promise<Response> => {
    const t = (await getTranslations()) as unknown as Translate;
    let token: ApiTokenIdentity | null = null;
    try {
      const bearer = bearerSecret(req.headers);
      // Tokens work on organisation routes only: never on the account, session or sign-up routes.
      if (bearer !== null && options.access === "user") throw new AppError("unauthorized", "errors.tokenNotAccepted");
      const byToken = bearer !== null && options.access === "member";
      // Forgery is a browser's problem: a page on another site cannot set an Authorization header
      // (no CORS is granted), so a bearer request was made on purpose by whoever holds the token.
      if (MUTATING.has(req.method) && !byToken) assertSameOrigin(req);
      const rawParams = context?.params ? await context.params : {};
      const params = options.params
        ? options.params.safeParse(rawParams)
        : { success: true as const, data: rawParams as z.infer<P> };
      // A malformed id in the path names nothing that exists.
      if (!params.success) throw new AppError("not_found", "errors.not_found");

      let session: CurrentSession | null;
      let ctx: TenantContext | undefined;
      if (byToken) {
        token = await authenticateApiToken(bearer);
        if (!token) throw new AppError("unauthorized", "errors.tokenInvalid");
        if (token.scope === "read" && !READING.has(req.method)) throw new AppError("forbidden", "errors.tokenReadOnly");
        ctx = await tokenTenant(token, params.data);
        session = null;
      } else {
        ({ session, ctx } = await resolveAccess(options.access, params.data));
        if (options.access !== "public" && !session) throw new AppError("unauthorized", "errors.unauthorized");
      }
      if (options.access === "member" && !ctx) throw new AppError("not_found", "errors.not_found");

      const query = parseQuery(req, options.query, t);
      const body = await parseBody(req, options.body, t);
      const result = await handler({
        req,
        params: params.data,
        body,
        query,
        t,
        session: session as HandlerInput<unknown, unknown, unknown, A>["session"],
        user: (token?.user ?? session?.user ?? null) as HandlerInput<unknown, unknown, unknown, A>["user"],
        ctx: ctx as HandlerInput<unknown, unknown, unknown, A>["ctx"],
      });
      return withRateLimit(result instanceof Response ? result : json(result ?? OK), token);
    } catch (error) {
      return withRateLimit(errorResponse(error, t), token);
    }
  };
  return Object.assign(handle, { options: options as RouteOptions<z.ZodType, z.ZodType, z.ZodType, Access> });
}

/**
 * A route for API tokens alone, whose organisation is the token's own rather than one in the path
 * (the MCP endpoint): the same lookup, rate limit, membership check and error shape as route().
 */
export function tokenRoute(handler: (input: { req: NextRequest; ctx: TenantContext; token: ApiTokenIdentity; t: Translate }) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    const t = (await getTranslations()) as unknown as Translate;
    let token: ApiTokenIdentity | null = null;
    try {
      const bearer = bearerSecret(req.headers);
      token = bearer === null ? null : await authenticateApiToken(bearer);
      if (!token) throw new AppError("unauthorized", "errors.tokenInvalid");
      const ctx = await resolveTenantById(token.user.id, token.orgId);
      if (!ctx) throw new AppError("unauthorized", "errors.tokenInvalid");
      return withRateLimit(await handler({ req, ctx, token, t }), token);
    } catch (error) {
      const response = withRateLimit(errorResponse(error, t), token);
      if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="retning"');
      return response;
    }
  };
}

/**
 * The organisation a token acts in: the one in the path, if it is the token's own and the person
 * is still a member (role as it is now). Any other organisation is not found, even one the person
 * belongs to: a token is made for one organisation.
 */
async function tokenTenant(token: ApiTokenIdentity, params: unknown): Promise<TenantContext | undefined> {
  const slug = (params as { org?: unknown }).org;
  if (typeof slug !== "string") return undefined;
  const ctx = await resolveTenant(token.user.id, slug);
  return ctx && ctx.orgId === token.orgId ? ctx : undefined;
}

/** A script sees how much of its token's budget is left (IETF draft RateLimit header fields). */
function withRateLimit(response: Response, token: ApiTokenIdentity | null): Response {
  if (!token) return response;
  response.headers.set("RateLimit-Limit", String(token.rateLimit.limit));
  response.headers.set("RateLimit-Remaining", String(token.rateLimit.remaining));
  return response;
}

/**
 * The session and, for member routes, the tenant: resolved together in one transaction, as pages
 * do (lib/tenant.ts), instead of one transaction for the session and another for the membership.
 */
async function resolveAccess(access: Access, params: unknown): Promise<{ session: CurrentSession | null; ctx: TenantContext | undefined }> {
  if (access === "public") return { session: await getCurrentSession().catch(() => null), ctx: undefined };
  if (access === "user") return { session: await getCurrentSession(), ctx: undefined };
  const slug = (params as { org?: unknown }).org;
  if (typeof slug !== "string") return { session: await getCurrentSession(), ctx: undefined };
  const { session, ctx } = await resolveSessionAndTenant(slug);
  return { session, ctx: ctx ?? undefined };
}

/** The answer of a write that has nothing more to say. */
export const OK = { ok: true } as const;

export function json(data: unknown, init?: ResponseInit): NextResponse {
  const response = NextResponse.json(data, init);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * Browsers send Origin on every cross-site write; a foreign one is a forgery attempt (ASVS 3.5).
 * Scheme and host must both match; an Origin that is not a URL (`null` from a sandboxed frame)
 * matches nothing.
 */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (origin !== null) {
    const expected = browserOrigin(req.headers, env().secureCookies);
    if (!expected || parseOrigin(origin) !== expected) throw new AppError("forbidden", "errors.crossOrigin");
  } else if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "errors.crossOrigin");
  }
}

function parseQuery<Q extends z.ZodType>(req: NextRequest, schema: Q | undefined, t: Translate): z.infer<Q> {
  if (!schema) return {} as z.infer<Q>;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(req.nextUrl.searchParams.keys())) {
    const values = req.nextUrl.searchParams.getAll(key);
    raw[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "errors.validation", toFieldErrors(parsed.error, t));
  return parsed.data;
}

async function parseBody<B extends z.ZodType>(req: NextRequest, schema: B | undefined, t: Translate): Promise<z.infer<B>> {
  if (!schema) return undefined as z.infer<B>;
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("bad_request", "errors.badJson");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "errors.validation", toFieldErrors(parsed.error, t));
  return parsed.data;
}

/** Messages and field errors that are i18n keys are said in the reader's language. */
function translateKey(key: string, t: Translate): string {
  return /^(errors|validation)\.[A-Za-z_]+$/.test(key) ? t(key) : key;
}

function errorResponse(error: unknown, t: Translate): Response {
  if (error instanceof AppError) {
    const fields: FieldErrors | undefined = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, messages]) => [field, messages.map((m) => translateKey(m, t))]))
      : undefined;
    const response = json(
      { error: { code: error.code, message: translateKey(error.message, t), ...(fields ? { fields } : {}), ...(error.details ?? {}) } },
      { status: error.status },
    );
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") response.headers.set("Retry-After", String(retryAfter));
    return response;
  }
  // Next's own control flow (redirect(), notFound()) must pass through untouched.
  if (error && typeof error === "object" && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) {
    throw error;
  }
  const known = databaseAnswer(error);
  if (known) return errorResponse(known, t);
  console.error(error);
  return json({ error: { code: "internal", message: t("errors.internal") } }, { status: 500 });
}

/**
 * Database failures that are not our code's fault. A lost connection that lib/tenant-scope.ts could
 * not retry (it failed twice, or during COMMIT) is a 503: try again. A unique violation that no
 * service mapped to its own field error is a conflict with a row someone wrote at the same moment.
 */
function databaseAnswer(error: unknown): AppError | null {
  if (isConnectionLost(error)) {
    console.error(error);
    return new AppError("unavailable", "errors.unavailable", undefined, { retryAfterSeconds: 1 });
  }
  if (isUniqueViolation(error)) return new AppError("conflict", "errors.duplicate");
  return null;
}
