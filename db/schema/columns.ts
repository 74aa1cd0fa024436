import { integer, numeric, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant table starts with these two: the composite key (org_id, id) and the distribution column. */
export const tenantKey = {
  orgId: uuid("org_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
};

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic concurrency: an update names the version it read (see lib/services). */
export const version = { version: integer("version").notNull().default(1) };

/** Metric and money values: exact decimals, read as strings so nothing is rounded on the way. */
export const decimal = (name: string) => numeric(name);
/** A ratio computed from decimals (progress, achievement); six places is finer than any display. */
export const ratio = (name: string) => numeric(name, { precision: 14, scale: 6 });
