import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { MailKind } from "@/lib/domain";
import { mailDelivery, type MailDelivery } from "@/lib/mail/transport";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { enqueue } from "@/lib/jobs/boss";
import { AppError } from "@/lib/errors";
import { authorize } from "./guard";

export interface FailedMail {
  id: string;
  kind: MailKind;
  toEmail: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date | null;
}

export interface MailStatus {
  delivery: MailDelivery;
  /** Messages not yet handed to a mail server (waiting, or between retries). */
  pending: number;
  failed: FailedMail[];
}

/** For admins in settings: where mail goes, and what could not be sent even after every retry. */
export async function getMailStatus(ctx: TenantContext): Promise<MailStatus> {
  authorize(ctx, "mail.manage");
  return withTenant(ctx, async (tx) => {
    const [counts] = await tx
      .select({ pending: sql<number>`count(*) filter (where ${outbox.status} in ('pending', 'sending'))::int` })
      .from(outbox)
      .where(eq(outbox.orgId, ctx.orgId));
    const failed = await tx
      .select({ id: outbox.id, kind: outbox.kind, toEmail: outbox.toEmail, attempts: outbox.attempts, lastError: outbox.lastError, failedAt: outbox.failedAt })
      .from(outbox)
      .where(and(eq(outbox.orgId, ctx.orgId), eq(outbox.status, "failed")))
      .orderBy(desc(outbox.createdAt))
      .limit(50);
    return { delivery: mailDelivery(), pending: counts?.pending ?? 0, failed };
  });
}

/** An admin sends a failed message once more (after fixing an address or the mail server). */
export async function retryFailedMail(ctx: TenantContext, id: string): Promise<void> {
  authorize(ctx, "mail.manage");
  await withTenant(ctx, async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: "pending", lastError: null, failedAt: null })
      .where(and(eq(outbox.orgId, ctx.orgId), eq(outbox.id, id), eq(outbox.status, "failed")))
      .returning({ id: outbox.id });
    if (!row) throw new AppError("not_found", "errors.not_found");
    await enqueue(tx, "mail.send", [{ orgId: ctx.orgId, outboxId: row.id }]);
  });
}
