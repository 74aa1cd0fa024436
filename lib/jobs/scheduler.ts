import { inArray } from "drizzle-orm";
import { organisations } from "@/db/schema";
import { dueEscalation, dueWeeklyRun } from "@/lib/okr/weekly-rhythm";
import { scheduleColumns } from "@/lib/services/notification-settings";
import { withScheduler } from "@/lib/tenant-scope";
import { send } from "./boss";

export interface ScheduledRuns {
  reminders: number;
  escalations: number;
  digests: number;
}

/**
 * Every minute: which organisations' weekly runs are due now, in each one's own time zone
 * (lib/okr/weekly-rhythm.ts), given what already ran. One job per organisation, run and week;
 * the runs themselves work inside the organisation's scope and mark the week done when finished.
 */
export async function runScheduledWork(at: Date, only?: readonly string[]): Promise<ScheduledRuns> {
  const rows = await withScheduler((tx) =>
    tx
      .select({
        id: organisations.id,
        ...scheduleColumns,
        remindersRanFor: organisations.remindersRanFor,
        escalationRanFor: organisations.escalationRanFor,
        digestRanFor: organisations.digestRanFor,
      })
      .from(organisations)
      // Tests on a shared database look at their own organisations only.
      .where(only ? inArray(organisations.id, [...only]) : undefined),
  );
  const runs: ScheduledRuns = { reminders: 0, escalations: 0, digests: 0 };
  for (const org of rows) {
    if (org.remindersEnabled) {
      const slot = { weekday: org.reminderWeekday, minute: org.reminderMinute };
      const reminder = dueWeeklyRun(at, slot, org.timeZone, org.remindersRanFor);
      if (reminder) {
        await send("reminders.run", { orgId: org.id, week: reminder.week }, { singletonKey: `reminders:${org.id}:${reminder.week}` });
        runs.reminders++;
      }
      const escalation = dueEscalation(at, slot, org.timeZone, org.escalationRanFor);
      if (escalation) {
        await send("escalation.run", { orgId: org.id, week: escalation.week }, { singletonKey: `escalation:${org.id}:${escalation.week}` });
        runs.escalations++;
      }
    }
    if (org.digestEnabled) {
      const digest = dueWeeklyRun(at, { weekday: org.digestWeekday, minute: org.digestMinute }, org.timeZone, org.digestRanFor);
      if (digest) {
        await send("digest.run", { orgId: org.id, week: digest.week }, { singletonKey: `digest:${org.id}:${digest.week}` });
        runs.digests++;
      }
    }
  }
  return runs;
}
