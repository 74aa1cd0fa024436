import type { PgBoss } from "pg-boss";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { deliverIntegration } from "@/lib/integrations/deliver";
import { resumePendingMail } from "@/lib/mail/resume";
import { sendOutboxMessage } from "@/lib/mail/send";
import { closeMailTransport, mailDelivery } from "@/lib/mail/transport";
import { startJobQueue, stopJobQueue, type JobQueueOptions } from "./boss";
import { jobData, type JobData, type QueueName } from "./queues";
import { runScheduledWork } from "./scheduler";
import { issuePasswordReset } from "@/lib/services/password-reset";
import { mailSignUpRequest } from "@/lib/services/sign-up-requests";
import { runComments, runDigest, runEscalation, runReminders } from "./tenant-jobs";

/**
 * The worker: pg-boss fetches due jobs from Postgres (or PGlite) and runs them here. It runs inside
 * the web server by default (instrumentation.ts) and as `npm run worker`; several workers share the
 * queue safely, since pg-boss hands each job to one of them and every job is idempotent
 * (messages are claimed, runs are keyed per organisation and week).
 */

type Handler<Q extends QueueName> = (data: JobData<Q>, job: { retryCount: number; retryLimit: number }) => Promise<unknown>;

const handlers: { [Q in QueueName]: Handler<Q> } = {
  "mail.send": (data, job) => sendOutboxMessage(data.orgId, data.outboxId, job),
  "mail.resume": () => resumePendingMail(),
  "schedule.tick": () => runScheduledWork(now()),
  "reminders.run": (data) => runReminders(data.orgId, data.week),
  "escalation.run": (data) => runEscalation(data.orgId, data.week),
  "digest.run": (data) => runDigest(data.orgId, data.week),
  "comments.notify": (data) => runComments(data.orgId, data.objectiveId),
  "integration.deliver": (data, job) => deliverIntegration(data.orgId, data.deliveryId, job),
  "account.password_reset": (data) => issuePasswordReset(data.email),
  "account.sign_up": (data) => mailSignUpRequest(data.requestId),
};

/** How many jobs of a queue one worker runs at once: mail goes several at a time, runs one by one. */
const concurrency: Partial<Record<QueueName, number>> = { "mail.send": 4, "integration.deliver": 4 };

async function work<Q extends QueueName>(boss: PgBoss, name: Q, pollingIntervalSeconds: number): Promise<void> {
  const handler = handlers[name];
  await boss.work(name, { includeMetadata: true, pollingIntervalSeconds, localConcurrency: concurrency[name] ?? 1 }, async ([job]) => {
    if (!job) return;
    // A job row is input like any other: its data is checked before anything acts on it.
    const data = jobData[name].parse(job.data) as JobData<Q>;
    return handler(data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
  });
}

export interface WorkerOptions extends JobQueueOptions {
  /** Run the cron schedules (scheduler tick, mail resume); tests drive them by hand. */
  schedules?: boolean;
}

export async function startWorker(options: WorkerOptions = {}): Promise<PgBoss> {
  const boss = await startJobQueue(options);
  const polling = options.pollingIntervalSeconds ?? 2;
  for (const name of Object.keys(handlers) as QueueName[]) await work(boss, name, polling);
  if (options.schedules !== false) {
    if (env().SCHEDULED_RUNS === "true") await boss.schedule("schedule.tick", "* * * * *", {});
    else await boss.unschedule("schedule.tick");
    await boss.schedule("mail.resume", "*/10 * * * *", {});
    await boss.send("mail.resume", {});
  }
  announceDelivery();
  return boss;
}

/** Stops taking jobs, keeping the queue (actions still enqueue): for a test's second worker, say. */
export async function stopWorking(): Promise<void> {
  const boss = await startJobQueue();
  for (const name of Object.keys(handlers) as QueueName[]) await boss.offWork(name);
}

export async function stopWorker(): Promise<void> {
  await stopJobQueue();
  await closeMailTransport();
}

/** Says at start where mail goes, so nobody wonders why none arrives. */
export function announceDelivery(): void {
  const delivery = mailDelivery();
  if (delivery === "none") {
    console.warn("[mail] SMTP_URL is not set: email is kept in the outbox, undelivered, until a mail server is configured.");
  } else if (delivery === "dev-mailbox") {
    console.log(`[mail] No SMTP_URL: email goes to the development mailbox (${env().appUrl}/dev/mailbox).`);
  }
}
