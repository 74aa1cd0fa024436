import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { integrationDeliveries, integrationEndpoints, memberships, organisations, users, type IntegrationEndpoint } from "@/db/schema";
import { now } from "@/lib/clock";
import { queueMail, type NewMail } from "@/lib/mail/outbox";
import { safePost, type OutgoingResponse } from "@/lib/outgoing/safe-fetch";
import { withOrganisation } from "@/lib/tenant-scope";
import { signedHeaders } from "./sign";

/**
 * Sends one delivery of the integrations outbox, as lib/mail/send.ts sends mail: claimed with a
 * lease (two workers, or a job and its retry, never both send it), posted through the one
 * outgoing module (lib/outgoing/safe-fetch.ts), its answer logged (status, duration, the first
 * 64 KB of the body), and on failure released for pg-boss to retry with backoff.
 *
 * An endpoint's health: every failed attempt counts, any 2xx resets it. An endpoint that has
 * answered nothing but failures for DISABLE_AFTER_MS (three days), over at least
 * DISABLE_MIN_FAILURES attempts, is turned off, and its organisation's owners and admins get one
 * email and see it in settings.
 */

const LEASE_MS = 60_000;
export const DISABLE_AFTER_MS = 3 * 24 * 3600_000;
export const DISABLE_MIN_FAILURES = 5;

export type DeliveryOutcome = "delivered" | "already-handled" | "endpoint-off";

export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

interface Claimed {
  delivery: { id: string; messageId: string; payload: Record<string, unknown> };
  endpoint: IntegrationEndpoint;
}

async function claim(orgId: string, id: string, at: Date): Promise<Claimed | "endpoint-off" | null> {
  return withOrganisation(orgId, null, async (tx) => {
    const claimable = or(eq(integrationDeliveries.status, "pending"), and(eq(integrationDeliveries.status, "sending"), lt(integrationDeliveries.lockedUntil, at)));
    const [delivery] = await tx
      .update(integrationDeliveries)
      .set({ status: "sending", lockedUntil: new Date(at.getTime() + LEASE_MS), attempts: sql`${integrationDeliveries.attempts} + 1`, lastAttemptAt: at })
      .where(and(eq(integrationDeliveries.orgId, orgId), eq(integrationDeliveries.id, id), claimable))
      .returning({ id: integrationDeliveries.id, messageId: integrationDeliveries.messageId, payload: integrationDeliveries.payload, endpointId: integrationDeliveries.endpointId });
    if (!delivery) return null;
    const [endpoint] = await tx
      .select()
      .from(integrationEndpoints)
      .where(and(eq(integrationEndpoints.orgId, orgId), eq(integrationEndpoints.id, delivery.endpointId)));
    if (!endpoint || !endpoint.enabled) {
      // Paused or turned off: not sent; an admin may re-send it once the endpoint is on again.
      await tx
        .update(integrationDeliveries)
        .set({ status: "failed", lockedUntil: null, attempts: sql`${integrationDeliveries.attempts} - 1`, lastError: "endpoint_disabled" })
        .where(and(eq(integrationDeliveries.orgId, orgId), eq(integrationDeliveries.id, id)));
      return "endpoint-off";
    }
    return { delivery, endpoint };
  });
}

/** The secrets that sign now: the current one, and the previous one while a rotation lasts. */
function signingSecrets(endpoint: IntegrationEndpoint, at: Date): string[] {
  if (!endpoint.secret) return [];
  const previous = endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil.getTime() > at.getTime() ? [endpoint.previousSecret] : [];
  return [endpoint.secret, ...previous];
}

export async function deliverIntegration(orgId: string, id: string, attempt: Attempt): Promise<DeliveryOutcome> {
  const at = now();
  const claimed = await claim(orgId, id, at);
  if (claimed === null) return "already-handled";
  if (claimed === "endpoint-off") return "endpoint-off";
  const { delivery, endpoint } = claimed;
  const body = JSON.stringify(delivery.payload);
  const headers = endpoint.kind === "webhook" ? signedHeaders(delivery.messageId, at, body, signingSecrets(endpoint, at)) : {};
  let response: OutgoingResponse | null = null;
  let error: string | null = null;
  try {
    response = await safePost(endpoint.url, body, headers);
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const final = attempt.retryCount >= attempt.retryLimit;
  await withOrganisation(orgId, null, async (tx) => {
    await tx
      .update(integrationDeliveries)
      .set({
        status: error === null ? "delivered" : final ? "failed" : "pending",
        lockedUntil: null,
        responseStatus: response?.status ?? null,
        responseBody: response?.body ?? null,
        durationMs: response?.durationMs ?? null,
        lastError: error,
        deliveredAt: error === null ? now() : null,
      })
      .where(and(eq(integrationDeliveries.orgId, orgId), eq(integrationDeliveries.id, id)));
    await recordHealth(tx, orgId, endpoint.id, error === null, at);
  });
  if (error !== null) throw new Error(`Delivery ${id} failed: ${error}`);
  return "delivered";
}

/** Success resets the endpoint's failure streak; failure extends it and may turn the endpoint off. */
async function recordHealth(tx: Tx, orgId: string, endpointId: string, ok: boolean, at: Date): Promise<void> {
  const where = and(eq(integrationEndpoints.orgId, orgId), eq(integrationEndpoints.id, endpointId));
  if (ok) {
    await tx.update(integrationEndpoints).set({ failingSince: null, consecutiveFailures: 0 }).where(where);
    return;
  }
  const [endpoint] = await tx
    .update(integrationEndpoints)
    .set({ failingSince: sql`coalesce(${integrationEndpoints.failingSince}, ${at.toISOString()}::timestamptz)`, consecutiveFailures: sql`${integrationEndpoints.consecutiveFailures} + 1` })
    .where(where)
    .returning();
  if (!endpoint?.failingSince || !endpoint.enabled) return;
  const failingFor = at.getTime() - endpoint.failingSince.getTime();
  if (failingFor < DISABLE_AFTER_MS || endpoint.consecutiveFailures < DISABLE_MIN_FAILURES) return;
  // Only the attempt that turns it off writes the mail (the update is conditional on enabled).
  const [disabled] = await tx
    .update(integrationEndpoints)
    .set({ enabled: false, disabledReason: "failing", disabledAt: at, updatedAt: sql`now()` })
    .where(and(where, eq(integrationEndpoints.enabled, true)))
    .returning({ id: integrationEndpoints.id });
  if (disabled) await tellAdmins(tx, orgId, endpoint);
}

async function tellAdmins(tx: Tx, orgId: string, endpoint: IntegrationEndpoint): Promise<void> {
  const [org] = await tx.select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.id, orgId));
  if (!org || !endpoint.failingSince) return;
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`${memberships.role} in ('owner', 'admin')`));
  const since = endpoint.failingSince.toISOString();
  const mails: NewMail<"integration_disabled">[] = admins.map((admin) => ({
    kind: "integration_disabled",
    toEmail: admin.email,
    toUserId: admin.id,
    locale: admin.locale,
    dedupeKey: `integration-disabled:${endpoint.id}:${since}:${admin.id}`,
    data: { orgName: org.name, orgSlug: org.slug, name: admin.name, label: endpoint.description, url: endpoint.url, failingSince: since },
  }));
  await queueMail(tx, orgId, mails);
}
