import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { integrationDeliveries, integrationEndpoints, teams, users, type IntegrationEndpoint } from "@/db/schema";
import { now } from "@/lib/clock";
import { deliveryStatuses, integrationKinds, locales, type DeliveryStatus, type IntegrationKind, type Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { chatPayload, testMessage } from "@/lib/integrations/chat";
import { TEST_EVENT, webhookPayload } from "@/lib/integrations/events";
import { newMessageId, newSigningSecret } from "@/lib/integrations/sign";
import { appLink } from "@/lib/mail/link-secrets";
import { checkOutgoingUrl, OutgoingRefused } from "@/lib/outgoing/safe-fetch";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { CreateIntegrationInput, UpdateIntegrationInput } from "@/lib/validation/integrations";
import { authorize } from "./guard";
import { queueDeliveries } from "./integration-events";
import { exactInstantSql, olderThan, parseExactInstant } from "./keyset-time";
import { decodeCursor, encodeCursor, toPage, type Page } from "./pagination";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";

/**
 * Owners and admins connect the organisation to other systems: webhook endpoints (signed, per
 * event) and Slack or Teams channels. Secrets are shown once, when created or rotated, and never
 * read back.
 */

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;
export const DELIVERY_PAGE_SIZE = 20;

export interface IntegrationView {
  id: string;
  kind: IntegrationKind;
  url: string;
  description: string;
  events: string[];
  postDigest: boolean;
  checkInTeamId: string | null;
  postStatusChanges: boolean;
  locale: Locale;
  enabled: boolean;
  disabledReason: "paused" | "failing" | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  consecutiveFailures: number;
  rotating: boolean;
  createdAt: Date;
}

export const integrationViewJson = documents<IntegrationView>()(
  z.object({
    id: idJson,
    kind: z.enum(integrationKinds),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    postDigest: z.boolean(),
    checkInTeamId: idJson.nullable(),
    postStatusChanges: z.boolean(),
    locale: z.enum(locales),
    enabled: z.boolean(),
    disabledReason: z.enum(["paused", "failing"]).nullable(),
    disabledAt: timestampJson.nullable(),
    failingSince: timestampJson.nullable(),
    consecutiveFailures: z.number().int(),
    rotating: z.boolean(),
    createdAt: timestampJson,
  }),
);

/** A new endpoint or channel; a webhook's signing secret is in this answer only (null for a chat channel). */
export interface CreatedIntegration {
  integration: IntegrationView;
  secret: string | null;
}
export const createdIntegrationJson = documents<CreatedIntegration>()(z.object({ integration: integrationViewJson, secret: z.string().nullable() }));
/** A new signing secret, shown this once. */
export const rotatedSecretJson = z.object({ secret: z.string() });
/** A delivery just queued (a test, a resend). */
export const queuedDeliveryJson = z.object({ deliveryId: idJson });

function view(row: IntegrationEndpoint, at: Date): IntegrationView {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    description: row.description,
    events: row.events,
    postDigest: row.postDigest,
    checkInTeamId: row.checkInTeamId,
    postStatusChanges: row.postStatusChanges,
    locale: row.locale,
    enabled: row.enabled,
    disabledReason: row.disabledReason === "paused" || row.disabledReason === "failing" ? row.disabledReason : null,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
    consecutiveFailures: row.consecutiveFailures,
    rotating: !!row.previousSecretUntil && row.previousSecretUntil.getTime() > at.getTime(),
    createdAt: row.createdAt,
  };
}

export async function listIntegrations(ctx: TenantContext): Promise<IntegrationView[]> {
  authorize(ctx, "integrations.manage");
  const at = now();
  const rows = await withTenant(ctx, (tx) =>
    tx.select().from(integrationEndpoints).where(eq(integrationEndpoints.orgId, ctx.orgId)).orderBy(integrationEndpoints.createdAt, integrationEndpoints.id),
  );
  return rows.map((row) => view(row, at));
}

/** The URL as a field error when Retning may not reach it. */
function assertReachable(url: string): string {
  try {
    return checkOutgoingUrl(url).toString();
  } catch (error) {
    if (error instanceof OutgoingRefused) {
      const key = error.reason === "scheme" ? "validation.httpsRequired" : error.reason === "private_address" ? "validation.privateAddress" : "validation.url";
      throw new AppError("validation_failed", "errors.validation", { url: [key] });
    }
    throw error;
  }
}

