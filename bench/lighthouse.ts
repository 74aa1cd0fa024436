import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse, { desktopConfig } from "lighthouse";
import { freePort } from "./server";

/**
 * Lighthouse's performance and accessibility scores (targets: ≥ 90 and 100) for the landing page,
 * the dashboard and the explorer, signed in through the session cookie, on the system Chromium
 * (lighthouse 12: version 13 needs Node 22). Runs inside `npm run bench -- --lighthouse`.
 */

export interface LighthouseScore {
  page: string;
  path: string;
  formFactor: "mobile" | "desktop";
  performance: number | null;
  accessibility: number | null;
  /** Largest contentful paint, total blocking time (ms) and cumulative layout shift. */
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Audits of the accessibility category that failed, by id. */
  failedAccessibility: string[];
  error?: string;
}

const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

async function launchChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), "retning-lighthouse-"));
  const child = spawn(
    chromePath,
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"],
    { stdio: "ignore", detached: true },
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Chromium (${chromePath}) did not open its debugging port.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const score = (value: number | null | undefined) => (typeof value === "number" ? Math.round(value * 100) : null);

export async function runLighthouse(origin: string, slug: string, cookie: string): Promise<LighthouseScore[]> {
  const targets = [
    { page: "landing", path: "/", signedIn: false },
    { page: "dashboard", path: `/${slug}/dashboard`, signedIn: true },
    { page: "explorer", path: `/${slug}/okrs`, signedIn: true },
  ];
  const chromium = await launchChromium();
  const scores: LighthouseScore[] = [];
  try {
    for (const formFactor of ["mobile", "desktop"] as const) {
      for (const target of targets) {
        const base = { page: target.page, path: target.path, formFactor, performance: null, accessibility: null, lcpMs: null, tbtMs: null, cls: null, failedAccessibility: [] };
        try {
          const result = await lighthouse(
            `${origin}${target.path}`,
            {
              port: chromium.port,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility"],
              extraHeaders: target.signedIn ? { Cookie: cookie } : undefined,
            },
            formFactor === "desktop" ? desktopConfig : undefined,
          );
          const lhr = result?.lhr;
          if (!lhr) throw new Error("Lighthouse returned no report.");
          if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
          const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
          const a11yRefs = lhr.categories.accessibility?.auditRefs ?? [];
          scores.push({
            ...base,
            performance: score(lhr.categories.performance?.score),
            accessibility: score(lhr.categories.accessibility?.score),
            lcpMs: numeric("largest-contentful-paint"),
            tbtMs: numeric("total-blocking-time"),
            cls: numeric("cumulative-layout-shift"),
            failedAccessibility: a11yRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0).map((ref) => ref.id),
          });
        } catch (error) {
          scores.push({ ...base, error: error instanceof Error ? error.message : String(error) });
        }
        const last = scores.at(-1);
        console.log(`  lighthouse ${formFactor.padEnd(7)} ${target.page.padEnd(9)} performance ${last?.performance ?? "–"}, accessibility ${last?.accessibility ?? "–"}${last?.error ? ` (${last.error})` : ""}`);
      }
    }
  } finally {
    await chromium.close();
  }
  return scores;
}
