/**
 * Runs before `next dev`: a development secret, a migrated database and the demo organisation,
 * so that `npm install && npm run dev` needs nothing else. It finishes (and lets go of the
 * PGlite folder) before the server opens it: PGlite has no lock between processes.
 */
import { directConnectionOptionsFromEnv, openConnection } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { ensureDevelopmentSecret } from "../lib/env";

async function main() {
  ensureDevelopmentSecret();
  const started = Date.now();
  // Migrations go direct when DATABASE_URL is a transaction-mode pooler (db/client.ts).
  const { db, driver, close } = await openConnection(directConnectionOptionsFromEnv());
  await migrateDatabase(db, driver);
  const summary = await seedDemo(db);
  await close();
  const where = driver === "postgres" ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${process.env.PGLITE_DIR ?? ".data/pglite"}`;
  console.log(`\nRetning: database ready on ${where} in ${Date.now() - started} ms.`);
  if (Object.keys(summary.counts).length > 0) console.log("Seeded the demo organisation.");
  console.log(`Demo workspace: http://localhost:3000/${summary.orgSlug}  ·  sign in as ${summary.logins[0]?.email} / ${summary.password}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
