import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
  type PgTableExtraConfigValue,
} from "drizzle-orm/pg-core";
import { keyResultNotMeasurableSql, titleHasMetricSql, titleLongSql } from "@/lib/okr/coach-sql";
import { decimal, ratio, tenantKey, timestamps, version } from "./columns";
import { cycles } from "./cycles";
import {
  confidenceEnum,
  keyResultDirectionEnum,
  keyResultUnitEnum,
  objectiveLevelEnum,
  rollupModeEnum,
} from "./enums";
import { organisations } from "./organisations";
import { tenantPolicy } from "./rls";
import { teams } from "./teams";
import { users } from "./users";

/** A Postgres full-text document; services match it in SQL and never need its text. */
const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

/**
 * The search document of a title and its description. 'simple' lower-cases words without stemming:
 * the same words in English and Norwegian text, matched by prefix (`'kunde':*` finds "kundene").
 * Stored and generated, so searching reads it instead of parsing every row again. There is no GIN
 * index on it: under forced row-level security the app role cannot use one (`@@` is not
 * leakproof), so searches narrow by organisation and cycle with b-tree indexes and then match
 * these stored documents (docs/query-plans.md).
 */
const searchDocument = (title: AnyPgColumn, description: AnyPgColumn) =>
  sql`setweight(to_tsvector('simple'::regconfig, ${title}), 'A') || setweight(to_tsvector('simple'::regconfig, ${description}), 'B')`;

/**
 * What do we want to achieve? One cycle, one owner, one level. `progress` is the rollup of
 * lib/okr/progress.ts, stored on every write that changes it so pages can aggregate in SQL.
 */
