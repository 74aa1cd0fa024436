import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantKey } from "./columns";
import { cycles } from "./cycles";
import { organisations } from "./organisations";
import { tenantPolicy } from "./rls";

/**
 * A closed cycle's figures, written once when it closes (lib/services/quarter-stats.ts): for the
 * organisation (scope_id = org_id), each team (its own objectives) and each person (the objectives
 * they own). A closed cycle is read-only, so the figures never change; pages read a handful of
 * rows instead of every check-in of eight quarters. `scope_id` has no foreign key: a team deleted
 * or a person gone later leaves the organisation's history as it was.
 */
export const cycleStatistics = pgTable(
  "cycle_statistics",
  {
    ...tenantKey,
    cycleId: uuid("cycle_id").notNull(),
    scope: text("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    objectiveCount: integer("objective_count").notNull(),
    scoredCount: integer("scored_count").notNull(),
    /** The sum of the frozen scores: the average is score_sum / scored_count. */
    scoreSum: numeric("score_sum").notNull(),
    successCount: integer("success_count").notNull(),
    keyResultWeeks: integer("key_result_weeks").notNull(),
    checkedInWeeks: integer("checked_in_weeks").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    foreignKey({ name: "cycle_statistics_cycle_fk", columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete("cascade"),
    check("cycle_statistics_scope_check", sql`${t.scope} in ('organisation', 'team', 'person')`),
    uniqueIndex("cycle_statistics_scope_cycle_idx").on(t.orgId, t.scopeId, t.cycleId, t.scope),
    index("cycle_statistics_org_cycle_idx").on(t.orgId, t.cycleId),
    tenantPolicy(t.orgId),
  ],
);
