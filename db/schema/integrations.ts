import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { IntegrationKind, DeliveryStatus } from "@/lib/domain";
import { tenantKey, timestamps } from "./columns";
import { localeEnum } from "./enums";
import { organisations } from "./organisations";
import { tenantPolicy } from "./rls";
import { users } from "./users";

/**
 * Where an organisation's events go: a webhook endpoint (signed per Standard Webhooks, for the
 * events it subscribes to) or a chat channel's incoming webhook (Slack, Microsoft Teams), which
 * gets readable messages for the topics chosen. One table, one delivery pipeline, one health rule.
 */
export const integrationEndpoints = pgTable(
  "integration_endpoints",
  {
    ...tenantKey,
    kind: text("kind").$type<IntegrationKind>().notNull(),
    url: text("url").notNull(),
    /** A webhook's description, a chat connection's name. */
    description: text("description").notNull().default(""),
    /** A webhook's events (lib/integrations/events.ts); empty for chat connections. */
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    /** The signing secret (`whsec_…`) of a webhook; null for chat. */
    secret: text("secret"),
    /** During a rotation the previous secret signs too, until previous_secret_until. */
    previousSecret: text("previous_secret"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    /** Chat: post the weekly digest. */
    postDigest: boolean("post_digest").notNull().default(false),
    /** Chat: post the check-ins of this team (objectives of the team). */
    checkInTeamId: uuid("check_in_team_id"),
    /** Chat: post key results and objectives turning at risk or off track. */
    postStatusChanges: boolean("post_status_changes").notNull().default(false),
    /** The language chat messages are written in (the connecting admin's). */
    locale: localeEnum("locale").notNull().default("en"),
    enabled: boolean("enabled").notNull().default(true),
    /** Why it is off: 'paused' by an admin, or 'failing' (turned off after failing for days). */
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** The first failed attempt since the last success; null while healthy. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete("cascade"),
    index("integration_endpoints_org_created_idx").on(t.orgId, t.createdAt),
    check("integration_endpoints_kind_check", sql`${t.kind} in ('webhook', 'slack', 'teams')`),
    check("integration_endpoints_disabled_reason_check", sql`${t.disabledReason} is null or ${t.disabledReason} in ('paused', 'failing')`),
    tenantPolicy(t.orgId),
  ],
);

/**
 * The outbox of outgoing requests: one row per event and endpoint, written in the transaction of
 * the write that caused the event, with the exact body to send, and a job that sends it.
 */
export const integrationDeliveries = pgTable(
  "integration_deliveries",
  {
    ...tenantKey,
    endpointId: uuid("endpoint_id").notNull(),
    /** The Standard Webhooks message id (`webhook-id`): the same on every try and re-send. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    responseStatus: integer("response_status"),
    /** The response's first 64 KB. */
    responseBody: text("response_body"),
    durationMs: integer("duration_ms"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ name: "integration_deliveries_endpoint_fk", columns: [t.orgId, t.endpointId], foreignColumns: [integrationEndpoints.orgId, integrationEndpoints.id] }).onDelete("cascade"),
    index("integration_deliveries_endpoint_created_idx").on(t.orgId, t.endpointId, t.createdAt.desc(), t.id.desc()),
    check("integration_deliveries_status_check", sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`),
    tenantPolicy(t.orgId),
  ],
);
