import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { integrationDeliveries, integrationEndpoints, organisations, type IntegrationEndpoint } from "@/db/schema";
import { now } from "@/lib/clock";
import type { IntegrationKind } from "@/lib/domain";
import { appLink } from "@/lib/mail/link-secrets";
import { chatPayload, digestMessage, eventMessage, type ChatMessage, type DigestSummary } from "@/lib/integrations/chat";
import { ALERT_STATUSES, webhookPayload, type OrgEvent } from "@/lib/integrations/events";
import { newMessageId } from "@/lib/integrations/sign";
import { enqueue } from "@/lib/jobs/boss";

/**
 * Events into the delivery outbox, in the transaction of the write that causes them: for every
 * enabled endpoint that wants the event, one row holding the exact body to send, and the job that
 * sends it. The write and its deliveries commit together or not at all. An organisation without
 * integrations pays one indexed read per write.
 */

export interface NewDelivery {
  endpointId: string;
  messageId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

/** Writes deliveries and their jobs (the outbox pattern of lib/mail/outbox.ts). */
export async function queueDeliveries(tx: Tx, orgId: string, deliveries: readonly NewDelivery[]): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const rows = await tx
    .insert(integrationDeliveries)
    .values(deliveries.map((delivery) => ({ orgId, ...delivery, createdAt: now() })))
    .returning({ id: integrationDeliveries.id });
  await enqueue(tx, "integration.deliver", rows.map(({ id }) => ({ orgId, deliveryId: id })));
  return rows.map(({ id }) => id);
}

async function enabledEndpoints(tx: Tx, orgId: string): Promise<IntegrationEndpoint[]> {
  return tx
    .select()
    .from(integrationEndpoints)
    .where(and(eq(integrationEndpoints.orgId, orgId), eq(integrationEndpoints.enabled, true)));
}

/** Whether any integration of the organisation is on (writes skip their before/after reads otherwise). */
export async function integrationsListening(tx: Tx, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: integrationEndpoints.id })
    .from(integrationEndpoints)
    .where(and(eq(integrationEndpoints.orgId, orgId), eq(integrationEndpoints.enabled, true)))
    .limit(1);
  return row !== undefined;
}

async function orgSlug(tx: Tx, orgId: string): Promise<string> {
  const [org] = await tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, orgId));
  return org?.slug ?? "";
}

/** Whether a chat connection posts this event: its chosen team's check-ins, or turns to at risk / off track. */
function chatWants(endpoint: IntegrationEndpoint, event: OrgEvent): boolean {
  switch (event.type) {
    case "check_in.created":
      return endpoint.checkInTeamId !== null && event.data.objective.teamId === endpoint.checkInTeamId;
    case "key_result.status_changed":
    case "objective.status_changed":
      return endpoint.postStatusChanges && ALERT_STATUSES.has(event.data.to);
    default:
      return false;
  }
}

const isChat = (kind: IntegrationKind): kind is "slack" | "teams" => kind !== "webhook";

export async function emitEvents(tx: Tx, orgId: string, events: readonly OrgEvent[]): Promise<void> {
  if (events.length === 0) return;
  const endpoints = await enabledEndpoints(tx, orgId);
  if (endpoints.length === 0) return;
  const at = now();
  let slug: string | null = null;
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const messageId = newMessageId();
    for (const endpoint of endpoints) {
      if (endpoint.kind === "webhook") {
        if (endpoint.events.includes(event.type)) deliveries.push({ endpointId: endpoint.id, messageId, eventType: event.type, payload: webhookPayload(event, at) });
      } else if (isChat(endpoint.kind) && chatWants(endpoint, event)) {
        slug ??= await orgSlug(tx, orgId);
        const message = eventMessage(event, endpoint.locale, appLink, slug);
        if (message) deliveries.push({ endpointId: endpoint.id, messageId, eventType: event.type, payload: chatPayload(endpoint.kind, message) });
      }
    }
  }
  await queueDeliveries(tx, orgId, deliveries);
}

/** The weekly digest, to the chat connections that post it (lib/services/digest.ts). */
export async function emitDigest(tx: Tx, orgId: string, orgSlugValue: string, digest: DigestSummary): Promise<number> {
  // One message per week: a second run of the week's digest job posts nothing new.
  const messageId = `msg_digest_${digest.week.replace(/-/g, "")}`;
  const posted = new Set(
    (
      await tx
        .select({ endpointId: integrationDeliveries.endpointId })
        .from(integrationDeliveries)
        .where(and(eq(integrationDeliveries.orgId, orgId), eq(integrationDeliveries.messageId, messageId)))
    ).map((row) => row.endpointId),
  );
  const endpoints = (await enabledEndpoints(tx, orgId)).filter((endpoint) => isChat(endpoint.kind) && endpoint.postDigest && !posted.has(endpoint.id));
  const deliveries = endpoints.flatMap((endpoint) => {
    if (!isChat(endpoint.kind)) return [];
    const message: ChatMessage = digestMessage(digest, endpoint.locale, appLink, orgSlugValue);
    return [{ endpointId: endpoint.id, messageId, eventType: "digest.weekly", payload: chatPayload(endpoint.kind, message) }];
  });
  return (await queueDeliveries(tx, orgId, deliveries)).length;
}
