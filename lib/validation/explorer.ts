import { z } from "zod";
import { objectiveLevels } from "@/lib/domain";
import { coachCodes } from "@/lib/okr/coach";
import { boundedText, opaque, uuid } from "./common";

export const explorerStatuses = ["on_track", "at_risk", "off_track", "stale", "not_started"] as const;
export const explorerSorts = ["title", "progress", "owner", "updated"] as const;
export const explorerPaces = ["ahead", "behind"] as const;
export const explorerAlignments = ["yes", "no"] as const;
export const sortDirections = ["asc", "desc"] as const;
/** What the explorer lists: objectives (the default) or key results. */
export const explorerViews = ["objectives", "key-results"] as const;
/** Key results checked in since Monday, or still owed this week's check-in. */
export const explorerCheckIns = ["done", "owed"] as const;
export const explorerCoachFilters = [...coachCodes, "any"] as const;

export type ExplorerView = (typeof explorerViews)[number];
export type ExplorerCoachFilter = (typeof explorerCoachFilters)[number];

/**
 * A range of the dashboard's progress buckets, "from-to" in tenths: "3-4" is 30 % up to 40 %,
 * "0-3" below 30 %, and the last bucket holds 100 % too (lib/services/progress-bucket-sql.ts).
 */
const PROGRESS_RANGE = /^(\d|10)-(\d|10)$/;
export function progressRange(value: string): { from: number; to: number } | null {
  const match = PROGRESS_RANGE.exec(value);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from < to ? { from, to } : null;
}

export type ExplorerSort = (typeof explorerSorts)[number];
export type SortDirection = (typeof sortDirections)[number];

/** The direction a sort starts in: names A→Z, progress and recency highest first. */
export const defaultDirection: Record<ExplorerSort, SortDirection> = { title: "asc", owner: "asc", progress: "desc", updated: "desc" };

// A form's empty select or search box sends "": it means "no filter", not an invalid value.
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const fields = {
  cycle: blank(uuid),
  q: blank(boundedText(200)),
  level: blank(z.enum(objectiveLevels, { error: "validation.invalid" })),
  team: blank(uuid),
  owner: blank(uuid),
  status: blank(z.enum(explorerStatuses, { error: "validation.invalid" })),
  pace: blank(z.enum(explorerPaces, { error: "validation.invalid" })),
  aligned: blank(z.enum(explorerAlignments, { error: "validation.invalid" })),
  archived: blank(z.enum(["0", "1"], { error: "validation.invalid" })),
  show: blank(z.enum(explorerViews, { error: "validation.invalid" })),
  /** Key results only: checked in this week or not. */
  checkin: blank(z.enum(explorerCheckIns, { error: "validation.invalid" })),
  /** Objectives only: "none" lists those without key results. */
  krs: blank(z.enum(["none"], { error: "validation.invalid" })),
  /** Objectives only: those the coach warns about (one warning, or any). */
  coach: blank(z.enum(explorerCoachFilters, { error: "validation.invalid" })),
  /** Objectives only: a range of progress buckets (progressRange). */
  progress: blank(z.string().refine((value) => progressRange(value) !== null, { error: "validation.invalid" })),
  sort: blank(z.enum(explorerSorts, { error: "validation.invalid" })),
  dir: blank(z.enum(sortDirections, { error: "validation.invalid" })),
  /** Keyset cursors: the page after this row, or the page before it. */
  after: blank(opaque(600)),
  before: blank(opaque(600)),
};

/** `GET /api/orgs/[org]/objectives`: a value that is not understood is a 400. */
export const explorerQuerySchema = z.object(fields);
export type ExplorerQuery = z.infer<typeof explorerQuerySchema>;

type RawParams = Record<string, string | string[] | undefined>;

/**
 * The explorer page's URL: a shared link that has gone stale (a removed team, a typo) shows the
 * rest of its view rather than an error, so each unreadable value is dropped on its own.
 */
export function explorerQueryFromSearchParams(raw: RawParams): ExplorerQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const value = raw[key];
    const parsed = schema.safeParse(Array.isArray(value) ? value[0] : value);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as ExplorerQuery;
}

const urlOrder: Array<keyof ExplorerQuery> = [
  "cycle",
  "show",
  "q",
  "level",
  "team",
  "owner",
  "status",
  "checkin",
  "pace",
  "aligned",
  "krs",
  "coach",
  "progress",
  "archived",
  "sort",
  "dir",
  "after",
  "before",
];

/** The query string of a view, keys in a stable order so equal views have equal links. */
export function explorerSearchString(query: ExplorerQuery): string {
  const params = new URLSearchParams();
  for (const key of urlOrder) {
    const value = query[key];
    if (value !== undefined && value !== "" && !(key === "archived" && value === "0")) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters that narrow the list (not cycle, view, sort or page): what "Clear filters" removes. */
export const explorerFilterKeys = ["q", "level", "team", "owner", "status", "checkin", "pace", "aligned", "krs", "coach", "progress", "archived"] as const;

/** Filters that only one of the two lists reads; switching lists drops the other's. */
export const objectiveOnlyFilters = ["krs", "coach", "progress"] as const satisfies ReadonlyArray<keyof ExplorerQuery>;
export const keyResultOnlyFilters = ["checkin"] as const satisfies ReadonlyArray<keyof ExplorerQuery>;

export function hasExplorerFilters(query: ExplorerQuery): boolean {
  return explorerFilterKeys.some((key) => query[key] !== undefined && !(key === "archived" && query[key] === "0"));
}
