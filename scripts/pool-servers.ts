/**
 * The web server of `npm run e2e:pool` (playwright.pool.config.ts): a fresh database, migrated
 * and seeded directly, PgBouncer 1.18 in transaction mode in front of it, two `next start` of the
 * same build on two ports, both running the job worker, and nginx taking requests to them in
 * turn. Mail goes over SMTP to the catcher the journeys read (e2e/mailbox.ts).
 */
import postgres from "postgres";
import { E2E_MAIL_DIR } from "../e2e/mail-dir";
import { pool } from "../e2e/pool/stack";
import { startMailCatcher } from "./mail-catcher";
import { startPoolStack } from "./pool/stack";

const direct = (database: string) => `postgres://postgres@127.0.0.1:5432/${database}`;

async function freshDatabase(name: string): Promise<void> {
  if (!/^retning_e2e_pool\w*$/.test(name)) throw new Error(`Refusing to recreate "${name}": the pool journeys use retning_e2e_pool* only.`);
  const admin = postgres(direct("postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  process.env.DATABASE_URL = direct(name);
  const { openConnection } = await import("../db/client");
  const { migrateDatabase } = await import("../db/migrate");
  const { seedDemo } = await import("../db/seed/demo");
  const connection = await openConnection({ databaseUrl: direct(name), maxConnections: 1 });
  try {
    await migrateDatabase(connection.db, connection.driver);
    await seedDemo(connection.db);
  } finally {
    await connection.close();
  }
}

async function main() {
  await freshDatabase(pool.database);
  const smtpUrl = await startMailCatcher(E2E_MAIL_DIR);
  const stack = await startPoolStack({
    database: pool.database,
    proxyPort: pool.proxyPort,
    instancePorts: pool.instancePorts,
    pgbouncerPort: pool.pgbouncerPort,
    poolSize: pool.poolSize,
    env: {
      ...process.env,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-pool-secret-e2e-pool-secret-e2e-pool",
      SMTP_URL: smtpUrl,
      MAIL_FROM: "Retning <okr@retning.example>",
      // As in scripts/e2e-server.ts: the journeys press "Send this week's reminders now".
      SCHEDULED_RUNS: "false",
      OUTGOING_ALLOW_PRIVATE: "true",
    },
  });
  console.log(`[pool] ${stack.proxy.origin} → ${stack.instances.map((i) => i.origin).join(", ")}; PgBouncer :${pool.pgbouncerPort} (transaction, pool size ${pool.poolSize})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
