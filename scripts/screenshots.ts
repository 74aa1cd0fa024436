/**
 * Screenshots of pages as a signed-in demo person, for looking at what we build and for the README.
 *   npx tsx scripts/screenshots.ts --base http://127.0.0.1:3000 --as maja@nordlys.example /nordlys/dashboard /nordlys/okrs
 * Writes screenshots/<name>.png (light) and <name>.dark.png; --mobile adds a 390 px wide one.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args.splice(index, 2)[1] ?? fallback) : fallback;
};
const base = option("base", "http://127.0.0.1:3000");
const email = option("as", "maja@nordlys.example");
const password = option("password", "retning-demo");
const out = option("out", "screenshots");
const mobile = args.includes("--mobile");
const dark = !args.includes("--light-only");
const paths = args.filter((arg) => arg.startsWith("/"));

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const schemes: Array<"light" | "dark"> = dark ? ["light", "dark"] : ["light"];
  for (const colorScheme of schemes) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, locale: "en-GB", deviceScaleFactor: 1 });
    const page = await context.newPage();
    if (email !== "none") {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
    }
    for (const path of paths) {
      await page.goto(`${base}${path}`, { waitUntil: "load" });
      // Charts draw once scrolled near: bring each into view so the full-page picture has them.
      for (const slot of await page.locator("[data-when-visible]").all()) await slot.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(600);
      const name = path.replace(/^\//, "").replace(/[/?=&]+/g, "_") || "home";
      const suffix = colorScheme === "dark" ? ".dark" : "";
      await page.screenshot({ path: `${out}/${name}${suffix}.png`, fullPage: true });
      if (mobile && colorScheme === "light") {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${out}/${name}.mobile.png`, fullPage: true });
        await page.setViewportSize({ width: 1440, height: 900 });
      }
      console.log(`${colorScheme} ${path} → ${page.url()}`);
    }
    await context.close();
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
