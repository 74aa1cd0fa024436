import { z } from "zod";

/**
 * Every queue of the job system, with what its jobs carry (validated when a job is picked up: a job
 * row is input like any other) and how it retries. Jobs that touch an organisation carry its id and
 * run in that organisation's scope, as a request would.
 */
const uuid = z.uuid();
const isoDate = z.iso.date();

export const jobData = {
  /** One message of the outbox: an organisation's (orgId) or an account's (orgId null). */
  "mail.send": z.object({ orgId: uuid.nullable(), outboxId: uuid }),
  /** Every minute: which organisations' weekly runs are due now. */
  "schedule.tick": z.object({}).passthrough(),
  /** Messages whose send job was lost, or that waited for a mail server, get a job again. */
  "mail.resume": z.object({}).passthrough(),
  /** One organisation's check-in reminders for one local week (its Monday). */
  "reminders.run": z.object({ orgId: uuid, week: isoDate }),
  /** Team leads' summary of the reminder week `week`. */
  "escalation.run": z.object({ orgId: uuid, week: isoDate }),
  /** Leadership's weekly digest, for the local week `week`. */
  "digest.run": z.object({ orgId: uuid, week: isoDate }),
  /** "Forgot your password?": looked up here, so the request answers alike for any address. */
  "account.password_reset": z.object({ email: z.email() }),
  /** A sign-up waiting for confirmation: a link to a new address, a note to an address that has an account. */
  "account.sign_up": z.object({ requestId: uuid }),
  /** One request of the integrations outbox: a webhook event or a chat message. */
  "integration.deliver": z.object({ orgId: uuid, deliveryId: uuid }),
  /** New comments on an objective, told to its owner at most once an hour. */
  "comments.notify": z.object({ orgId: uuid, objectiveId: uuid }),
} as const;

export type QueueName = keyof typeof jobData;
export type JobData<Q extends QueueName> = z.infer<(typeof jobData)[Q]>;

export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry; with backoff each retry waits about twice as long. */
  retryDelay: number;
  retryBackoff: boolean;
  /** The longest wait between two tries, in seconds. */
  retryDelayMax?: number;
  /** A job running longer than this is taken to have died and is retried. */
  expireInSeconds: number;
}

/**
 * Mail retries for about a day and a half (30 s, 1 min, 2 min … capped at 6 h), so a mail server
 * that is down for an evening delays mail instead of losing it; after that the message is marked
 * failed and shown to the organisation's admins.
 */
export const queuePolicies: Record<QueueName, QueuePolicy> = {
  "mail.send": { retryLimit: 12, retryDelay: 30, retryBackoff: true, retryDelayMax: 6 * 3600, expireInSeconds: 120 },
  "schedule.tick": { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120 },
  "mail.resume": { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300 },
  "reminders.run": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  "escalation.run": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  "digest.run": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  // Like mail: 30 s doubling to 6 h, about a day and a half; an endpoint still failing after
  // three days is turned off (lib/integrations/deliver.ts).
  "integration.deliver": { retryLimit: 12, retryDelay: 30, retryBackoff: true, retryDelayMax: 6 * 3600, expireInSeconds: 60 },
  "comments.notify": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  "account.password_reset": { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  "account.sign_up": { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
};

export const queueNames = Object.keys(jobData) as QueueName[];
