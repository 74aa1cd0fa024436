import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { cycles, keyResults, memberships, objectives, organisations, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { keyResultDirections, keyResultUnits, locales } from "@/lib/domain";
import type { NewMail } from "@/lib/mail/outbox";
import { queueMail } from "@/lib/mail/outbox";
import { expectedValue } from "@/lib/okr/progress";
import { localWeekStart } from "@/lib/okr/weekly-rhythm";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation } from "@/lib/tenant-scope";
import { authorize } from "./guard";
import { owedThisWeek } from "./my-week";
import { parseRows } from "./sql-rows";
import { expectedProgressSql, instantSql } from "./status-sql";

/**
 * Check-in reminders: each person who still owes check-ins this week gets one email listing the
 * key results they owe (the same "owed" as My week and the header's count), each with its last
 * value and where it should be today. People who are caught up, or who turned reminders off, get
 * none; nobody gets two in one week, however many runs, workers or retries (the outbox key is
 * person and week).
 *
 * People are taken in batches in the order of their ids, each batch in its own transaction with a
 * fixed number of statements (read the batch's people and what they owe, write their outbox rows,
 * write the send jobs), so a run over 10,000 people is as many small transactions, not one long one.
 */

export const REMINDER_BATCH = 500;

const owedRow = z.object({
  user_id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(locales),
  title: z.string(),
  objective_title: z.string(),
  unit: z.enum(keyResultUnits),
  currency_code: z.string().nullable(),
  unit_label: z.string().nullable(),
  direction: z.enum(keyResultDirections),
  start_value: z.string(),
  target_value: z.string(),
  current_value: z.string(),
  checked_in: z.boolean(),
  expected: z.coerce.number(),
});
type OwedRow = z.infer<typeof owedRow>;

/** Up to `limit` people after `afterUserId` who owe check-ins and want reminders, with every key result each owes. */
async function readBatch(tx: Tx, orgId: string, afterUserId: string, limit: number, at: Date) {
  const result = await tx.execute(sql`
    with owed as (
      select ${keyResults.id} as id, ${keyResults.ownerUserId} as kr_owner, ${objectives.ownerUserId} as objective_owner,
             ${keyResults.title} as title, ${objectives.title} as objective_title, ${objectives.id} as objective_id,
             ${keyResults.position} as position, ${keyResults.unit} as unit, ${keyResults.currencyCode} as currency_code,
             ${keyResults.unitLabel} as unit_label, ${keyResults.direction} as direction, ${keyResults.startValue} as start_value,
             ${keyResults.targetValue} as target_value, ${keyResults.currentValue} as current_value,
             ${keyResults.lastCheckInAt} is not null as checked_in, ${expectedProgressSql(instantSql(at))} as expected
      from ${keyResults}
      join ${objectives} on ${objectives.orgId} = ${keyResults.orgId} and ${objectives.id} = ${keyResults.objectiveId}
      join ${cycles} on ${cycles.orgId} = ${objectives.orgId} and ${cycles.id} = ${objectives.cycleId}
      where ${keyResults.orgId} = ${orgId} and ${cycles.status} = 'active' and ${objectives.archivedAt} is null and ${owedThisWeek(at)}
    ),
    pairs as (
      select kr_owner as user_id, id from owed
      union
      select objective_owner as user_id, id from owed
    ),
    people as (
      select distinct pairs.user_id from pairs
      join ${memberships} on ${memberships.orgId} = ${orgId} and ${memberships.userId} = pairs.user_id and ${memberships.reminderEmails}
      where pairs.user_id > ${afterUserId}::uuid
      order by pairs.user_id
      limit ${limit}
    )
    select people.user_id, ${users.email} as email, ${users.name} as name, ${users.locale} as locale,
           owed.title, owed.objective_title, owed.unit, owed.currency_code, owed.unit_label, owed.direction,
           owed.start_value::text, owed.target_value::text, owed.current_value::text, owed.checked_in, owed.expected
    from people
    join pairs on pairs.user_id = people.user_id
    join owed on owed.id = pairs.id
    join ${users} on ${users.id} = people.user_id
    order by people.user_id, owed.objective_title, owed.objective_id, owed.position, owed.id`);
  return parseRows(owedRow, result);
}

function reminderFor(rows: OwedRow[], org: { name: string; slug: string }, week: string): NewMail<"check_in_reminder"> | null {
  const [first] = rows;
  if (!first) return null;
  return {
    kind: "check_in_reminder",
    toEmail: first.email,
    toUserId: first.user_id,
    locale: first.locale,
    dedupeKey: `reminder:${first.user_id}:${week}`,
    data: {
      orgName: org.name,
      orgSlug: org.slug,
      name: first.name,
      week,
      keyResults: rows.map((row) => {
        const expected = expectedValue({ direction: row.direction, start: Number(row.start_value), target: Number(row.target_value) }, row.expected);
        return {
          title: row.title,
          objectiveTitle: row.objective_title,
          unit: row.unit,
          currencyCode: row.currency_code,
          unitLabel: row.unit_label,
          direction: row.direction,
          last: row.checked_in ? row.current_value : null,
          expected: expected === null ? null : String(Math.round(expected * 100) / 100),
        };
      }),
    },
  };
}

function byPerson(rows: OwedRow[]): OwedRow[][] {
  const groups = new Map<string, OwedRow[]>();
  for (const row of rows) {
    const group = groups.get(row.user_id);
    if (group) group.push(row);
    else groups.set(row.user_id, [row]);
  }
  return [...groups.values()];
}

export const reminderRunJson = z.object({
  /** People who owe check-ins and want reminders. */
  owing: z.number().int(),
  /** Reminders written by this run (the others already had this week's). */
  written: z.number().int(),
});
export type ReminderRun = z.infer<typeof reminderRunJson>;

/** Writes this week's reminders of one organisation to its outbox, batch by batch. */
export async function writeReminders(orgId: string, week: string, batchSize = REMINDER_BATCH): Promise<ReminderRun> {
  const at = now();
  const org = await withOrganisation(orgId, null, async (tx) => {
    const [row] = await tx.select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(sql`${organisations.id} = ${orgId}`);
    return row;
  });
  if (!org) return { owing: 0, written: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  const totals: ReminderRun = { owing: 0, written: 0 };
  for (;;) {
    const batch = await withOrganisation(orgId, null, async (tx) => {
      const rows = await readBatch(tx, orgId, after, batchSize, at);
      const people = byPerson(rows);
      const mails = people.map((group) => reminderFor(group, org, week)).filter((mail) => mail !== null);
      const written = await queueMail(tx, orgId, mails);
      return { people: people.length, written: written.length, last: people.at(-1)?.[0]?.user_id };
    });
    totals.owing += batch.people;
    totals.written += batch.written;
    if (batch.people < batchSize || !batch.last) return totals;
    after = batch.last;
  }
}

/** "Send this week's reminders now", from settings: the same rules and the same once-a-week key. */
export async function sendRemindersNow(ctx: TenantContext): Promise<ReminderRun> {
  authorize(ctx, "reminders.send");
  const [org] = await withOrganisation(ctx.orgId, ctx.userId, (tx) =>
    tx.select({ timeZone: organisations.timeZone }).from(organisations).where(sql`${organisations.id} = ${ctx.orgId}`),
  );
  return writeReminders(ctx.orgId, localWeekStart(now(), org?.timeZone ?? "UTC"));
}
