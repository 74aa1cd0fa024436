import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { MailKind, MailStatus } from "@/lib/domain";
import { tenantKey } from "./columns";
import { localeEnum } from "./enums";
import { objectives } from "./okrs";
import { organisations } from "./organisations";
import { appRole, schedulerScope, tenantPolicy } from "./rls";
import { users } from "./users";

/**
 * What every outbox row holds. A message is written in the transaction of the action that causes
 * it, with the facts its template needs (never a secret: links with secrets are derived again when
 * it is sent, lib/mail/link-secrets.ts), and a job renders and sends it.
 */
const mailColumns = {
  kind: text("kind").$type<MailKind>().notNull(),
  toEmail: text("to_email").notNull(),
  toUserId: uuid("to_user_id").references(() => users.id, { onDelete: "set null" }),
  locale: localeEnum("locale").notNull(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  /** One message per key: a second run, a second worker or a retry writes nothing new. */
  dedupeKey: text("dedupe_key").notNull(),
  status: text("status").$type<MailStatus>().notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  /** While a worker hands the message to the mail server, nobody else may (a lease, not a lock held over the network). */
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  failedAt: timestamp("failed_at", { withTimezone: true }),
};

const statusCheck = (name: string, status: AnyPgColumn) =>
  check(name, sql`${status} in ('pending', 'sending', 'sent', 'failed')`);

/** Mail about an organisation: invitations, reminders, digests, comment notifications. */
export const outbox = pgTable(
  "outbox",
  { ...tenantKey, ...mailColumns },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    uniqueIndex("outbox_org_dedupe_key").on(t.orgId, t.dedupeKey),
    index("outbox_org_status_created_idx").on(t.orgId, t.status, t.createdAt.desc()),
    statusCheck("outbox_status_check", t.status),
    tenantPolicy(t.orgId),
    // The scheduler finds messages whose send job was lost, across organisations, to enqueue
    // them again (lib/mail/resume.ts); sending still happens in the organisation's scope.
    pgPolicy("outbox_read_by_scheduler", { for: "select", to: appRole, using: schedulerScope }),
  ],
);

/** Mail about a person's account, before or outside any organisation: password reset, sign-up. */
export const accountOutbox = pgTable(
  "account_outbox",
  { id: uuid("id").primaryKey().defaultRandom(), ...mailColumns },
  (t) => [uniqueIndex("account_outbox_dedupe_key").on(t.dedupeKey), statusCheck("account_outbox_status_check", t.status)],
);

/** A password reset link: single use, 30 minutes, only the SHA-256 of its secret is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_resets_token_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

/**
 * A sign-up waiting for its email to be confirmed. Nothing exists yet: the person and the
 * organisation are created when the link is opened, so an unconfirmed request never holds an
 * address or a slug, and an address that is taken is never revealed to whoever typed it.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    organisationName: text("organisation_name").notNull(),
    organisationSlug: text("organisation_slug"),
    timeZone: text("time_zone").notNull(),
    locale: localeEnum("locale").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sign_up_requests_token_key").on(t.tokenHash), index("sign_up_requests_email_idx").on(sql`lower(${t.email})`)],
);

/**
 * Comment emails to an objective's owner, batched: at most one per objective per hour. The row is
 * locked by the job that sends, so two workers cannot both decide it is time.
 */
export const commentNotifications = pgTable(
  "comment_notifications",
  {
    orgId: uuid("org_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    /** The newest comment already told about; the next email covers the ones after it. */
    notifiedThrough: timestamp("notified_through", { withTimezone: true }),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId] }),
    foreignKey({
      name: "comment_notifications_objective_fk",
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete("cascade"),
    tenantPolicy(t.orgId),
  ],
);
