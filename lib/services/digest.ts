import "server-only";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { cycles, memberships, organisations, teamMembers, users } from "@/db/schema";
import type { NewMail } from "@/lib/mail/outbox";
import { queueMail } from "@/lib/mail/outbox";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation } from "@/lib/tenant-scope";
import { loadDashboard } from "./dashboard";
import { emitDigest } from "./integration-events";
import { loadReview, type ReviewObjective } from "./review";

/** Objectives named as the week's biggest movers. */
export const DIGEST_MOVERS = 3;
type Worse = "at_risk" | "off_track" | "stale";
const isWorse = (status: ReviewObjective["status"]): status is Worse => status === "at_risk" || status === "off_track" || status === "stale";

/**
 * Leadership's weekly digest, before the weekly meeting: company progress against expected, the
 * objectives that turned at risk, off track or stale this week, the check-in rate of each
 * top-level team, the three biggest movers, and a link to the weekly review. The figures are the
 * dashboard's and the review's own (loadDashboard, loadReview), read as one of the recipients
 * would read them. Owners and admins get it unless they opted out; anyone may opt in.
 */
export async function writeDigests(orgId: string, week: string): Promise<number> {
  const setting = await withOrganisation(orgId, null, async (tx) => {
    const [org] = await tx
      .select({ name: organisations.name, slug: organisations.slug, fiscalYearStartMonth: organisations.fiscalYearStartMonth })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    const recipients = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, orgId),
          or(eq(memberships.digestEmails, true), and(isNull(memberships.digestEmails), sql`${memberships.role} in ('owner', 'admin')`)),
        ),
      );
    const [cycle] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), eq(cycles.status, "active")))
      .orderBy(desc(cycles.startDate))
      .limit(1);
    return { org, recipients, cycle };
  });
  const { org, recipients, cycle } = setting;
  const [reader] = recipients;
  if (!org || !cycle || !reader) return 0;
  const teamIds = await withOrganisation(orgId, reader.id, (tx) =>
    tx.select({ id: teamMembers.teamId }).from(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, reader.id))),
  );
  const ctx: TenantContext = { orgId, orgSlug: org.slug, orgName: org.name, fiscalYearStartMonth: org.fiscalYearStartMonth, userId: reader.id, role: reader.role, teamIds: teamIds.map((team) => team.id) };
  const [dashboard, review] = await Promise.all([loadDashboard(ctx, cycle.id), loadReview(ctx, cycle.id)]);

  const objectives = new Map<string, ReviewObjective>();
  for (const slide of review.slides) for (const objective of slide.objectives) objectives.set(objective.id, objective);
  const all = [...objectives.values()];
  const worsened = all.flatMap(({ title, status, keyResults }) => (isWorse(status) && keyResults.some((kr) => kr.newRisk) ? [{ title, status }] : []));
  const movers = all
    .filter((objective) => objective.delta !== null && objective.delta !== 0)
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))
    .slice(0, DIGEST_MOVERS)
    .map((objective) => ({ title: objective.title, delta: objective.delta ?? 0 }));
  const teams = dashboard.teams
    .filter((team) => team.depth === 0)
    .map((team) => ({ name: team.name, checkedIn: team.keyResults.checkedInThisWeek, total: team.keyResults.total }));

  const figures = {
    orgName: org.name,
    week,
    cycleName: dashboard.cycle.name,
    progress: dashboard.companyProgress ?? 0,
    expected: dashboard.cycle.expected ?? 0,
    worsened,
    teams,
    movers,
  };
  const mails: NewMail<"weekly_digest">[] = recipients.map((person) => ({
    kind: "weekly_digest",
    toEmail: person.email,
    toUserId: person.id,
    locale: person.locale,
    dedupeKey: `digest:${person.id}:${week}`,
    data: { ...figures, orgSlug: org.slug, name: person.name },
  }));
  return withOrganisation(orgId, null, async (tx) => {
    // Chat channels that post the digest get the same figures, in their own language.
    await emitDigest(tx, orgId, org.slug, figures);
    return (await queueMail(tx, orgId, mails)).length;
  });
}
