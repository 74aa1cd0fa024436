import { sql, type SQL } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss, type ConstructorOptions, type Db } from "pg-boss";
import { getConnection, rowsOf, type Tx } from "@/db/client";
import { queueNames, queuePolicies, type JobData, type QueueName, type QueuePolicy } from "./queues";

/**
 * The job queue: pg-boss, in its own `pgboss` schema of the same database (Postgres or the embedded
 * PGlite, which it shares with the app through pg-boss's PGlite adapter: one process, one
 * connection). docs/architecture.md says why pg-boss.
 *
 * Started once per process (kept on globalThis, like the database connection), before the first
 * request or job, because jobs are enqueued *inside* the transactions of the actions that cause
 * them (`enqueue(tx, …)`): on PGlite a queue that started during such a transaction would wait for
 * it forever.
 */

export interface JobQueueOptions {
  /** Shorter retries for tests; production uses queuePolicies as they are. */
  policies?: Partial<Record<QueueName, Partial<QueuePolicy>>>;
  /** How often idle workers look for work (seconds). */
  pollingIntervalSeconds?: number;
  /** pg-boss's own upkeep (expiring, archiving, cron); off in tests that only enqueue. */
  maintenance?: boolean;
  /** pg-boss's schema; "pgboss" unless tests keep their parallel workers apart. */
  schema?: string;
}

interface Running {
  boss: PgBoss;
  options: JobQueueOptions;
}

const holder = globalThis as typeof globalThis & { __retningJobs?: Promise<Running>; __retningJobsReady?: Running };

export function startJobQueue(options: JobQueueOptions = {}): Promise<PgBoss> {
  holder.__retningJobs ??= open(options).then((running) => (holder.__retningJobsReady = running));
  return holder.__retningJobs.then((running) => {
    // Started already (by the web server, or a test's setup): later callers may still set policies.
    if (options.policies) running.options = { ...running.options, policies: { ...running.options.policies, ...options.policies } };
    return running.boss;
  });
}

async function open(options: JobQueueOptions): Promise<Running> {
  const connection = await getConnection();
  const common: ConstructorOptions = {
    // Maintenance (expiring, archiving, deleting old jobs) and cron run in whichever process
    // holds the worker; pg-boss coordinates several with advisory locks.
    schedule: options.maintenance !== false,
    supervise: options.maintenance !== false,
    migrate: true,
    application_name: "retning-jobs",
    schema: options.schema ?? "pgboss",
  };
  const boss = connection.embedded
    ? new PgBoss({ ...common, db: fromPglite(connection.embedded), backend: "pglite" })
    : new PgBoss({ ...common, connectionString: connection.databaseUrl, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of queueNames) await boss.createQueue(name, policyFor(name, options.policies));
  await grantToAppRole(options.schema ?? "pgboss");
  return { boss, options };
}

/**
 * Jobs are enqueued inside the app's own transactions, which run as the tenant role
 * `retning_app`: it may read the queues and insert jobs, nothing more. pg-boss creates its schema
 * at start, so the grant follows it (idempotent; serialised, since several processes may start).
 */
async function grantToAppRole(schema: string): Promise<void> {
  const { db } = await getConnection();
  const name = sql.identifier(schema);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('retning:pgboss-grants'))`);
    await tx.execute(sql`grant usage on schema ${name} to retning_app`);
    await tx.execute(sql`grant select, insert on all tables in schema ${name} to retning_app`);
    await tx.execute(sql`grant execute on all functions in schema ${name} to retning_app`);
  });
}

/** The started queue; throws if nothing started it (instrumentation.ts, the worker, tests/db.ts). */
export function jobQueue(): PgBoss {
  const running = holder.__retningJobsReady;
  if (!running) throw new Error("The job queue has not been started (startJobQueue).");
  return running.boss;
}

export async function stopJobQueue(): Promise<void> {
  const pending = holder.__retningJobs;
  holder.__retningJobs = undefined;
  holder.__retningJobsReady = undefined;
  if (pending) await (await pending).boss.stop({ graceful: true, timeout: 5_000, close: true });
}

function policyFor(name: QueueName, overrides = holder.__retningJobsReady?.options.policies): QueuePolicy {
  const { retryDelayMax, ...policy } = { ...queuePolicies[name], ...overrides?.[name] };
  // pg-boss accepts a longest wait only with backoff.
  return policy.retryBackoff && retryDelayMax !== undefined ? { ...policy, retryDelayMax } : policy;
}

export interface EnqueueOptions {
  /** Not before this instant. */
  startAfter?: Date;
}

/**
 * Adds jobs in the caller's transaction: they exist if and only if the transaction commits, so an
 * outbox row and the job that sends it are written together or not at all.
 */
export async function enqueue<Q extends QueueName>(tx: Tx, name: Q, items: ReadonlyArray<JobData<Q>>, options: EnqueueOptions = {}): Promise<void> {
  if (items.length === 0) return;
  const policy = policyFor(name);
  await jobQueue().insert(
    name,
    items.map((data) => ({ data, ...policy, startAfter: options.startAfter })),
    { db: inTransaction(tx) },
  );
}

/** pg-boss's statements, run through the caller's drizzle transaction (and so as its role). */
function inTransaction(tx: Tx): Db {
  // The adapter builds its statements with the `sql` tag we hand it, so what comes back is ours.
  return fromDrizzle({ execute: async (query) => ({ rows: rowsOf(await tx.execute(query as SQL)) }) }, sql);
}

/** Adds one job outside any transaction (a nudge, a manual run). */
export async function send<Q extends QueueName>(name: Q, data: JobData<Q>, options: EnqueueOptions & { singletonKey?: string } = {}): Promise<void> {
  await jobQueue().send(name, data, { ...policyFor(name), startAfter: options.startAfter, singletonKey: options.singletonKey });
}
