import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { Database, Driver } from "./client";

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies the committed drizzle-kit migrations with the migrator of the connection's driver. */
export async function migrateDatabase(db: Database, driver: Driver): Promise<void> {
  if (driver === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
  }
}

async function main() {
  // DIRECT_DATABASE_URL when DATABASE_URL goes through a transaction-mode pooler (db/client.ts).
  const { directConnectionOptionsFromEnv, openConnection } = await import("./client");
  const { db, driver, close } = await openConnection(directConnectionOptionsFromEnv());
  const started = Date.now();
  await migrateDatabase(db, driver);
  console.log(`Migrated the ${driver === "postgres" ? "Postgres" : "embedded PGlite"} database in ${Date.now() - started} ms.`);
  await close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
