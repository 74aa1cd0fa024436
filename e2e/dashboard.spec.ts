import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";
import { signUpThroughPages } from "./sign-up";

/** The charts load once scrolled near; axe and screenshots should see every one of them drawn. */
async function waitForCharts(page: Page) {
  const slots = page.locator("[data-when-visible]");
  for (const slot of await slots.all()) await slot.scrollIntoViewIfNeeded();
  await expect(page.locator('[data-when-visible="waiting"]')).toHaveCount(0);
  await expect(page.locator(".recharts-wrapper")).toHaveCount(await slots.count());
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Signs up a new organisation through the form and the emailed link, as its founder, and answers its slug. */
const signUpOrganisation = signUpThroughPages;

test.describe("leadership dashboard and weekly review", () => {
  // Long journeys with two axe scans each; a busy machine needs more than the default minute.
  test.slow();

  test("an admin follows an at-risk key result to its objective, then steps through the weekly review", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto(`/${demo.org}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Company progress" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Key results by status: On track: \d+/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /^Teams in / })).toBeVisible();
    await expect(page.getByRole("link", { name: "Manage cycles" })).toBeVisible();
    await waitForCharts(page);
    await expectNoAxeViolations(page);

    // Collapsing a department hides the teams below it.
    const teams = page.getByRole("table", { name: /^Teams in / });
    await expect(teams.getByRole("link", { name: "Marketing", exact: true })).toBeVisible();
    await teams.getByRole("button", { name: "Hide the teams in Commerce" }).click();
    await expect(teams.getByRole("link", { name: "Marketing", exact: true })).toBeHidden();
    await teams.getByRole("button", { name: "Show the teams in Commerce" }).click();
    await expect(teams.getByRole("link", { name: "Marketing", exact: true })).toBeVisible();

    const atRisk = page.locator("section").filter({ has: page.getByRole("heading", { name: /^At risk/ }) });
    const first = atRisk.getByRole("listitem").first().getByRole("link");
    const title = (await first.textContent())?.trim() ?? "";
    expect(title).not.toBe("");
    const href = (await first.getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/${demo.org}/okrs/[0-9a-f-]{36}#kr-[0-9a-f-]{36}$`));
    await first.click();
    await expect(page).toHaveURL((url) => url.pathname === href.split("#")[0] && url.hash === `#${href.split("#")[1]}`);
    const row = page.locator(`[id="${href.split("#")[1]}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(title);
    await expect(row).toContainText("At risk");

    await page.goto(`/${demo.org}/dashboard`);
    await page.getByRole("main").getByRole("link", { name: "Weekly review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
    const slides = page.locator("[data-review-deck] section[id^='slide-']");
    const total = await slides.count();
    expect(total).toBeGreaterThan(2);
    await expect(page.locator("#slide-1")).toBeVisible();
    await expectNoAxeViolations(page);

    const live = page.locator("[data-review-deck] [aria-live='polite']");
    for (let number = 2; number <= total; number++) {
      await page.keyboard.press("ArrowRight");
      await expect(page.locator(`#slide-${number}`)).toBeVisible();
      await expect(page.locator(`#slide-${number - 1}`)).toBeHidden();
      await expect(live).toHaveText(new RegExp(`^Slide ${number} of ${total}: `));
      await expect(page).toHaveURL(new RegExp(`#slide-${number}$`));
    }
    await expect(page.getByRole("button", { name: "Next slide" })).toBeDisabled();
    await expect(page.locator("[data-review-deck] .review-controls")).toContainText(`${total} / ${total}`);
    // Home goes back to the start; a deep link opens the slide it names.
    await page.keyboard.press("Home");
    await expect(page.locator("#slide-1")).toBeVisible();
    await page.goto(`/${demo.org}/review#slide-${total}`);
    await expect(page.locator(`#slide-${total}`)).toBeVisible();
  });

  test("a member reads the dashboard and the review without any admin action", async ({ page }) => {
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Manage cycles" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Manage teams" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create next cycle" })).toHaveCount(0);
    await waitForCharts(page);
    await expectNoAxeViolations(page);

    const csv = await page.request.get(`/api/orgs/${demo.org}/export`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="retning-nordlys-.+\.csv"$/);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain("Objective,Level,Team,Owner");

    await page.goto(`/${demo.org}/review`);
    await expect(page.locator("#slide-1")).toBeVisible();
    await expect(page.getByRole("button", { name: "Present" })).toBeVisible();
  });

  test("a new organisation's dashboard and review say what to do first", async ({ page }) => {
    const id = unique();
    const slug = await signUpOrganisation(page, { name: "Solveig Berg", email: `solveig-${id}@example.test`, password: "northern lights over tromso", organisation: `Polarkaffe ${id}` });

    await page.goto(`/${slug}/dashboard`);
    await expect(page.getByText(/^No objectives in .+ yet$/)).toBeVisible();
    await page.getByRole("button", { name: "Write the first company objective" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expectNoAxeViolations(page);

    await page.goto(`/${slug}/review`);
    await expect(page.getByText("Nothing to review yet")).toBeVisible();
  });

  test("a large organisation's team table carries the top level and opens each branch when asked", async ({ page }) => {
    const id = unique();
    const slug = await signUpOrganisation(page, { name: "Trond Vik", email: `trond-${id}@example.test`, password: "midnight sun over bodo", organisation: `Fjellnett ${id}` });
    const headers = { origin: new URL(page.url()).origin };
    const post = async (path: string, data: unknown) => {
      const response = await page.request.post(`/api/orgs/${slug}${path}`, { data, headers });
      expect(response.ok(), `${path} ${JSON.stringify(data)}: ${await response.text()}`).toBe(true);
      return response.json();
    };

    // Three divisions with nine teams each: 30 teams, past what the page carries in full.
    const divisions: Array<{ id: string; name: string }> = [];
    for (const name of ["Drift", "Salg", "Utvikling"]) divisions.push({ id: (await post("/teams", { name, parentTeamId: null, leadUserId: null })).team.id, name });
    const firstTeams: string[] = [];
    for (const division of divisions) {
      for (let n = 1; n <= 9; n++) {
        const team = (await post("/teams", { name: `${division.name} ${n}`, parentTeamId: division.id, leadUserId: null })).team;
        if (division === divisions[0]) firstTeams.push(team.id);
      }
    }
    const { cycles } = await (await page.request.get(`/api/orgs/${slug}/cycles`)).json();
    const { members } = await (await page.request.get(`/api/orgs/${slug}/members/options`)).json();
    await post("/objectives", { cycleId: cycles[0].id, level: "team", teamId: firstTeams[0], ownerUserId: members[0].id, title: "Keep the network up through the winter" });
    // The branch route names a bad team id as such.
    const bad = await page.request.get(`/api/orgs/${slug}/cycles/${cycles[0].id}/team-rows?parent=not-a-team`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("parent");

    await page.goto(`/${slug}/dashboard`);
    const table = page.getByRole("table", { name: /^Teams in / });
    await expect(table.getByRole("row")).toHaveCount(1 + 3);
    await expect(table.getByRole("link", { name: "Drift 1" })).toHaveCount(0);

    await table.getByRole("button", { name: "Show the teams in Drift" }).click();
    await expect(table.getByRole("link", { name: "Drift 1", exact: true })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(1 + 3 + 9);
    // The figures of the branch are the division's: one team objective, 0 % so far.
    await expect(table.getByRole("row", { name: /^Drift 1 / })).toContainText("0%");
    await table.getByRole("button", { name: "Hide the teams in Drift" }).click();
    await expect(table.getByRole("row")).toHaveCount(1 + 3);

    await page.getByRole("button", { name: "Expand all" }).click();
    await expect(table.getByRole("row")).toHaveCount(1 + 30);
    await expectNoAxeViolations(page);
  });
});
