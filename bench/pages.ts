import type { Fixtures } from "./database";

/**
 * What the benchmark measures, as data: a page that answers 404 (not built yet) is reported as
 * "not available" and measured as soon as it lands. Add a page here; nothing else changes.
 */

/** Which growth target applies from S to XL (README): paged views < 1.5×, the dashboard < 3×. */
export type Growth = "paged" | "dashboard" | "none";

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  /** A fresh body per request (the check-in varies its value). */
  body?: () => string;
}

export interface PageSpec {
  key: string;
  label: string;
  /** Whose session asks: the owner sees everything (the heaviest case); My week is a member's. */
  as: "owner" | "member" | "anonymous";
  growth: Growth;
  request(fixtures: Fixtures): BenchRequest;
}

/** The floor's other half: Next answering a constant, with no session and no database. */
export const pingPage: PageSpec = {
  key: "ping",
  label: "bare route (/api/ping)",
  as: "anonymous",
  growth: "none",
  request: () => ({ method: "GET", path: "/api/ping" }),
};

/** Values between a key result's start and target, different on every request. */
function checkInBody(fixtures: Fixtures): () => string {
  const { startValue, targetValue } = fixtures.keyResult;
  let n = 0;
  return () => {
    n = (n + 1) % 97;
    const value = startValue + ((targetValue - startValue) * (n + 1)) / 100;
    return JSON.stringify({ value: value.toFixed(2), confidence: n % 3 === 0 ? "at_risk" : "on_track", note: `bench ${n}` });
  };
}

export const pages: PageSpec[] = [
  { key: "dashboard", label: "dashboard", as: "owner", growth: "dashboard", request: (f) => ({ method: "GET", path: `/${f.slug}/dashboard` }) },
  { key: "explorer", label: "explorer, first page", as: "owner", growth: "paged", request: (f) => ({ method: "GET", path: `/${f.slug}/okrs` }) },
  {
    key: "explorer-filtered",
    label: "explorer, team + at risk",
    as: "owner",
    growth: "paged",
    request: (f) => ({ method: "GET", path: `/${f.slug}/okrs?team=${f.teamId}&status=at_risk` }),
  },
  {
    key: "explorer-search",
    label: "explorer, search",
    as: "owner",
    growth: "paged",
    request: (f) => ({ method: "GET", path: `/${f.slug}/okrs?q=${encodeURIComponent(f.searchWord)}` }),
  },
  { key: "tree", label: "alignment tree", as: "owner", growth: "none", request: (f) => ({ method: "GET", path: `/${f.slug}/okrs/tree` }) },
  { key: "objective", label: "objective page", as: "owner", growth: "paged", request: (f) => ({ method: "GET", path: `/${f.slug}/okrs/${f.objectiveId}` }) },
  { key: "team", label: "team page", as: "owner", growth: "paged", request: (f) => ({ method: "GET", path: `/${f.slug}/teams/${f.teamId}` }) },
  { key: "person", label: "person page", as: "owner", growth: "paged", request: (f) => ({ method: "GET", path: `/${f.slug}/people/${f.memberUserId}` }) },
  { key: "my-week", label: "My week (member)", as: "member", growth: "paged", request: (f) => ({ method: "GET", path: `/${f.slug}/check-ins` }) },
  {
    key: "check-in",
    label: "check-in write (member)",
    as: "member",
    growth: "none",
    request: (f) => ({ method: "POST", path: `/api/orgs/${f.slug}/key-results/${f.keyResult.id}/check-ins`, body: checkInBody(f) }),
  },
];

export function selectPages(filters: readonly string[]): PageSpec[] {
  if (filters.length === 0) return pages;
  return pages.filter((page) => filters.some((filter) => page.key.includes(filter)));
}
