import type { CoachCode } from "@/lib/okr/coach";
import { coachCodes } from "@/lib/okr/coach";
import type { Status } from "@/lib/okr/progress";
import type { DashboardData, TeamRow } from "@/lib/services/dashboard";
import { explorerSearchString, type ExplorerQuery } from "@/lib/validation/explorer";

/**
 * The explorer view that lists exactly what a dashboard figure counts: every number on the
 * dashboard links to one of these, and lib/dashboard-links.test.ts opens each view and compares
 * its total with the number. Pure, for server and client components alike.
 */
export const countViews = {
  /** The cycle's objectives that count (not archived). */
  objectives: (): ExplorerQuery => ({}),
  companyObjectives: (): ExplorerQuery => ({ level: "company" }),
  /** Key results of counted objectives, by status and a team's branch if given. */
  keyResults: (filter: { status?: Status; team?: string } = {}): ExplorerQuery => ({ show: "key-results", ...filter }),
  /** Key results checked in since Monday. */
  checkedIn: (team?: string): ExplorerQuery => ({ show: "key-results", checkin: "done", team }),
  withoutKeyResults: (): ExplorerQuery => ({ krs: "none" }),
  coach: (code: CoachCode | "any"): ExplorerQuery => ({ coach: code }),
  /** Objectives in the progress buckets from..to-1 (tenths). */
  progress: (from: number, to: number): ExplorerQuery => ({ progress: `${from}-${to}` }),
};

/** The explorer's address for a view of one cycle. */
export function explorerHref(orgSlug: string, cycleId: string, view: ExplorerQuery): string {
  return `/${orgSlug}/okrs${explorerSearchString({ ...view, cycle: cycleId })}`;
}

/** The distribution's summary in words: below 30 %, 30 % up to 70 %, and 70 % or more. */
export const DISTRIBUTION_RANGES = { low: [0, 3], middle: [3, 7], high: [7, 10] } as const;

export interface DashboardCount {
  /** Where on the dashboard the number is shown, for a test's message. */
  name: string;
  count: number;
  view: ExplorerQuery;
}

const STATUSES = ["on_track", "at_risk", "off_track", "stale", "not_started"] as const satisfies readonly Status[];

/** The numbers a team row shows, each with its view. */
export function teamRowCounts(row: Pick<TeamRow, "id" | "name" | "keyResults">): DashboardCount[] {
  return [
    ...STATUSES.map((status) => ({ name: `${row.name}: ${status}`, count: row.keyResults[status], view: countViews.keyResults({ status, team: row.id }) })),
    { name: `${row.name}: key results`, count: row.keyResults.total, view: countViews.keyResults({ team: row.id }) },
    { name: `${row.name}: checked in`, count: row.keyResults.checkedInThisWeek, view: countViews.checkedIn(row.id) },
  ];
}

/** Every number the dashboard shows for a cycle, with the view that lists what it counted. */
export function dashboardCounts(data: Pick<DashboardData, "objectiveCount" | "companyObjectiveCount" | "keyResults" | "attention" | "distribution" | "teams">): DashboardCount[] {
  const sum = ([from, to]: readonly [number, number]) => data.distribution.slice(from, to).reduce((total, count) => total + count, 0);
  return [
    { name: "objectives", count: data.objectiveCount, view: countViews.objectives() },
    { name: "company objectives", count: data.companyObjectiveCount, view: countViews.companyObjectives() },
    { name: "key results", count: data.keyResults.total, view: countViews.keyResults() },
    { name: "checked in this week", count: data.keyResults.checkedInThisWeek, view: countViews.checkedIn() },
    ...STATUSES.map((status) => ({ name: `key results ${status}`, count: data.keyResults[status], view: countViews.keyResults({ status }) })),
    ...(["off_track", "at_risk", "stale"] as const).map((status) => ({
      name: `needs attention: ${status}`,
      count: data.attention[status].total,
      view: countViews.keyResults({ status }),
    })),
    { name: "without key results", count: data.attention.withoutKeyResults.total, view: countViews.withoutKeyResults() },
    { name: "coach: any warning", count: data.attention.coach.objectivesWithWarnings, view: countViews.coach("any") },
    ...coachCodes.map((code) => ({ name: `coach: ${code}`, count: data.attention.coach[code], view: countViews.coach(code) })),
    ...data.distribution.map((count, bucket) => ({ name: `distribution ${bucket}`, count, view: countViews.progress(bucket, bucket + 1) })),
    ...Object.entries(DISTRIBUTION_RANGES).map(([range, bounds]) => ({ name: `distribution ${range}`, count: sum(bounds), view: countViews.progress(bounds[0], bounds[1]) })),
    ...data.teams.flatMap(teamRowCounts),
  ];
}
