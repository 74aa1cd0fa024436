import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./helpers";

const customerServiceGoal = "Give answers customers brag about";
const companyGoal = "Become the online shop Norwegians recommend to friends";

/** The explorer's results, in order: the titles of the objectives listed. */
async function resultTitles(page: Page): Promise<string[]> {
  const results = page.getByRole("list", { name: "Objectives found" }).locator(":scope > li > div > div > a");
  return (await results.allTextContents()).map((title) => title.trim());
}

const summary = (page: Page) => page.getByRole("search", { name: "Search and filter objectives" }).getByRole("status");

test.describe("transparency: everyone's goals, for everyone", () => {
  test.slow();

  test("a member finds another team's objective, follows its alignment, and shares the view", async ({ page, browser }) => {
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/okrs`);
    await expect(page.getByRole("heading", { level: 1, name: "OKRs" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tree" })).toHaveAttribute("href", `/${demo.org}/okrs/tree`);
    await expectNoAxeViolations(page);

    // A Norwegian word from the Customer Service objective's description, typed as a prefix.
    await page.getByRole("searchbox", { name: "Search" }).fill("kunde");
    await expect(page).toHaveURL(/[?&]q=kunde(&|$)/);
    await expect(summary(page)).toHaveText(/\d+ objectives? match/);
    expect(await resultTitles(page)).toContain(customerServiceGoal);

    // Narrowed to that team (its sub-teams included), the objective is still there.
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Customer Service" });
    await expect(page).toHaveURL(/[?&]team=[0-9a-f-]{36}/);
    await expect(page).toHaveURL(/[?&]q=kunde/);
    await expect.poll(() => resultTitles(page)).toEqual([customerServiceGoal]);
    await expect(summary(page)).toHaveText("1 objective matches");
    const shared = page.url();
    await expectNoAxeViolations(page);

    // A colleague's objective, and its alignment up to the company goal.
    await page.getByRole("link", { name: customerServiceGoal }).click();
    await expect(page.getByRole("heading", { level: 1, name: customerServiceGoal })).toBeVisible();
    const chain = page.getByRole("navigation", { name: "Alignment chain" });
    await chain.getByRole("link", { name: companyGoal }).click();
    await expect(page.getByRole("heading", { level: 1, name: companyGoal })).toBeVisible();

    // The shared link opens the same view for another member, in a fresh browser.
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, "sofie@nordlys.example");
    await other.goto(shared);
    await expect(other.getByRole("searchbox", { name: "Search" })).toHaveValue("kunde");
    await expect(other.getByLabel("Team", { exact: true })).toHaveValue(new URL(shared).searchParams.get("team") ?? "");
    await expect(summary(other)).toHaveText("1 objective matches");
    await expect.poll(() => resultTitles(other)).toEqual([customerServiceGoal]);
    await context.close();
  });

  test("clearing filters shows every objective again; people and their pages are open to all", async ({ page }) => {
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/okrs?status=off_track`);
    await expect(summary(page)).toHaveText(/objectives? match/);
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(new RegExp(`/${demo.org}/okrs$`));
    await expect(summary(page)).toHaveText(/^\d+ objectives in /);

    await page.goto(`/${demo.org}/people`);
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill("nora");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("status")).toHaveText("1 person matches");
    await page.getByRole("link", { name: "Nora Kristiansen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Nora Kristiansen/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Objectives in / })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recent check-ins" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Customer Service" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Someone who is not a member of this organisation has no page here.
    const response = await page.goto(`/${demo.org}/people/00000000-0000-4000-8000-000000000000`);
    expect(response?.status()).toBe(404);
  });
});
