/**
 * The calendar matrix: the tests whose subject depends on the date, run under libfaketime at the
 * moments where date rules break — start and end of a week, of a quarter and of a year, the
 * daylight-saving changes, a leap day — in Europe/Oslo, and in UTC where UTC sees the edge too. libfaketime moves the whole
 * process's clock, PGlite's `now()` included, so nothing can be left on the real date.
 *
 *   npm run test:calendar                       every moment, both time zones
 *   npm run test:calendar -- --only 2028-02-29  the moments that start with this text
 *
 * Needs `faketime` (Debian: apt-get install faketime) and runs on PGlite (a Postgres server's
 * clock does not move with the process).
 */
import { spawnSync } from "node:child_process";

const BOTH = ["Europe/Oslo", "UTC"] as const;
const OSLO = ["Europe/Oslo"] as const;
const UTC = ["UTC"] as const;

/**
 * Wall-clock moments (faketime reads them in the run's time zone). Where a moment is ordinary in
 * UTC (no daylight saving there, nothing special at noon) it runs in Oslo alone.
 */
const MOMENTS = [
  ["2026-12-14 00:30:00", "a Monday just after midnight (still Sunday in UTC, seen from Oslo)", BOTH],
  ["2026-12-15 00:20:00", "a Tuesday just after midnight UTC (an hour ago was yesterday)", UTC],
  ["2026-12-16 12:00:00", "a Wednesday", OSLO],
  ["2026-12-20 23:30:00", "a Sunday just before midnight", BOTH],
  ["2027-03-31 23:30:00", "the last day of a quarter", BOTH],
  ["2026-12-31 23:30:00", "31 December", BOTH],
  ["2027-01-01 00:30:00", "1 January", BOTH],
  ["2027-03-28 03:30:00", "the spring daylight-saving change", OSLO],
  ["2027-10-31 03:30:00", "the autumn daylight-saving change", OSLO],
  ["2028-02-29 12:00:00", "29 February", OSLO],
] as const;

/** The tests of rules and reports that read the clock: progress, weeks, cycles, status, reports, My week, history. */
const FILES = [
  "lib/okr",
  "lib/services/status-sql.test.ts",
  "lib/services/report-sql.test.ts",
  "lib/services/review.test.ts",
  "lib/services/dashboard.test.ts",
  "lib/services/my-week.test.ts",
  "lib/services/check-ins.test.ts",
  "lib/services/cycles.test.ts",
  "lib/services/feed.test.ts",
  "lib/services/history.test.ts",
  "lib/services/explorer.test.ts",
  "lib/services/explorer-key-results.test.ts",
  "lib/services/export.test.ts",
  "lib/dashboard-links.test.ts",
  "db/seed/demo.test.ts",
];

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

if (process.env.DATABASE_URL) {
  console.error("The calendar matrix runs on PGlite: unset DATABASE_URL (the server's clock does not move with faketime).");
  process.exit(2);
}
if (spawnSync("faketime", ["-f", "@2026-01-01 00:00:00", "true"]).status !== 0) {
  console.error("faketime is missing: apt-get install faketime (Debian) or brew install libfaketime.");
  process.exit(2);
}

const failed: string[] = [];
const started = Date.now();
for (const [moment, what, timeZones] of MOMENTS) {
  if (only && !moment.startsWith(only)) continue;
  for (const timeZone of timeZones) {
    const label = `${moment} ${timeZone} (${what})`;
    console.log(`\n=== ${label}`);
    // "@…" starts the clock at the moment and lets it run: timers and timeouts keep working.
    const run = spawnSync("faketime", ["-f", `@${moment}`, "npx", "vitest", "run", "--reporter=dot", ...FILES], {
      stdio: "inherit",
      env: { ...process.env, TZ: timeZone },
    });
    if (run.status !== 0) failed.push(label);
  }
}

console.log(`\nCalendar matrix: ${failed.length === 0 ? "every moment passed" : `${failed.length} failed`} in ${Math.round((Date.now() - started) / 1000)} s.`);
for (const label of failed) console.log(`  failed: ${label}`);
process.exit(failed.length === 0 ? 0 : 1);
