import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { checkIns, cycles, keyResults, memberships, objectives, organisations, teamMembers, teams, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { locales } from "@/lib/domain";
import type { NewMail } from "@/lib/mail/outbox";
import { queueMail } from "@/lib/mail/outbox";
import { localInstant } from "@/lib/okr/weekly-rhythm";
import { withOrganisation } from "@/lib/tenant-scope";
import { parseRows } from "./sql-rows";
import { keyResultStatusSql } from "./status-sql";

/**
 * The team leads' follow-up, the weekday after the reminder: for each team, who of its members
 * owed check-ins in the reminder's week and made none, and which key results its members report
 * on went stale. One email per lead, covering all their teams, only when there is something to
 * say; one per lead and week, however many runs (the outbox key).
 */

/** Key results in active cycles, each with the people who report on it (its owner and its objective's owner). */
const reportedSql = (orgId: string) => sql`
  reported as (
    select ${keyResults.ownerUserId} as user_id, ${keyResults.id} as id from ${keyResults}
      join ${objectives} on ${objectives.orgId} = ${keyResults.orgId} and ${objectives.id} = ${keyResults.objectiveId}
      join ${cycles} on ${cycles.orgId} = ${objectives.orgId} and ${cycles.id} = ${objectives.cycleId}
      where ${keyResults.orgId} = ${orgId} and ${cycles.status} = 'active' and ${objectives.archivedAt} is null
    union
    select ${objectives.ownerUserId}, ${keyResults.id} from ${keyResults}
      join ${objectives} on ${objectives.orgId} = ${keyResults.orgId} and ${objectives.id} = ${keyResults.objectiveId}
      join ${cycles} on ${cycles.orgId} = ${objectives.orgId} and ${cycles.id} = ${objectives.cycleId}
      where ${keyResults.orgId} = ${orgId} and ${cycles.status} = 'active' and ${objectives.archivedAt} is null
  )`;

const leadColumns = {
  team_id: z.uuid(),
  team_name: z.string(),
  lead_id: z.uuid(),
  lead_name: z.string(),
  lead_email: z.string(),
  lead_locale: z.enum(locales),
};

const missingRow = z.object({ ...leadColumns, member_name: z.string().nullable(), owed: z.coerce.number() });
const staleRow = z.object({ team_id: z.uuid(), title: z.string(), owner_name: z.string() });

/** Teams whose lead wants the summary, with each member (not the lead) and how many key results they left without a check-in that week. */
async function missing(tx: Tx, orgId: string, from: Date, to: Date) {
  const result = await tx.execute(sql`
    with ${reportedSql(orgId)},
    missed as (
      select reported.user_id, count(*)::int as owed from reported
      join ${keyResults} on ${keyResults.orgId} = ${orgId} and ${keyResults.id} = reported.id
      where ${keyResults.createdAt} < ${to.toISOString()}::timestamptz
        and not exists (select 1 from ${checkIns} where ${checkIns.orgId} = ${orgId} and ${checkIns.keyResultId} = reported.id
                        and ${checkIns.createdAt} >= ${from.toISOString()}::timestamptz and ${checkIns.createdAt} < ${to.toISOString()}::timestamptz)
      group by reported.user_id
    )
    select ${teams.id} as team_id, ${teams.name} as team_name, lead.id as lead_id, lead.name as lead_name, lead.email as lead_email,
           lead.locale as lead_locale, member.name as member_name, coalesce(missed.owed, 0) as owed
    from ${teams}
    join ${memberships} on ${memberships.orgId} = ${teams.orgId} and ${memberships.userId} = ${teams.leadUserId} and ${memberships.escalationEmails}
    join ${users} lead on lead.id = ${teams.leadUserId}
    left join ${teamMembers} on ${teamMembers.orgId} = ${teams.orgId} and ${teamMembers.teamId} = ${teams.id} and ${teamMembers.userId} <> ${teams.leadUserId}
    left join missed on missed.user_id = ${teamMembers.userId}
    left join ${users} member on member.id = ${teamMembers.userId}
    where ${teams.orgId} = ${orgId}
    order by lead.id, ${teams.name}, member.name`);
  return parseRows(missingRow, result);
}

/** Stale key results reported on by each team's members (or its lead), now. */
async function stale(tx: Tx, orgId: string, at: Date) {
  const result = await tx.execute(sql`
    with ${reportedSql(orgId)}
    select distinct ${teams.id} as team_id, ${keyResults.title} as title, owner.name as owner_name
    from ${teams}
    join ${teamMembers} on ${teamMembers.orgId} = ${teams.orgId} and ${teamMembers.teamId} = ${teams.id}
    join reported on reported.user_id = ${teamMembers.userId} or reported.user_id = ${teams.leadUserId}
    join ${keyResults} on ${keyResults.orgId} = ${orgId} and ${keyResults.id} = reported.id
    join ${objectives} on ${objectives.orgId} = ${keyResults.orgId} and ${objectives.id} = ${keyResults.objectiveId}
    join ${cycles} on ${cycles.orgId} = ${objectives.orgId} and ${cycles.id} = ${objectives.cycleId}
    join ${users} owner on owner.id = ${keyResults.ownerUserId}
    where ${teams.orgId} = ${orgId} and ${teams.leadUserId} is not null and ${keyResultStatusSql(at)} = 'stale'
    order by title`);
  return parseRows(staleRow, result);
}

type Lead = { id: string; name: string; email: string; locale: (typeof locales)[number]; teams: Map<string, { id: string; name: string; missing: Array<{ name: string; owed: number }>; stale: Array<{ title: string; ownerName: string }> }> };

/** Writes the week's team summaries of one organisation (the week of the reminder they follow). */
export async function writeEscalations(orgId: string, week: string): Promise<number> {
  const at = now();
  return withOrganisation(orgId, null, async (tx) => {
    const [org] = await tx.select({ name: organisations.name, slug: organisations.slug, timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, orgId));
    if (!org) return 0;
    const from = localInstant(week, 1, 0, org.timeZone);
    const to = localInstant(week, 8, 0, org.timeZone);
    const leads = new Map<string, Lead>();
    for (const row of await missing(tx, orgId, from, to)) {
      const lead = leads.get(row.lead_id) ?? { id: row.lead_id, name: row.lead_name, email: row.lead_email, locale: row.lead_locale, teams: new Map() };
      leads.set(row.lead_id, lead);
      const team = lead.teams.get(row.team_id) ?? { id: row.team_id, name: row.team_name, missing: [], stale: [] };
      lead.teams.set(row.team_id, team);
      if (row.member_name && row.owed > 0) team.missing.push({ name: row.member_name, owed: row.owed });
    }
    const staleByTeam = new Map<string, Array<{ title: string; ownerName: string }>>();
    for (const row of await stale(tx, orgId, at)) staleByTeam.set(row.team_id, [...(staleByTeam.get(row.team_id) ?? []), { title: row.title, ownerName: row.owner_name }]);
    const mails: NewMail<"escalation">[] = [];
    for (const lead of leads.values()) {
      const teamsToTell = [...lead.teams.values()].map((team) => ({ ...team, stale: staleByTeam.get(team.id) ?? [] })).filter((team) => team.missing.length > 0 || team.stale.length > 0);
      if (teamsToTell.length === 0) continue;
      mails.push({
        kind: "escalation",
        toEmail: lead.email,
        toUserId: lead.id,
        locale: lead.locale,
        dedupeKey: `escalation:${lead.id}:${week}`,
        data: { orgName: org.name, orgSlug: org.slug, name: lead.name, week, teams: teamsToTell },
      });
    }
    return (await queueMail(tx, orgId, mails)).length;
  });
}