async function assertTeam(tx: Tx, ctx: TenantContext, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
  if (!team) throw new AppError("validation_failed", "errors.validation", { checkInTeamId: ["validation.unknownTeam"] });
}

async function lockEndpoint(tx: Tx, ctx: TenantContext, id: string): Promise<IntegrationEndpoint> {
  const [row] = await tx
    .select()
    .from(integrationEndpoints)
    .where(and(eq(integrationEndpoints.orgId, ctx.orgId), eq(integrationEndpoints.id, id)))
    .for("update");
  if (!row) throw new AppError("not_found", "errors.not_found");
  return row;
}

/** A new endpoint or channel; a webhook's signing secret is in the answer, and only there. */
export async function createIntegration(ctx: TenantContext, input: CreateIntegrationInput): Promise<CreatedIntegration> {
  authorize(ctx, "integrations.manage");
  const url = assertReachable(input.url);
  return withTenant(ctx, async (tx) => {
    const [me] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, ctx.userId));
    const secret = input.kind === "webhook" ? newSigningSecret() : null;
    const chat = input.kind === "webhook" ? null : input;
    if (chat) await assertTeam(tx, ctx, chat.checkInTeamId);
    const [row] = await tx
      .insert(integrationEndpoints)
      .values({
        orgId: ctx.orgId,
        kind: input.kind,
        url,
        description: input.description,
        events: input.kind === "webhook" ? input.events : [],
        secret,
        postDigest: chat?.postDigest ?? false,
        checkInTeamId: chat?.checkInTeamId ?? null,
        postStatusChanges: chat?.postStatusChanges ?? false,
        // Chat messages are written in the connecting admin's language.
        locale: me?.locale ?? "en",
        createdByUserId: ctx.userId,
      })
      .returning();
    if (!row) throw new Error("Inserting an integration returned nothing.");
    return { integration: view(row, now()), secret };
  });
}

export async function updateIntegration(ctx: TenantContext, id: string, patch: UpdateIntegrationInput): Promise<IntegrationView> {
  authorize(ctx, "integrations.manage");
  return withTenant(ctx, async (tx) => {
    const current = await lockEndpoint(tx, ctx, id);
    const webhook = current.kind === "webhook";
    if (!webhook) await assertTeam(tx, ctx, patch.checkInTeamId);
    const enabling = patch.enabled === true && !current.enabled;
    const [row] = await tx
      .update(integrationEndpoints)
      .set({
        description: patch.description,
        events: webhook ? patch.events : undefined,
        postDigest: webhook ? undefined : patch.postDigest,
        checkInTeamId: webhook ? undefined : patch.checkInTeamId,
        postStatusChanges: webhook ? undefined : patch.postStatusChanges,
        enabled: patch.enabled,
        // Paused by an admin; turned on again, it starts with a clean record.
        ...(patch.enabled === false && current.enabled ? { disabledReason: "paused", disabledAt: now() } : {}),
        ...(enabling ? { disabledReason: null, disabledAt: null, failingSince: null, consecutiveFailures: 0 } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(integrationEndpoints.orgId, ctx.orgId), eq(integrationEndpoints.id, id)))
      .returning();
    if (!row) throw new AppError("not_found", "errors.not_found");
    return view(row, now());
  });
}

export async function deleteIntegration(ctx: TenantContext, id: string): Promise<void> {
  authorize(ctx, "integrations.manage");
  await withTenant(ctx, async (tx) => {
    const rows = await tx
      .delete(integrationEndpoints)
      .where(and(eq(integrationEndpoints.orgId, ctx.orgId), eq(integrationEndpoints.id, id)))
      .returning({ id: integrationEndpoints.id });
    if (rows.length === 0) throw new AppError("not_found", "errors.not_found");
  });
}

/**
 * A new signing secret, shown once. The previous one keeps signing beside it for a day
 * (ROTATION_OVERLAP_MS: requests carry both signatures), so receivers can switch without losing
 * a message; a second rotation within that day ends the first one's overlap.
 */
export async function rotateSecret(ctx: TenantContext, id: string): Promise<z.infer<typeof rotatedSecretJson>> {
  authorize(ctx, "integrations.manage");
  return withTenant(ctx, async (tx) => {
    const current = await lockEndpoint(tx, ctx, id);
    if (current.kind !== "webhook" || !current.secret) throw new AppError("not_found", "errors.not_found");
    const secret = newSigningSecret();
    await tx
      .update(integrationEndpoints)
      .set({ secret, previousSecret: current.secret, previousSecretUntil: new Date(now().getTime() + ROTATION_OVERLAP_MS), updatedAt: sql`now()` })
      .where(and(eq(integrationEndpoints.orgId, ctx.orgId), eq(integrationEndpoints.id, id)));
    return { secret };
  });
}

/** A test event (`webhook.test`) or a test message, through the same outbox and job as any other. */
export async function sendTestDelivery(ctx: TenantContext, id: string): Promise<z.infer<typeof queuedDeliveryJson>> {
  authorize(ctx, "integrations.manage");
  return withTenant(ctx, async (tx) => {
    const endpoint = await lockEndpoint(tx, ctx, id);
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.userId));
    const payload =
      endpoint.kind === "webhook"
        ? webhookPayload({ type: TEST_EVENT, data: { organisation: { id: ctx.orgId, slug: ctx.orgSlug, name: ctx.orgName }, sentBy: { id: ctx.userId, name: me?.name ?? "" } } }, now())
        : chatPayload(endpoint.kind, testMessage(endpoint.locale, endpoint.description, ctx.orgName, appLink, ctx.orgSlug));
    const [deliveryId] = await queueDeliveries(tx, ctx.orgId, [{ endpointId: endpoint.id, messageId: newMessageId(), eventType: TEST_EVENT, payload }]);
    if (!deliveryId) throw new Error("Queueing a test delivery returned nothing.");
    return { deliveryId };
  });
}

