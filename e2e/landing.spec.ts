import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

test.describe("landing page", () => {
  test("explains the product in English and leads to sign-up and sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set the direction. See the progress. Together.");
    await expect(page.getByRole("link", { name: "Start with a pilot team" })).toHaveAttribute("href", "/sign-up");
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toHaveAttribute("href", "/sign-in");
    await expect(page.getByRole("progressbar").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("switches to Norwegian Bokmål and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Language").selectOption("nb");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sett retningen. Se fremdriften. Sammen.");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await page.reload();
    await expect(page.getByRole("link", { name: "Start med et pilotteam" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("follows the browser's language on a first visit", async ({ browser }) => {
    const context = await browser.newContext({ locale: "nb-NO" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sett retningen. Se fremdriften. Sammen.");
    await context.close();
  });

  test("is readable in dark mode", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
