import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";

// Debian's Chromium: Playwright cannot download its own browser on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  // One server, one database: journeys run one after another and make their own organisations.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Oslo",
    launchOptions: chromium,
  },
  projects: [
    // e2e/pool/ runs against two instances behind PgBouncer: npm run e2e:pool (playwright.pool.config.ts).
    { name: "chromium", testIgnore: [/\.mobile\.spec\.ts$/, /[\\/]pool[\\/]/], use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    // A phone's screen (390 × 844, touch): the weekly check-in, the dashboard and the explorer, in Chromium.
    {
      name: "mobile",
      testMatch: /\.mobile\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        userAgent: devices["Pixel 7"].userAgent,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
