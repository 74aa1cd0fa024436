import { and, eq, inArray, lt } from "drizzle-orm";
import { accountOutbox, outbox } from "@/db/schema";
import { now } from "@/lib/clock";
import { enqueue } from "@/lib/jobs/boss";
import { withoutTenant, withScheduler } from "@/lib/tenant-scope";
import { mailDelivery } from "./transport";

/** A message pending this long has lost its job (or waited for a mail server): it gets one again. */
const STUCK_AFTER_MS = 15 * 60_000;
const BATCH = 500;

/**
 * Every ten minutes and when the worker starts: messages that are still pending long after they
 * were written get a send job again. This is how mail written while no mail server was configured
 * leaves once SMTP_URL is set, and how a job lost to a crash is made good. A second job for the
 * same message is harmless: sending claims the message first.
 */
export async function resumePendingMail(only?: readonly string[]): Promise<number> {
  if (mailDelivery() === "none") return 0;
  const before = new Date(now().getTime() - STUCK_AFTER_MS);
  const tenantMail = await withScheduler((tx) =>
    tx
      .select({ orgId: outbox.orgId, outboxId: outbox.id })
      .from(outbox)
      // Tests on a shared database look at their own organisations only.
      .where(and(eq(outbox.status, "pending"), lt(outbox.createdAt, before), only ? inArray(outbox.orgId, [...only]) : undefined))
      .limit(BATCH),
  );
  const accountMail = only ? [] : await withoutTenant((tx) =>
    tx
      .select({ outboxId: accountOutbox.id })
      .from(accountOutbox)
      .where(and(eq(accountOutbox.status, "pending"), lt(accountOutbox.createdAt, before)))
      .limit(BATCH),
  );
  const jobs = [...tenantMail, ...accountMail.map(({ outboxId }) => ({ orgId: null, outboxId }))];
  if (jobs.length > 0) await withoutTenant((tx) => enqueue(tx, "mail.send", jobs));
  return jobs.length;
}
