import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";

/**
 * Nothing on the page is wider than the phone's screen: no sideways scrolling. A mobile browser
 * widens its layout viewport (innerWidth) to fit content that overflows, so the screen's own
 * width is checked too.
 */
async function expectNoOverflow(page: Page) {
  const widths = await page.evaluate(() => ({ content: document.scrollingElement?.scrollWidth ?? 0, inner: window.innerWidth }));
  const screen = page.viewportSize()?.width ?? 0;
  expect(widths.content, "page wider than its viewport").toBeLessThanOrEqual(widths.inner);
  expect(widths.inner, "layout viewport widened past the screen").toBeLessThanOrEqual(screen);
}

/** The element lies within the screen's width, so it can be reached without scrolling sideways. */
async function expectWithinWidth(page: Page, selector: ReturnType<Page["locator"]>) {
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, "element is laid out").not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
}

/** The first row of My week that takes a value, opened for editing if it was done this week. */
async function firstNumberRow(page: Page) {
  const rows = page.locator('[role="group"][id$="-row"]').filter({ has: page.getByLabel("New value").or(page.getByRole("button", { name: /^Update again/ })) });
  for (const row of await rows.all()) {
    const again = row.getByRole("button", { name: /^Update again/ });
    if (await again.isVisible()) await again.click();
    if (await row.getByLabel("New value").isVisible()) return row;
  }
  throw new Error("no key result with a number on My week");
}

test.describe("on a phone", () => {
  test.slow();

  test("My week is one tap from the header, and a check-in is entered and saved without scrolling sideways", async ({ page }) => {
    await signIn(page, "sofie@nordlys.example");
    await page.goto(`/${demo.org}/dashboard`);
    const checkIn = page.getByRole("banner").getByRole("link", { name: /^Check in/ });
    await expect(checkIn).toBeVisible();
    await expectWithinWidth(page, checkIn);
    await checkIn.click();
    await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
    await expectNoOverflow(page);

    const row = await firstNumberRow(page);
    const value = row.getByLabel("New value");
    await value.scrollIntoViewIfNeeded();
    await expectWithinWidth(page, value);
    await expectWithinWidth(page, row.getByLabel("Note (optional)"));
    await value.fill(String(Number(await value.inputValue()) + 1));
    await row.getByRole("group", { name: "Confidence" }).getByText("On track", { exact: true }).click();
    await row.getByLabel("Note (optional)").fill(`From the bus ${unique()}`);
    await expectWithinWidth(page, page.getByRole("button", { name: "Save 1 check-in" }));
    await page.getByRole("button", { name: "Save 1 check-in" }).click();
    await expect(page.getByText("1 check-in saved", { exact: true })).toBeVisible();
    await expectNoOverflow(page);
    await expectNoAxeViolations(page);
  });

  test("a check-in typed while the connection drops is kept on the device and sent when it returns", async ({ page, context }) => {
    await signIn(page, "henrik@nordlys.example");
    await page.goto(`/${demo.org}/check-ins`);
    const run = unique();
    const idOf = async (row: ReturnType<Page["locator"]>) => ((await row.getAttribute("id")) ?? "").replace(/^kr-/, "").replace(/-row$/, "");
    const historyOf = async (keyResultId: string) => {
      const response = await context.request.get(`/api/orgs/${demo.org}/key-results/${keyResultId}/history`);
      return JSON.stringify(await response.json());
    };

    // The network goes away in the middle of the entry; saving keeps it on the device.
    const row = await firstNumberRow(page);
    const firstId = await idOf(row);
    const value = row.getByLabel("New value");
    await value.fill(String(Number(await value.inputValue()) + 2));
    await context.setOffline(true);
    await expect(page.getByText("You are offline. What you type is kept on this device.")).toBeVisible();
    await row.getByRole("group", { name: "Confidence" }).getByText("At risk", { exact: true }).click();
    await row.getByLabel("Note (optional)").fill(`Typed on the train ${run}`);
    await page.getByRole("button", { name: "Save 1 check-in" }).click();
    await expect(page.getByText("Saved on this device: it will be sent when you are back online.")).toBeVisible();
    await expect(row.getByLabel("Note (optional)")).toHaveValue(`Typed on the train ${run}`);
    await expectNoOverflow(page);

    // Back online, it is sent by itself.
    await context.setOffline(false);
    await expect(page.getByText("1 check-in saved", { exact: true })).toBeVisible();
    await expect.poll(() => historyOf(firstId)).toContain(`Typed on the train ${run}`);

    // Saved offline and the page closed before the connection came back: the next visit sends it.
    await page.reload();
    const second = await firstNumberRow(page);
    const secondId = await idOf(second);
    await second.getByLabel("Note (optional)").fill(`Typed in the tunnel ${run}`);
    await second.getByRole("group", { name: "Confidence" }).getByText("On track", { exact: true }).click();
    await context.setOffline(true);
    await page.getByRole("button", { name: /^Save \d check-ins?$/ }).click();
    await expect(page.getByText("Saved on this device: it will be sent when you are back online.")).toBeVisible();
    const reopened = await context.newPage();
    await page.close();
    await context.setOffline(false);
    await reopened.goto(`/${demo.org}/check-ins`);
    await expect(reopened.getByText(/^\d check-ins? saved$/)).toBeVisible();
    await expect.poll(() => historyOf(secondId)).toContain(`Typed in the tunnel ${run}`);
  });

  test("the dashboard fits the screen: teams stack, and a count opens its list", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto(`/${demo.org}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expectNoOverflow(page);
    const teams = page.getByRole("list", { name: /^Teams in / });
    await expect(teams).toBeVisible();
    await expect(page.getByRole("table", { name: /^Teams in / })).toBeHidden();
    await expectWithinWidth(page, teams.getByRole("link", { name: "Marketing", exact: true }));
    await expectNoAxeViolations(page);

    // The legend's "At risk" count (the team rows' links name a team as well).
    await page.locator('main a[href*="show=key-results&status=at_risk"]').first().click();
    await expect(page).toHaveURL(/show=key-results/);
    await expect(page.getByRole("list", { name: "Key results found" }).getByRole("listitem").first()).toBeVisible();
    await expectNoOverflow(page);
  });

  test("the explorer keeps its filters behind one button, and key-result titles wrap whole", async ({ page }) => {
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/okrs`);
    await expect(page.getByRole("heading", { level: 1, name: "OKRs" })).toBeVisible();
    await expectNoOverflow(page);
    const filters = page.getByRole("button", { name: /^Filters/ });
    await expect(filters).toBeVisible();
    await expect(page.getByLabel("Level", { exact: true })).toBeHidden();
    // The first result shows on the first screen.
    const results = page.getByRole("list", { name: "Objectives found" });
    await expect(results.locator(":scope > li").first()).toBeInViewport();

    await filters.click();
    await page.getByLabel("Status", { exact: true }).selectOption("on_track");
    await expect(page).toHaveURL(/status=on_track/);
    await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
    // Key result lines show their whole title: nothing is cut at the edge.
    const clipped = await results.locator("li li span").evaluateAll((spans) => spans.filter((span) => span.scrollWidth > span.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await expectNoOverflow(page);
    await expectNoAxeViolations(page);
  });
});
