import { fileURLToPath } from "node:url";
import type { DemoSummary } from "./seed/demo";

/** `npm run db:seed`: migrates, then adds the demo organisation (once) and prints how to sign in. */

function printLogins(summary: DemoSummary): void {
  const header = { name: "Name", email: "Email", role: "Role", teams: "Teams" };
  const rows = [header, ...summary.logins.map((login) => ({ ...login, teams: login.teams.join(", ") || "–" }))];
  const width = (column: keyof typeof header) => Math.max(...rows.map((row) => row[column].length));
  const widths = { name: width("name"), email: width("email"), role: width("role") };
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(widths.name)}  ${row.email.padEnd(widths.email)}  ${row.role.padEnd(widths.role)}  ${row.teams}`);
  }
  console.log(`\n  Password for everyone: ${summary.password}`);
}

async function main() {
  const { directConnectionOptionsFromEnv, openConnection } = await import("./client");
  const { migrateDatabase } = await import("./migrate");
  const { seedDemo } = await import("./seed/demo");
  // It migrates first, so it takes the migrations' direct connection (db/client.ts).
  const { db, driver, close } = await openConnection(directConnectionOptionsFromEnv());
  try {
    await migrateDatabase(db, driver);
    const started = Date.now();
    const summary = await seedDemo(db);
    const inserted = Object.entries(summary.counts);
    if (inserted.length === 0) {
      console.log(`The demo organisation "${summary.orgSlug}" already exists; nothing to do.\n`);
    } else {
      const rows = inserted.map(([table, count]) => `${count} ${table}`).join(", ");
      console.log(`Seeded the demo organisation "${summary.orgSlug}" in ${Date.now() - started} ms: ${rows}.\n`);
    }
    printLogins(summary);
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
