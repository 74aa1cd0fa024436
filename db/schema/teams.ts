import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { memberships, organisations } from "./organisations";
import { appRole, currentUserId, tenantPolicy } from "./rls";

/** Teams nest (department → team) through parent_team_id; loops are refused by the service. */
export const teams = pgTable(
  "teams",
  {
    ...tenantKey,
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    parentTeamId: uuid("parent_team_id"),
    leadUserId: uuid("lead_user_id"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    foreignKey({ name: "teams_parent_fk", columns: [t.orgId, t.parentTeamId], foreignColumns: [t.orgId, t.id] }),
    foreignKey({
      name: "teams_lead_fk",
      columns: [t.orgId, t.leadUserId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    check("teams_not_own_parent", sql`${t.parentTeamId} is distinct from ${t.id}`),
    uniqueIndex("teams_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    index("teams_org_parent_idx").on(t.orgId, t.parentTeamId),
    tenantPolicy(t.orgId),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    orgId: uuid("org_id").notNull(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId, t.userId] }),
    foreignKey({ name: "team_members_team_fk", columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      name: "team_members_membership_fk",
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("cascade"),
    index("team_members_org_user_idx").on(t.orgId, t.userId),
    tenantPolicy(t.orgId),
    // Resolving a request's tenant reads the person's own teams before the organisation is set.
    pgPolicy("team_member_read_own", { for: "select", to: appRole, using: sql`${t.userId} = ${currentUserId}` }),
  ],
);
