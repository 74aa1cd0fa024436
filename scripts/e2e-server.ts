/**
 * Playwright's web server: a fresh database (its own PGlite folder, or the Postgres database in
 * E2E_DATABASE_URL), migrated and seeded with the demo organisation, then the production build.
 * Mail leaves over real SMTP to a catcher started here (smtp-server, on a port the system picks),
 * which writes each message to E2E_MAIL_DIR for the journeys to read (e2e/mailbox.ts): production
 * has no development mailbox.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { assertLocalDatabase } from "../tests/local-database";
import { E2E_MAIL_DIR } from "../e2e/mail-dir";
import { startMailCatcher } from "./mail-catcher";

const port = process.env.E2E_PORT ?? "3100";

const databaseUrl = process.env.E2E_DATABASE_URL;
const pgliteDir = ".data/e2e-pglite";

async function prepareDatabase() {
  if (databaseUrl) {
    assertLocalDatabase(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
  } else {
    rmSync(pgliteDir, { recursive: true, force: true });
    process.env.PGLITE_DIR = pgliteDir;
  }
  const { getConnection, closeDb } = await import("../db/client");
  const { migrateDatabase } = await import("../db/migrate");
  const { seedDemo } = await import("../db/seed/demo");
  const { db, driver } = await getConnection();
  if (driver === "postgres") {
    // Every run starts from nothing, so a journey never meets a previous run's data.
    await db.execute(sql`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;`);
  }
  await migrateDatabase(db, driver);
  await seedDemo(db);
  await closeDb();
}

async function main() {
  await prepareDatabase();
  const smtpUrl = await startMailCatcher(E2E_MAIL_DIR);
  const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      APP_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtpUrl,
      MAIL_FROM: "Retning <okr@retning.example>",
      // The weekly runs start by the clock in production; here they would make a journey depend on
      // the day and hour CI runs (a Monday's digest appearing mid-test). Their rules are tested with
      // a pinned clock in lib/jobs; the journeys press "Send this week's reminders now".
      SCHEDULED_RUNS: "false",
      // The webhook journey's receiver listens on 127.0.0.1, as a self-hosted instance's might.
      OUTGOING_ALLOW_PRIVATE: "true",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
