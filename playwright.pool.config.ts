import { defineConfig, devices } from "@playwright/test";
import baseConfig from "./playwright.config";
import { pool, proxyOrigin } from "./e2e/pool/stack";

/**
 * `npm run e2e:pool`: journeys through two instances behind a round-robin proxy, with Postgres
 * behind PgBouncer in transaction mode (scripts/pool-servers.ts). A few everyday journeys walk
 * through the proxy, so each of their requests may land on either instance; e2e/pool/ holds what
 * only this setup can show (a session on both, shared limits, jobs done once, no tenant setting
 * left on a pooled server connection).
 */
const launchOptions = baseConfig.use?.launchOptions;

export default defineConfig({
  ...baseConfig,
  testMatch: /\/(pool\/[\w-]+|signup|cascade|dashboard|transparency|reminders)\.spec\.ts$/,
  use: { ...baseConfig.use, baseURL: proxyOrigin },
  projects: [{ name: "pool", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: "npx tsx scripts/pool-servers.ts",
    url: `${proxyOrigin}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // The script stops PgBouncer, both instances and nginx and removes their folders on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
  outputDir: `test-results/pool-${pool.proxyPort}`,
});
