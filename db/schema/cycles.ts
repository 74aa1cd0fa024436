import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { cycleStatusEnum } from "./enums";
import { organisations } from "./organisations";
import { tenantPolicy } from "./rls";

/** The OKR period, a fiscal quarter by default. Closing it freezes every objective's score. */
export const cycles = pgTable(
  "cycles",
  {
    ...tenantKey,
    name: text("name").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    status: cycleStatusEnum("status").notNull().default("planning"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    check("cycles_dates_check", sql`${t.endDate} > ${t.startDate}`),
    index("cycles_org_start_idx").on(t.orgId, t.startDate),
    tenantPolicy(t.orgId),
  ],
);
