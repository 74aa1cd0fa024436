import { buildOpenApiDocument } from "@/lib/api/openapi";
import { catalogue } from "./catalogue";

const description = [
  "Retning's JSON API: every screen is built on these routes, and scripts can use them too.",
  "Routes under /api/orgs/{org} take a session cookie or an API token; the others are for a browser's session.",
  "Every error has one shape, `{ error: { code, message, fields? } }`. Generated from the zod schemas the routes validate with.",
].join(" ");

/** Built once per server from the handlers' own schemas; the same for everyone, so caches may keep it. */
let document: string | undefined;

export function GET(): Response {
  document ??= JSON.stringify(buildOpenApiDocument(catalogue, { title: "Retning API", version: "1", description }));
  return new Response(document, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
