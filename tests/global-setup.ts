import { assertLocalDatabase } from "./local-database";

/**
 * On a Postgres server the schema is migrated once for the whole run (workers share the database;
 * every test makes its own organisations, so they do not collide). PGlite databases are per worker,
 * in memory, and migrated by tests/db.ts.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  assertLocalDatabase(url);
  if (!url) return;
  const { openConnection } = await import("../db/client");
  const { migrateDatabase } = await import("../db/migrate");
  const connection = await openConnection({ databaseUrl: url, maxConnections: 1 });
  try {
    await migrateDatabase(connection.db, connection.driver);
  } finally {
    await connection.close();
  }
}
