/**
 * Renders the PNG icons of the web app manifest (app/manifest.ts) from public/icon.svg in
 * Chromium, so Retning can be added to a phone's home screen:
 *   npx tsx scripts/render-icons.ts
 * Writes public/icons/icon-192.png and icon-512.png (the rounded icon, transparent corners),
 * icon-maskable-512.png (full bleed, the mark inside the safe zone a launcher may crop to) and
 * apple-touch-icon.png (180 px, full bleed: iOS rounds it itself). Commit what it writes.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("public/icon.svg", "utf8");
/** The mark alone (the arrow), for the full-bleed icons: the same path as icon.svg. */
const mark = svg.match(/<path[^>]*\/>/)?.[0] ?? "";
const background = svg.match(/fill="(#[0-9a-f]{6})"/i)?.[1] ?? "#4f46e5";

const fullBleed = (scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(${scale}) translate(-16 -15.5)">${mark}</g></svg>`;

const icons: Array<{ file: string; size: number; source: string }> = [
  { file: "icon-192.png", size: 192, source: svg },
  { file: "icon-512.png", size: 512, source: svg },
  // A maskable icon's safe zone is the centred circle of 80 % of its width.
  { file: "icon-maskable-512.png", size: 512, source: fullBleed(0.8) },
  { file: "apple-touch-icon.png", size: 180, source: fullBleed(1) },
];

async function main() {
  mkdirSync("public/icons", { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const sized = icon.source.replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