export const objectives = pgTable(
  "objectives",
  {
    ...tenantKey,
    cycleId: uuid("cycle_id").notNull(),
    level: objectiveLevelEnum("level").notNull(),
    teamId: uuid("team_id"),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    parentObjectiveId: uuid("parent_objective_id"),
    parentKeyResultId: uuid("parent_key_result_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    rollupMode: rollupModeEnum("rollup_mode").notNull().default("key_results"),
    manualProgress: ratio("manual_progress"),
    manualProgressReason: text("manual_progress_reason"),
    progress: ratio("progress").notNull().default("0"),
    /** Frozen from progress when the cycle closes (0.0–1.0); 0.7 reads as success for a stretch goal. */
    score: ratio("score"),
    reflection: text("reflection"),
    /**
     * The objective of an earlier cycle this one carries on (lib/services/carry-over.ts): the chain
     * of quarters on the objective page. Unique, so an objective is carried forward at most once and
     * the chain never forks. The foreign key (same organisation, ON DELETE SET NULL of this column
     * alone) is hand-written in migration 0009: Drizzle cannot emit a column list there.
     */
    carriedFromId: uuid("carried_from_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    ...version,
    ...timestamps,
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs((): SQL => searchDocument(objectives.title, objectives.description)),
    /**
     * Its key results' search documents, kept up to date by triggers on key_results (migration
     * 0004), so a search reads one row per objective of the cycle instead of every key result.
     */
    keyResultsSearch: tsvector("key_results_search").notNull().default(sql`''::tsvector`),
    /** The coach's title rules, worked out by Postgres when the title is written (lib/okr/coach-sql.ts). */
    titleLong: boolean("title_long")
      .notNull()
      .generatedAlwaysAs((): SQL => titleLongSql(objectives.title)),
    titleHasMetric: boolean("title_has_metric")
      .notNull()
      .generatedAlwaysAs((): SQL => titleHasMetricSql(objectives.title)),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    foreignKey({ name: "objectives_cycle_fk", columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ name: "objectives_team_fk", columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({
      name: "objectives_parent_fk",
      columns: [t.orgId, t.parentObjectiveId],
      foreignColumns: [t.orgId, t.id],
    }),
    // The aligned-to key result must belong to the aligned-to objective.
    foreignKey({
      name: "objectives_parent_key_result_fk",
      columns: [t.orgId, t.parentObjectiveId, t.parentKeyResultId],
      foreignColumns: [keyResults.orgId, keyResults.objectiveId, keyResults.id],
    }),
    check("objectives_team_level_check", sql`(${t.level} = 'team') = (${t.teamId} is not null)`),
    check("objectives_not_own_parent", sql`${t.parentObjectiveId} is distinct from ${t.id}`),
    check("objectives_key_result_needs_parent", sql`${t.parentKeyResultId} is null or ${t.parentObjectiveId} is not null`),
    check("objectives_progress_range", sql`${t.progress} between 0 and 1`),
    check("objectives_manual_progress_range", sql`${t.manualProgress} is null or ${t.manualProgress} between 0 and 1`),
    check("objectives_title_length", sql`char_length(${t.title}) between 1 and 200`),
    index("objectives_org_cycle_idx").on(t.orgId, t.cycleId),
    index("objectives_org_owner_idx").on(t.orgId, t.ownerUserId),
    index("objectives_org_team_idx").on(t.orgId, t.teamId),
    index("objectives_org_parent_idx").on(t.orgId, t.parentObjectiveId),
    // Also the index the chain's walk forward (who was carried from this one?) reads.
    unique("objectives_carried_from_key").on(t.orgId, t.carriedFromId),
    check("objectives_not_carried_from_self", sql`${t.carriedFromId} is distinct from ${t.id}`),
    // The explorer, person and team pages always name a cycle, then filter and sort within it.
    // No (org_id, cycle_id, level) index: under forced row-level security only leakproof
    // operators become index conditions, and enum equality is not one (docs/query-plans.md).
    index("objectives_org_cycle_owner_idx").on(t.orgId, t.cycleId, t.ownerUserId),
    index("objectives_org_cycle_team_idx").on(t.orgId, t.cycleId, t.teamId),
    index("objectives_org_cycle_title_idx").on(t.orgId, t.cycleId, t.title, t.id),
    // "Recently updated" reads the newest first without sorting the cycle; progress rollups leave
    // updated_at alone, so check-ins keep their cheap (HOT) updates.
    index("objectives_org_cycle_updated_idx").on(t.orgId, t.cycleId, t.updatedAt, t.id),
    tenantPolicy(t.orgId),
  ],
);

/** How will we know we got there? Measurable, owned, with a deadline. */
export const keyResults = pgTable(
  "key_results",
  {
    ...tenantKey,
    objectiveId: uuid("objective_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    unit: keyResultUnitEnum("unit").notNull().default("number"),
    currencyCode: char("currency_code", { length: 3 }),
    unitLabel: text("unit_label"),
    direction: keyResultDirectionEnum("direction").notNull().default("increase"),
    startValue: decimal("start_value").notNull().default("0"),
    targetValue: decimal("target_value").notNull(),
    currentValue: decimal("current_value").notNull().default("0"),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    dueDate: date("due_date").notNull(),
    weight: decimal("weight").notNull().default("1"),
    position: integer("position").notNull().default(0),
    /** Unclamped (1.2 = 120 %), shown as such; `progress` is the clamped value every rollup uses. */
    achievement: ratio("achievement").notNull().default("0"),
    progress: ratio("progress").notNull().default("0"),
    lastCheckInAt: timestamp("last_check_in_at", { withTimezone: true }),
    lastConfidence: confidenceEnum("last_confidence"),
    ...version,
    ...timestamps,
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs((): SQL => searchDocument(keyResults.title, keyResults.description)),
    /** The coach's "not measurable" rule, worked out by Postgres when the key result is written (lib/okr/coach-sql.ts). */
    notMeasurable: boolean("not_measurable")
      .notNull()
      .generatedAlwaysAs((): SQL => keyResultNotMeasurableSql(keyResults)),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ name: "key_results_objective_fk", columns: [t.orgId, t.objectiveId], foreignColumns: [objectives.orgId, objectives.id] }).onDelete(
      "cascade",
    ),
    unique("key_results_objective_key").on(t.orgId, t.objectiveId, t.id),
    check("key_results_weight_positive", sql`${t.weight} > 0`),
    check("key_results_progress_range", sql`${t.progress} between 0 and 1`),
    check("key_results_currency_check", sql`(${t.unit} = 'currency') = (${t.currencyCode} is not null)`),
    check("key_results_title_length", sql`char_length(${t.title}) between 1 and 300`),
    index("key_results_org_objective_idx").on(t.orgId, t.objectiveId, t.position),
    index("key_results_org_owner_idx").on(t.orgId, t.ownerUserId),
    tenantPolicy(t.orgId),
  ],
);

/** One row per objective per day its progress changed: the source of charts and weekly deltas. */
export const objectiveProgressHistory = pgTable(
  "objective_progress_history",
  {
    orgId: uuid("org_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    day: date("day").notNull(),
    progress: ratio("progress").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId, t.day] }),
    foreignKey({
      name: "objective_progress_history_objective_fk",
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete("cascade"),
    tenantPolicy(t.orgId),
  ],
);

/** A dated report on a key result. Insert-only: the app role has no UPDATE or DELETE on it. */
export const checkIns = pgTable(
  "check_ins",
  {
    ...tenantKey,
    keyResultId: uuid("key_result_id").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    value: decimal("value").notNull(),
    previousValue: decimal("previous_value"),
    confidence: confidenceEnum("confidence").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ name: "check_ins_key_result_fk", columns: [t.orgId, t.keyResultId], foreignColumns: [keyResults.orgId, keyResults.id] }).onDelete(
      "cascade",
    ),
    index("check_ins_org_key_result_created_idx").on(t.orgId, t.keyResultId, t.createdAt.desc()),
    index("check_ins_org_created_idx").on(t.orgId, t.createdAt.desc()),
    index("check_ins_org_author_created_idx").on(t.orgId, t.authorUserId, t.createdAt.desc()),
    tenantPolicy(t.orgId),
  ],
);