export interface DeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
}

export const deliveryViewJson = documents<DeliveryView>()(
  z.object({
    id: idJson,
    messageId: z.string(),
    eventType: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: timestampJson,
    lastAttemptAt: timestampJson.nullable(),
  }),
);

/** An endpoint's delivery log, newest first, keyset-paginated. */
export async function listDeliveries(ctx: TenantContext, endpointId: string, after?: string): Promise<Page<DeliveryView>> {
  authorize(ctx, "integrations.manage");
  const cursor = decodeCursor(after, 1);
  const instant = cursor ? parseExactInstant(cursor.values[0]) : null;
  return withTenant(ctx, async (tx) => {
    const [endpoint] = await tx
      .select({ id: integrationEndpoints.id })
      .from(integrationEndpoints)
      .where(and(eq(integrationEndpoints.orgId, ctx.orgId), eq(integrationEndpoints.id, endpointId)));
    if (!endpoint) throw new AppError("not_found", "errors.not_found");
    const d = integrationDeliveries;
    const rows = await tx
      .select({
        id: d.id,
        messageId: d.messageId,
        eventType: d.eventType,
        status: d.status,
        attempts: d.attempts,
        responseStatus: d.responseStatus,
        responseBody: d.responseBody,
        durationMs: d.durationMs,
        lastError: d.lastError,
        createdAt: d.createdAt,
        lastAttemptAt: d.lastAttemptAt,
        instant: exactInstantSql(d.createdAt),
      })
      .from(d)
      .where(and(eq(d.orgId, ctx.orgId), eq(d.endpointId, endpointId), cursor && instant ? olderThan(d.createdAt, d.id, instant, cursor.id) : undefined))
      .orderBy(desc(d.createdAt), desc(d.id))
      .limit(DELIVERY_PAGE_SIZE + 1);
    const page = toPage(rows, DELIVERY_PAGE_SIZE, (row) => encodeCursor([row.instant], row.id));
    return { ...page, items: page.items.map(({ instant: _instant, ...row }) => row) };
  });
}

/** Sends a delivery again, as a new entry of the log with the same message id and body. */
export async function resendDelivery(ctx: TenantContext, endpointId: string, deliveryId: string): Promise<z.infer<typeof queuedDeliveryJson>> {
  authorize(ctx, "integrations.manage");
  return withTenant(ctx, async (tx) => {
    const endpoint = await lockEndpoint(tx, ctx, endpointId);
    const [original] = await tx
      .select()
      .from(integrationDeliveries)
      .where(and(eq(integrationDeliveries.orgId, ctx.orgId), eq(integrationDeliveries.endpointId, endpoint.id), eq(integrationDeliveries.id, deliveryId)));
    if (!original) throw new AppError("not_found", "errors.not_found");
    const [id] = await queueDeliveries(tx, ctx.orgId, [{ endpointId: endpoint.id, messageId: original.messageId, eventType: original.eventType, payload: original.payload }]);
    if (!id) throw new Error("Queueing a re-send returned nothing.");
    return { deliveryId: id };
  });
}
