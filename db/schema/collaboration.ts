import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import type { ActivityAction } from "./enums";
import { objectives } from "./okrs";
import { organisations } from "./organisations";
import { tenantPolicy } from "./rls";
import { users } from "./users";

export const comments = pgTable(
  "comments",
  {
    ...tenantKey,
    objectiveId: uuid("objective_id").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ name: "comments_objective_fk", columns: [t.orgId, t.objectiveId], foreignColumns: [objectives.orgId, objectives.id] }).onDelete(
      "cascade",
    ),
    check("comments_body_length", sql`char_length(${t.body}) between 1 and 5000`),
    index("comments_org_objective_created_idx").on(t.orgId, t.objectiveId, t.createdAt),
    tenantPolicy(t.orgId),
  ],
);

/**
 * Who changed what: the feed and the audit trail. Insert-only, and deliberately without foreign keys
 * to the things it describes, so history outlives a deleted objective.
 */
export const activity = pgTable(
  "activity",
  {
    ...tenantKey,
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").$type<ActivityAction>().notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    objectiveId: uuid("objective_id"),
    keyResultId: uuid("key_result_id"),
    teamId: uuid("team_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    index("activity_org_created_idx").on(t.orgId, t.createdAt.desc(), t.id.desc()),
    index("activity_org_objective_created_idx").on(t.orgId, t.objectiveId, t.createdAt.desc()),
    index("activity_org_team_created_idx").on(t.orgId, t.teamId, t.createdAt.desc()),
    index("activity_org_entity_idx").on(t.orgId, t.entityType, t.entityId),
    tenantPolicy(t.orgId),
  ],
);
