import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { accountOutbox, outbox } from "@/db/schema";
import { now } from "@/lib/clock";
import { withOrganisation, withoutTenant } from "@/lib/tenant-scope";
import { renderMail, type StoredMail } from "./render";
import { deliver, mailDelivery } from "./transport";

/** How long one worker may hold a message while it talks to the mail server. */
const LEASE_MS = 2 * 60_000;

export type SendOutcome = "sent" | "already-handled" | "waiting";

export interface Attempt {
  /** pg-boss's count of earlier tries of this job, and how many it will make in all. */
  retryCount: number;
  retryLimit: number;
}

function scope<T>(orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return orgId ? withOrganisation(orgId, null, fn) : withoutTenant(fn);
}

/**
 * Claims a pending message for this worker: one statement, so two workers (or a job and its
 * retry) cannot both get it. A claim lapses after LEASE_MS, in case the worker died holding it.
 */
async function claim(orgId: string | null, id: string): Promise<StoredMail & { toEmail: string } | null> {
  const at = now();
  const until = new Date(at.getTime() + LEASE_MS);
  return scope(orgId, async (tx) => {
    const table = orgId ? outbox : accountOutbox;
    const claimable = or(eq(table.status, "pending"), and(eq(table.status, "sending"), lt(table.lockedUntil, at)));
    const [row] = await tx
      .update(table)
      .set({ status: "sending", lockedUntil: until, attempts: sql`${table.attempts} + 1` })
      .where(and(eq(table.id, id), claimable))
      .returning({ id: table.id, kind: table.kind, toEmail: table.toEmail, toUserId: table.toUserId, locale: table.locale, data: table.data });
    return row ? { ...row, orgId } : null;
  });
}

async function settle(orgId: string | null, id: string, values: Partial<typeof outbox.$inferInsert>): Promise<void> {
  await scope(orgId, async (tx) => {
    const table = orgId ? outbox : accountOutbox;
    await tx.update(table).set(values).where(eq(table.id, id));
  });
}

/**
 * Sends one message of the outbox. Delivered: marked sent, never sent again. Refused or
 * unreachable: released for the next try (the error is rethrown so pg-boss retries with backoff),
 * or on the last try marked failed, which the organisation's admins see in settings. With no mail
 * server configured in production the message stays pending and waits.
 */
export async function sendOutboxMessage(orgId: string | null, id: string, attempt: Attempt): Promise<SendOutcome> {
  if (mailDelivery() === "none") return "waiting";
  const mail = await claim(orgId, id);
  if (!mail) return "already-handled";
  try {
    const rendered = await renderMail(mail);
    await deliver({ id: mail.id, to: mail.toEmail }, rendered);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = attempt.retryCount >= attempt.retryLimit;
    await settle(orgId, id, final ? { status: "failed", failedAt: now(), lockedUntil: null, lastError: message } : { status: "pending", lockedUntil: null, lastError: message });
    throw error;
  }
  await settle(orgId, id, { status: "sent", sentAt: now(), lockedUntil: null, lastError: null });
  return "sent";
}
