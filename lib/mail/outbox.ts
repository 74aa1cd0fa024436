import type { Tx } from "@/db/client";
import { accountOutbox, outbox } from "@/db/schema";
import type { Locale, MailKind } from "@/lib/domain";
import { enqueue } from "@/lib/jobs/boss";
import type { MailDataOf } from "./kinds";

export interface NewMail<K extends MailKind = MailKind> {
  kind: K;
  toEmail: string;
  toUserId?: string | null;
  locale: Locale;
  data: MailDataOf<K>;
  /** One message per key, ever: a second run, worker or retry with the same key writes nothing. */
  dedupeKey: string;
}

/**
 * Writes an organisation's messages to its outbox, and the jobs that send them, in the caller's
 * transaction: if the action that caused them rolls back, no mail is sent. Messages whose key was
 * already used are skipped. One insert and one job insert, however many messages.
 */
export async function queueMail(tx: Tx, orgId: string, mails: readonly NewMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = await tx
    .insert(outbox)
    .values(mails.map((mail) => ({ orgId, kind: mail.kind, toEmail: mail.toEmail, toUserId: mail.toUserId ?? null, locale: mail.locale, data: mail.data, dedupeKey: mail.dedupeKey })))
    .onConflictDoNothing({ target: [outbox.orgId, outbox.dedupeKey] })
    .returning({ id: outbox.id });
  await enqueue(tx, "mail.send", rows.map(({ id }) => ({ orgId, outboxId: id })));
  return rows.map(({ id }) => id);
}

/** The same for mail about an account, outside any organisation (password reset, sign-up). */
export async function queueAccountMail(tx: Tx, mail: NewMail): Promise<string | null> {
  const [row] = await tx
    .insert(accountOutbox)
    .values({ kind: mail.kind, toEmail: mail.toEmail, toUserId: mail.toUserId ?? null, locale: mail.locale, data: mail.data, dedupeKey: mail.dedupeKey })
    .onConflictDoNothing({ target: accountOutbox.dedupeKey })
    .returning({ id: accountOutbox.id });
  if (!row) return null;
  await enqueue(tx, "mail.send", [{ orgId: null, outboxId: row.id }]);
  return row.id;
}
