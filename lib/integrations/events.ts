import type { Confidence } from "@/lib/domain";
import type { Status } from "@/lib/okr/progress";

/**
 * The events an organisation's webhooks can subscribe to, and what each carries. An event is
 * recorded in the transaction of the write that causes it (lib/services/integration-events.ts);
 * its payload follows the Standard Webhooks shape: `{ type, timestamp, data }`.
 */
export const webhookEventTypes = [
  "check_in.created",
  "key_result.status_changed",
  "objective.created",
  "objective.status_changed",
  "cycle.closed",
  "member.joined",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What a test delivery is called; endpoints need not subscribe to it. */
export const TEST_EVENT = "webhook.test";

interface Ref {
  id: string;
  title: string;
}

export type OrgEvent =
  | {
      type: "check_in.created";
      data: {
        checkIn: { id: string; value: string; confidence: Confidence; note: string; createdAt: string };
        keyResult: Ref;
        objective: Ref & { teamId: string | null };
        author: { id: string; name: string };
      };
    }
  | { type: "key_result.status_changed"; data: { keyResult: Ref; objective: Ref & { teamId: string | null }; from: Status; to: Status } }
  | { type: "objective.status_changed"; data: { objective: Ref & { teamId: string | null }; from: Status | null; to: Status | null } }
  | { type: "objective.created"; data: { objective: Ref & { level: string; teamId: string | null; ownerUserId: string; cycleId: string; parentObjectiveId: string | null } } }
  | { type: "cycle.closed"; data: { cycle: { id: string; name: string; scoredObjectives: number } } }
  | { type: "member.joined"; data: { member: { userId: string; name: string; role: string } } };

/** Statuses a chat channel hears about when it follows status changes. */
export const ALERT_STATUSES: ReadonlySet<Status | null> = new Set<Status | null>(["at_risk", "off_track"]);

/** The body a webhook receives. */
export function webhookPayload(event: { type: string; data: unknown }, at: Date): Record<string, unknown> {
  return { type: event.type, timestamp: at.toISOString(), data: event.data };
}
