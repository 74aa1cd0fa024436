import { eq } from "drizzle-orm";
import { organisations } from "@/db/schema";
import { notifyComments } from "@/lib/services/comment-notifications";
import { writeDigests } from "@/lib/services/digest";
import { writeEscalations } from "@/lib/services/escalation";
import { writeReminders } from "@/lib/services/reminders";
import { withOrganisation } from "@/lib/tenant-scope";

/**
 * The jobs that act inside one organisation. Each writes its messages through the services, in the
 * organisation's scope, and then marks the week done so the scheduler does not ask again; a job that
 * runs twice writes nothing new (the outbox keys are per person and week).
 */

async function markRan(orgId: string, values: Partial<Pick<typeof organisations.$inferInsert, "remindersRanFor" | "escalationRanFor" | "digestRanFor">>) {
  await withOrganisation(orgId, null, (tx) => tx.update(organisations).set(values).where(eq(organisations.id, orgId)));
}

export async function runReminders(orgId: string, week: string) {
  const result = await writeReminders(orgId, week);
  await markRan(orgId, { remindersRanFor: week });
  return result;
}

export async function runEscalation(orgId: string, week: string) {
  const result = await writeEscalations(orgId, week);
  await markRan(orgId, { escalationRanFor: week });
  return result;
}

export async function runDigest(orgId: string, week: string) {
  const result = await writeDigests(orgId, week);
  await markRan(orgId, { digestRanFor: week });
  return result;
}

export async function runComments(orgId: string, objectiveId: string) {
  return notifyComments(orgId, objectiveId);
}
