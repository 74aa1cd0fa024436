import { fileURLToPath } from "node:url";
import { largeSizes, parseSize, type LargeSize } from "./sizes";
import { formatCount } from "./util";

/**
 * `npm run seed:large -- --size S|M|L|XL [--reset] [--today YYYY-MM-DD]`: fills the database named
 * by DATABASE_URL (PGlite in .data/pglite without it, sensible for S only) with one large
 * organisation and fifty small ones, then prints the counts and the sign-ins for benchmarks.
 */

const usage = `Usage: npm run seed:large -- --size ${largeSizes.join("|")} [--reset] [--today YYYY-MM-DD]`;

export interface CliOptions {
  size: LargeSize;
  reset: boolean;
  today?: string;
}

/** Parses `--size L`, `--size=L`, `--reset`, `--today 2026-11-27`; a string is an error message. */
export function parseArguments(args: readonly string[]): CliOptions | string {
  let size: LargeSize | null = null;
  let reset = false;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag = "", inline] = (args[i] ?? "").split("=", 2);
    const value = () => inline ?? args[++i] ?? "";
    if (flag === "--size") {
      const raw = value();
      size = parseSize(raw);
      if (!size) return `Unknown size "${raw}".`;
    } else if (flag === "--reset") {
      reset = true;
    } else if (flag === "--today") {
      today = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) return `--today needs a date as YYYY-MM-DD, not "${today}".`;
    } else if (flag !== "--") {
      return `Unknown argument "${args[i]}".`;
    }
  }
  if (!size) return "--size is required.";
  return { size, reset, today };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (typeof options === "string") {
    console.error(`${options}\n${usage}`);
    process.exit(2);
  }
  const { connectionOptionsFromEnv, openConnection } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { targetFor } = await import("./sql");
  const { seedLarge } = await import("./seed");

  const connection = await openConnection({ ...connectionOptionsFromEnv(), maxConnections: 2 });
  try {
    await migrateDatabase(connection.db, connection.driver);
    if (connection.driver === "pglite" && options.size !== "S") {
      console.warn(`Without DATABASE_URL this runs on the embedded PGlite, which is meant for size S; ${options.size} will be slow.`);
    }
    const target = await targetFor(connection.db);
    const result = await seedLarge(target, { ...options, log: (line) => console.log(line) });
    if (!result.created) console.log(`\nThe organisation "${result.slug}" exists already; nothing to do (--reset recreates it).`);
    else console.log(`\nSeeded "${result.slug}" in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
    console.log(`\n  Rows of ${result.slug}:`);
    for (const [table, count] of Object.entries(result.counts)) console.log(`    ${table.padEnd(28)} ${formatCount(count).padStart(10)}`);
    console.log(`    users (members)              ${formatCount(result.counts.memberships ?? 0).padStart(10)}`);
    console.log(`\n  Sign in with password "${result.password}":`);
    console.log(`    owner      ${result.logins.owner}`);
    console.log(`    team lead  ${result.logins.teamLead}`);
    console.log(`    member     ${result.logins.member}`);
    console.log(`\n  Peak memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
