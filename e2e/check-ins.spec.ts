import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectNoAxeViolations, signIn, unique } from "./helpers";
import { signUpConfirmed } from "./sign-up";

/** "3 still to do this week" at the top of My week, or 0 when all is caught up. */
async function owedOnPage(page: Page): Promise<number> {
  const heading = page.getByRole("heading", { level: 2, name: /still to do this week$/ });
  const caughtUp = page.getByText("All caught up");
  await expect(heading.or(caughtUp)).toBeVisible();
  if (await caughtUp.isVisible()) return 0;
  return Number((await heading.textContent())?.match(/^(\d+)/)?.[1]);
}

/** Titles of the key results in one section of My week ("still to do" or "done this week"). */
async function titlesIn(page: Page, section: RegExp): Promise<string[]> {
  const region = page.getByRole("region", { name: section });
  if ((await region.count()) === 0) return [];
  return region.getByRole("heading", { level: 4 }).allTextContents();
}

test.describe("My week", () => {
  test("a member checks in on three key results at once, sees the count drop and the new point in the history", async ({ page, browser }) => {
    // A long journey: two sign-ins, three pages and two accessibility scans.
    test.slow();
    await signIn(page, demo.member);
    await page.getByRole("banner").getByRole("link", { name: /^Check in/ }).click();
    await expect(page).toHaveURL(new RegExp(`/${demo.org}/check-ins$`));
    await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();

    const owedBefore = await owedOnPage(page);
    const owedTitles = await titlesIn(page, /still to do this week$/);
    const doneTitles = await titlesIn(page, /^Done this week/);
    expect(owedTitles).toHaveLength(owedBefore);
    // Owed ones first, so the count must drop; done ones fill up to three (a second run in the same week).
    const chosen = [...owedTitles, ...doneTitles].slice(0, 3);
    expect(chosen).toHaveLength(3);
    const owedChosen = chosen.filter((title) => owedTitles.includes(title)).length;

    const run = unique();
    const confidences = ["On track", "At risk", "Off track"];
    const objectiveLinks: string[] = [];
    for (const [index, title] of chosen.entries()) {
      const row = page.getByRole("group", { name: title, exact: true });
      objectiveLinks.push(
        (await page.getByRole("article").filter({ has: row }).getByRole("link").first().getAttribute("href")) ?? "",
      );
      if (!owedTitles.includes(title)) await page.getByRole("button", { name: `Update again: ${title}` }).click();
      const value = row.getByLabel("New value");
      await value.fill(String(Number(await value.inputValue()) + 1));
      await row.getByRole("group", { name: "Confidence" }).getByText(confidences[index] ?? "On track", { exact: true }).click();
      await row.getByLabel("Note (optional)").fill(`Week note ${run} ${index}`);
    }
    await expect(page.getByText("3 key results changed")).toBeVisible();
    await page.getByRole("button", { name: "Save 3 check-ins" }).click();

    await expect(page.getByText("3 check-ins saved", { exact: true })).toBeVisible();
    const owedAfter = owedBefore - owedChosen;
    if (owedAfter > 0) await expect(page.getByRole("heading", { level: 2, name: `${owedAfter} still to do this week` })).toBeVisible();
    else await expect(page.getByText("All caught up")).toBeVisible();
    const header = page.getByRole("banner").getByRole("link", { name: /^Check in/ });
    await expect(header).toHaveText(owedAfter > 0 ? `Check in · ${owedAfter}` : "Check in");
    await expect(page.getByRole("group", { name: chosen[0] ?? "", exact: true }).getByText("Done this week")).toBeVisible();
    await expectNoAxeViolations(page);

    // The first key result's history shows the new check-in in its table.
    const [title] = chosen;
    await page.goto(objectiveLinks[0] ?? "");
    // The objective's feed tells the check-in, with its note.
    await expect(page.getByText(`“Week note ${run} 0”`)).toBeVisible();
    const historyResponse = page.waitForResponse((response) => /\/key-results\/[^/]+\/history$/.test(new URL(response.url()).pathname));
    await page.getByRole("button", { name: `History of ${title}` }).click();
    const dialog = page.getByRole("dialog", { name: "History" });
    const keyResultPath = new URL((await historyResponse).url()).pathname;
    await dialog.getByText("Show as table").click();
    const newest = dialog.getByRole("table").getByRole("row").nth(1);
    await expect(newest).toContainText(`Week note ${run} 0`);
    await expect(newest).toContainText("On track");
    await expect(newest).toContainText("Emil Johansen");
    await expectNoAxeViolations(page);

    // Someone of another organisation cannot read it, neither through Nordlys nor through their own organisation.
    const stranger = await browser.newContext();
    const theirSlug = await signUpConfirmed(stranger.request, { name: "Stranger", email: `stranger-${run}@example.test`, password: DEMO_PASSWORD, organisation: `Elsewhere ${run}` });
    expect((await stranger.request.get(keyResultPath)).status()).toBe(404);
    expect((await stranger.request.get(keyResultPath.replace(`/api/orgs/${demo.org}/`, `/api/orgs/${theirSlug}/`))).status()).toBe(404);
    await stranger.close();
  });

  test("names the row a rejected entry belongs to and saves nothing", async ({ page }) => {
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/check-ins`);
    const owedBefore = await owedOnPage(page);
    const [first, second] = [...(await titlesIn(page, /still to do this week$/)), ...(await titlesIn(page, /^Done this week/))];
    for (const title of [first, second]) {
      if (!title) continue;
      const update = page.getByRole("button", { name: `Update again: ${title}` });
      if (await update.isVisible()) await update.click();
    }
    const good = page.getByRole("group", { name: first ?? "", exact: true });
    await good.getByLabel("New value").fill("1");
    const bad = page.getByRole("group", { name: second ?? "", exact: true });
    await bad.getByLabel("New value").fill("lots");
    await page.getByRole("button", { name: "Save 2 check-ins" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(bad.getByLabel("New value")).toBeFocused();
    await expect(bad.getByLabel("New value")).toHaveAttribute("aria-invalid", "true");
    await expect(good.getByLabel("New value")).not.toHaveAttribute("aria-invalid", "true");
    await page.reload();
    expect(await owedOnPage(page)).toBe(owedBefore);
  });
});
