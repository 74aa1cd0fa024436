/**
 * The reminder run of the largest organisation in the benchmark database: how long writing one
 * week's reminders takes (who owes what, the outbox rows, their send jobs), how many SQL
 * statements each batch sends, and the process's peak memory.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/retning_bench npm run seed:large -- --size XL
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/retning_bench npx tsx --import ./scripts/outside-next.mjs bench/reminders.ts
 * Each run first removes the previous run's reminders of that week, so it writes them all again.
 */
import { and, count, desc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "../db/client";
import { memberships, outbox } from "../db/schema";
import { startJobQueue, stopJobQueue } from "../lib/jobs/boss";
import { REMINDER_BATCH, writeReminders } from "../lib/services/reminders";
import { benchDatabaseUrl } from "./database";

const WEEK = "2099-12-28";

async function main() {
  process.env.DATABASE_URL = benchDatabaseUrl();
  const db = await getDb();
  // The benchmark connects as the database's owner: it may look across organisations to pick the largest.
  const [largest] = await db
    .select({ orgId: memberships.orgId, people: count() })
    .from(memberships)
    .groupBy(memberships.orgId)
    .orderBy(desc(count()))
    .limit(1);
  if (!largest) throw new Error("No organisation: run npm run seed:large first.");
  await db.delete(outbox).where(and(eq(outbox.orgId, largest.orgId), eq(outbox.kind, "check_in_reminder"), sql`${outbox.dedupeKey} like ${`reminder:%:${WEEK}`}`));
  const boss = await startJobQueue({ maintenance: false });
  await boss.deleteQueuedJobs("mail.send");

  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const log: string[] = [];
  (globalThis as typeof globalThis & { __retningQueryLog?: string[] }).__retningQueryLog = log;
  const started = performance.now();
  const run = await writeReminders(largest.orgId, WEEK);
  const seconds = (performance.now() - started) / 1000;
  (globalThis as typeof globalThis & { __retningQueryLog?: string[] }).__retningQueryLog = undefined;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const batches = Math.ceil(run.owing / REMINDER_BATCH) + (run.owing % REMINDER_BATCH === 0 ? 1 : 0);
  console.log(`Organisation of ${largest.people} people: ${run.owing} owe check-ins this week, ${run.written} reminders written.`);
  console.log(`${seconds.toFixed(1)} s, ${batches} batches of up to ${REMINDER_BATCH} people, ${log.length} SQL statements (${(log.length - 2) / batches} per batch, plus 2 to read the organisation).`);
  console.log(`Peak resident memory: ${Math.round(peak / 1024 / 1024)} MB (${Math.round(before / 1024 / 1024)} MB before the run).`);
  await boss.deleteQueuedJobs("mail.send");
  await stopJobQueue();
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
