import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { membershipRoleEnum } from "./enums";
import { tenantKey, timestamps } from "./columns";
import { appRole, currentOrgId, currentUserId, schedulerScope, tenantPolicy } from "./rls";
import { users } from "./users";
import { DEFAULT_DIGEST, DEFAULT_REMINDER } from "@/lib/okr/weekly-rhythm";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Month (1–12) the fiscal year starts; cycles are its quarters. */
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    /** IANA time zone of the weekly rhythm (reminders, digests), from the founder's browser at sign-up. */
    timeZone: text("time_zone").notNull().default("Europe/Oslo"),
    /** Check-in reminders: on by default, Friday (ISO weekday 5) at 13:00 local time (DEFAULT_REMINDER). */
    remindersEnabled: boolean("reminders_enabled").notNull().default(true),
    reminderWeekday: smallint("reminder_weekday").notNull().default(DEFAULT_REMINDER.weekday),
    /** Minutes after local midnight. */
    reminderMinute: smallint("reminder_minute").notNull().default(DEFAULT_REMINDER.minute),
    /** Leadership's weekly digest: Monday 08:00 local time by default (DEFAULT_DIGEST). */
    digestEnabled: boolean("digest_enabled").notNull().default(true),
    digestWeekday: smallint("digest_weekday").notNull().default(DEFAULT_DIGEST.weekday),
    digestMinute: smallint("digest_minute").notNull().default(DEFAULT_DIGEST.minute),
    /** The local week (its Monday) whose scheduled run is done: the scheduler's "already ran" marks. */
    remindersRanFor: date("reminders_ran_for"),
    escalationRanFor: date("escalation_ran_for"),
    digestRanFor: date("digest_ran_for"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    check("organisations_fiscal_month_check", sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check("organisations_reminder_weekday_check", sql`${t.reminderWeekday} between 1 and 7`),
    check("organisations_reminder_minute_check", sql`${t.reminderMinute} between 0 and 1439`),
    check("organisations_digest_weekday_check", sql`${t.digestWeekday} between 1 and 7`),
    check("organisations_digest_minute_check", sql`${t.digestMinute} between 0 and 1439`),
    pgPolicy("organisation_write", {
      for: "all",
      to: appRole,
      using: sql`${t.id} = ${currentOrgId}`,
      withCheck: sql`${t.id} = ${currentOrgId}`,
    }),
    // A person may list the organisations they belong to without naming one first.
    pgPolicy("organisation_read_as_member", {
      for: "select",
      to: appRole,
      using: sql`${t.id} in (select m.org_id from memberships m where m.user_id = ${currentUserId})`,
    }),
    // The job scheduler reads every organisation's weekly schedule to find the ones that are due;
    // the work itself then runs inside each organisation's own scope (lib/jobs/scheduler.ts).
    pgPolicy("organisation_read_by_scheduler", { for: "select", to: appRole, using: schedulerScope }),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRoleEnum("role").notNull().default("member"),
    /** The person's email choices in this organisation (one-click unsubscribe turns one off). */
    reminderEmails: boolean("reminder_emails").notNull().default(true),
    escalationEmails: boolean("escalation_emails").notNull().default(true),
    /** The weekly digest: null follows the role (owners and admins get it), true or false is the person's choice. */
    digestEmails: boolean("digest_emails"),
    commentEmails: boolean("comment_emails").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
    tenantPolicy(t.orgId),
    pgPolicy("membership_read_own", {
      for: "select",
      to: appRole,
      using: sql`${t.userId} = ${currentUserId}`,
    }),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    ...tenantKey,
    email: text("email").notNull(),
    role: membershipRoleEnum("role").notNull().default("member"),
    /** SHA-256 of the link's secret; the secret itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    uniqueIndex("invitations_token_key").on(t.orgId, t.tokenHash),
    index("invitations_org_email_idx").on(t.orgId, sql`lower(${t.email})`),
    tenantPolicy(t.orgId),
  ],
);
