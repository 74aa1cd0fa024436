import { sql } from "drizzle-orm";
import {
  check,
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
import { appRole, currentOrgId, currentUserId, tenantPolicy } from "./rls";
import { users } from "./users";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Month (1–12) the fiscal year starts; cycles are its quarters. */
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    check("organisations_fiscal_month_check", sql`${t.fiscalYearStartMonth} between 1 and 12`),
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
