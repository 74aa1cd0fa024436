import { now } from "@/lib/clock";
import { hashPassword } from "@/lib/auth/password";
import { isoDay } from "../calendar";
import { loadMembers, loadOrganisations, loadUsers } from "./load-org";
import { loadCheckIns, loadHistory, loadObjectives } from "./load-okrs";
import { largeOrgLogins, type LargeOrgLogins } from "./logins";
import { missingOthers } from "./others";
import { planOrganisation, type OrgBuild } from "./plan";
import { LARGE_PASSWORD, largeShape, OTHER_ORGANISATIONS, type LargeSize } from "./sizes";
import type { Session, Target } from "./sql";
import { formatCount, seconds, type Log } from "./util";

/**
 * `npm run seed:large`: one large organisation of a given size and fifty small ones beside it,
 * deterministic for the size and the day. Each organisation group loads in one transaction, so a
 * failed run leaves nothing half-made behind.
 */

export interface LargeSeedOptions {
  size: LargeSize;
  /** Delete the size's organisation first (cascades to everything it holds). */
  reset?: boolean;
  /** The UTC day to seed as (YYYY-MM-DD); default today. */
  today?: string;
  /** How many small neighbours to keep (default 50). */
  others?: number;
  log?: Log;
}

export interface LargeSeedResult {
  slug: string;
  orgId: string | null;
  /** False when the organisation existed already and nothing was done. */
  created: boolean;
  othersCreated: number;
  /** Rows of the large organisation per table (after the run, whether or not it created them). */
  counts: Record<string, number>;
  elapsedMs: number;
  logins: LargeOrgLogins;
  password: string;
}

async function loadAll(session: Session, orgs: readonly OrgBuild[], passwordHash: string, log: Log): Promise<void> {
  const step = async (label: string, work: () => Promise<string>) => {
    const started = performance.now();
    const done = await work();
    log(`${label}: ${done} (${seconds(started)})`);
  };
  await step("organisations", async () => formatCount(await loadOrganisations(session, orgs)));
  await step("users", async () => `${formatCount(await loadUsers(session, orgs, passwordHash))} new`);
  await step("members, teams, cycles", async () => {
    const counts = await loadMembers(session, orgs);
    return Object.entries(counts).map(([table, n]) => `${formatCount(n)} ${table}`).join(", ");
  });
  await step("objectives", async () => {
    const counts = await loadObjectives(session, orgs, log);
    return `${formatCount(counts.objectives)} objectives, ${formatCount(counts.keyResults)} key results`;
  });
  await step("check-ins", async () => {
    const counts = await loadCheckIns(session, orgs, log);
    return `${formatCount(counts.checkIns)} check-ins, ${formatCount(counts.activity)} activity`;
  });
  await step("progress history", async () => formatCount(await loadHistory(session, orgs, log)));
}

const countedTables = [
  "memberships",
  "teams",
  "team_members",
  "cycles",
  "objectives",
  "key_results",
  "check_ins",
  "objective_progress_history",
  "activity",
] as const;

export async function countRows(session: Session, orgId: string): Promise<Record<string, number>> {
  const selects = countedTables.map((table) => `select '${table}' as name, count(*)::int as n from ${table} where org_id = $1`);
  const rows = await session.query<{ name: string; n: number }>(selects.join(" union all "), [orgId]);
  const byName = new Map(rows.map((row) => [row.name, Number(row.n)]));
  return Object.fromEntries(countedTables.map((table) => [table, byName.get(table) ?? 0]));
}

async function orgIdOf(session: Session, slug: string): Promise<string | null> {
  const [row] = await session.query<{ id: string }>("select id from organisations where slug = $1", [slug]);
  return row?.id ?? null;
}

export async function seedLarge(target: Target, options: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const today = options.today ?? isoDay(now());
  const shape = largeShape(options.size);
  const { session } = target;
  let passwordHash: string | null = null;
  // One argon2 hash for everyone: hashing per person would take minutes for nothing.
  const hash = async () => (passwordHash ??= await hashPassword(LARGE_PASSWORD));

  if (options.reset) {
    const deleteStarted = performance.now();
    await session.query("delete from organisations where slug = $1", [shape.slug]);
    log(`Deleted "${shape.slug}" (if it existed) in ${seconds(deleteStarted)}.`);
  }

  const missing = await missingOthers(session, options.others ?? OTHER_ORGANISATIONS);
  if (missing.length > 0) {
    const othersStarted = performance.now();
    const plans = missing.map((other) => planOrganisation(other, today));
    const passwordHashValue = await hash();
    await target.transaction((tx) => loadAll(tx, plans, passwordHashValue, () => {}));
    await session.query("select record_missing_cycle_statistics()");
    log(`Created ${missing.length} small organisations (${missing[0]?.slug} …) in ${seconds(othersStarted)}.`);
  }

  const result = { slug: shape.slug, othersCreated: missing.length, logins: largeOrgLogins(options.size), password: LARGE_PASSWORD };
  const existing = await orgIdOf(session, shape.slug);
  if (existing) {
    return { ...result, orgId: existing, created: false, counts: await countRows(session, existing), elapsedMs: performance.now() - started };
  }

  const planStarted = performance.now();
  const org = planOrganisation(shape, today);
  const objectives = org.cycles.reduce((n, cycle) => n + cycle.objectives.length, 0);
  log(`Planned "${shape.slug}" for ${today}: ${formatCount(shape.people)} people, ${formatCount(org.people.teams.length)} teams, ${formatCount(objectives)} objectives, ${formatCount(org.checkInCount)} check-ins (${seconds(planStarted)}).`);
  const passwordHashValue = await hash();
  await target.transaction((tx) => loadAll(tx, [org], passwordHashValue, log));
  // Its closed cycle was written closed: record the quarter statistics as closing it would have (migration 0009).
  const statisticsStarted = performance.now();
  await session.query("select record_missing_cycle_statistics()");
  log(`quarter statistics (${seconds(statisticsStarted)})`);

  const analyzeStarted = performance.now();
  await session.query("analyze");
  log(`analyze (${seconds(analyzeStarted)})`);
  return { ...result, orgId: org.orgId, created: true, counts: await countRows(session, org.orgId), elapsedMs: performance.now() - started };
}
