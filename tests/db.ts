import { afterAll, beforeAll } from "vitest";
import { closeDb, getConnection, getDb, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/boss";

/**
 * Call at the top of every test file that touches the database. The server was migrated once by
 * global-setup; an in-memory PGlite starts empty and is migrated here, once per file.
 */
export function setupTestDatabase(): () => Promise<Database> {
  beforeAll(async () => {
    const { db, driver } = await getConnection();
    if (driver === "pglite") await migrateDatabase(db, driver);
    // Actions enqueue their jobs (mail above all) in their own transactions: the queue must be up.
    // On a shared Postgres each test process has a queue of its own (files in a process run one
    // after another, and start it empty), so one file's worker never takes another's jobs.
    const boss = await startJobQueue({ maintenance: false, schema: driver === "postgres" ? `pgboss_test_${process.env.VITEST_POOL_ID ?? "1"}` : undefined });
    if (driver === "postgres") await boss.deleteAllJobs();
  });
  afterAll(async () => {
    await stopJobQueue();
    await closeDb();
  });
  return getDb;
}
