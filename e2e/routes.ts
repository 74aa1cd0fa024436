import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface AppRoute {
  /** e.g. /api/orgs/[org]/objectives/[objectiveId] */
  pattern: string;
  kind: "page" | "api";
  methods: string[];
  file: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (entry === "page.tsx" || entry === "route.ts") out.push(path);
  }
  return out;
}

/** Every page and route handler under app/, as URL patterns with their HTTP methods. */
export function discoverRoutes(root = "app"): AppRoute[] {
  return walk(root).map((file) => {
    const segments = relative(root, file).split(sep).slice(0, -1).filter((segment) => !/^\(.*\)$/.test(segment));
    const kind = file.endsWith("route.ts") ? "api" : "page";
    const source = readFileSync(file, "utf8");
    const methods = kind === "page" ? ["GET"] : [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1] ?? "");
    return { pattern: `/${segments.join("/")}`, kind, methods, file };
  });
}

export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No sample value for [${name}] in ${pattern}: add one to the sweep.`);
    return value;
  });
}
