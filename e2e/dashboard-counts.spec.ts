import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./helpers";

/** How many items the explorer lists on the page it opened, objectives or key results. */
async function listed(page: Page): Promise<number> {
  const lists = page.getByRole("list", { name: /^(Objectives found|Key results found)$/ });
  if ((await lists.count()) === 0) return 0;
  return lists.locator(":scope > li").count();
}

test("every count on the dashboard opens a list of exactly that many items", async ({ page }) => {
  test.slow();
  await signIn(page, demo.admin);
  await page.goto(`/${demo.org}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // Every link from the dashboard into the explorer carries the number it counts in its text.
  const links = await page.locator(`main a[href^="/${demo.org}/okrs?"]`).evaluateAll((anchors) =>
    anchors.map((anchor) => ({ href: anchor.getAttribute("href") ?? "", text: anchor.textContent?.trim() ?? "" })),
  );
  const counts = new Map<string, number>();
  for (const { href, text } of links) {
    const number = /\d+/.exec(text);
    expect(number, `a dashboard link into the explorer says how many: "${text}" → ${href}`).not.toBeNull();
    const count = Number(number?.[0]);
    // The same view linked twice counts the same.
    if (counts.has(href)) expect(counts.get(href), href).toBe(count);
    counts.set(href, count);
  }
  expect(counts.size).toBeGreaterThan(25);
  expect([...counts.keys()].some((href) => href.includes("show=key-results") && href.includes("status=at_risk"))).toBe(true);

  for (const [href, count] of counts) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: "OKRs" })).toBeVisible();
    const summary = page.getByRole("search").getByRole("status");
    await expect(summary, href).toHaveText(count === 0 ? /^No / : new RegExp(`^${count} `));
    expect(await listed(page), href).toBe(Math.min(count, 25));
  }
});
