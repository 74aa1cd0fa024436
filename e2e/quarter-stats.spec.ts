import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, unique } from "./helpers";
import { signUpThroughPages } from "./sign-up";

/** Scrolls the quarter chart into view and waits until it is drawn, so axe sees the finished card. */
async function quarterCard(page: Page) {
  const card = page.getByTestId("quarter-stats");
  await expect(card.getByRole("heading", { name: "Quarter by quarter" })).toBeVisible();
  const slot = card.locator("[data-when-visible]");
  await slot.scrollIntoViewIfNeeded();
  await expect(card.locator(".recharts-wrapper")).toHaveCount(1);
  return card;
}

test.describe("quarter statistics", () => {
  // A sign-up, a dozen writes and three pages with axe: more than the default minute on a busy machine.
  test.slow();

  test("closing a cycle with known scores shows its figures on the dashboard, a team page and a person page, and as a CSV", async ({ page }) => {
    const id = unique();
    const slug = await signUpThroughPages(page, { name: "Ragnhild Aas", email: `ragnhild-${id}@example.test`, password: "aurora over lofoten", organisation: `Havbris ${id}` });
    const headers = { origin: new URL(page.url()).origin };
    const post = async (path: string, data: unknown) => {
      const response = await page.request.post(`/api/orgs/${slug}${path}`, { data, headers });
      expect(response.ok(), `${path} ${JSON.stringify(data)}: ${await response.text()}`).toBe(true);
      return response.json();
    };

    // Before any cycle is closed, the card says what to do next.
    await page.goto(`/${slug}/dashboard`);
    const { cycles } = await (await page.request.get(`/api/orgs/${slug}/cycles`)).json();
    const cycle = cycles.find((candidate: { status: string }) => candidate.status === "active");
    const { members } = await (await page.request.get(`/api/orgs/${slug}/members/options`)).json();
    const me: string = members[0].id;
    const team = (await post("/teams", { name: "Kundeservice", parentTeamId: null, leadUserId: null })).team;

    // Grow: checked in at its target (score 1.0). Delight: never checked in (0.0). Answer: the team's, checked in at 80 % (0.8).
    const objective = async (title: string, extra: object = {}) => (await post("/objectives", { cycleId: cycle.id, level: "company", ownerUserId: me, title, ...extra })).objective.id;
    const keyResult = async (objectiveId: string) => (await post(`/objectives/${objectiveId}/key-results`, { title: "Reach ten from nothing", targetValue: "10", ownerUserId: me })).keyResult.id;
    const grow = await keyResult(await objective("Grow"));
    await keyResult(await objective("Delight"));
    const answer = await keyResult(await objective("Answer every customer within a day", { level: "team", teamId: team.id }));
    await post(`/key-results/${grow}/check-ins`, { value: "10", confidence: "on_track", note: "" });
    await post(`/key-results/${answer}/check-ins`, { value: "8", confidence: "on_track", note: "" });

    await page.goto(`/${slug}/dashboard`);
    await expect(page.getByText("Statistics appear when a cycle is closed")).toBeVisible();
    await expect(page.getByRole("link", { name: "Manage cycles" }).first()).toBeVisible();

    await post(`/cycles/${cycle.id}/close`, {});

    // The organisation: 3 objectives, (1.0 + 0 + 0.8) / 3 = 0.6, two of three at 0.7 or more, and
    // two of the three key results checked in during the one week they lived in.
    await page.goto(`/${slug}/dashboard`);
    let card = await quarterCard(page);
    await expect(card.getByTestId("quarter-summary")).toHaveText(`${cycle.name}: average score 0.6, 67% of 3 objectives at 0.7 or more, check-ins in 67% of key-result weeks.`);
    await card.getByText("Show as a table").click();
    const row = card.getByRole("table", { name: "Quarter statistics" }).getByRole("row", { name: new RegExp(`^${cycle.name} `) });
    await expect(row.getByRole("cell")).toHaveText(["3", "0.6", "67%", "67%", "0"]);
    await expectNoAxeViolations(page);

    // The CSV of the same figures.
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`retning-${slug}-quarters.csv`);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "Cycle,Start,End,Objectives,Average score,Share at 0.7 or more (%),Check-in rate (%),Key-result weeks,Weeks with a check-in,Carried over",
      `${cycle.name},${cycle.startDate},${cycle.endDate},3,0.6,67,67,3,2,0`,
      "",
    ]);

    // The team: its own objective only.
    await page.goto(`/${slug}/teams/${team.id}`);
    card = await quarterCard(page);
    await expect(card.getByTestId("quarter-summary")).toHaveText(`${cycle.name}: average score 0.8, 100% of 1 objective at 0.7 or more, check-ins in 100% of key-result weeks.`);
    await expectNoAxeViolations(page);
    const teamCsv = await page.request.get(`/api/orgs/${slug}/export?kind=quarters&team=${team.id}`);
    expect(teamCsv.headers()["content-disposition"]).toBe(`attachment; filename="retning-${slug}-quarters-kundeservice.csv"`);
    expect(await teamCsv.text()).toContain(`${cycle.name},${cycle.startDate},${cycle.endDate},1,0.8,100,100,1,1,0`);

    // The person: everything she owns, which here is all three.
    await page.goto(`/${slug}/people/${me}`);
    card = await quarterCard(page);
    await expect(card.getByTestId("quarter-summary")).toHaveText(`${cycle.name}: average score 0.6, 67% of 3 objectives at 0.7 or more, check-ins in 67% of key-result weeks.`);
    await expectNoAxeViolations(page);

    // A team and a person at once is a bad request, not a guess.
    expect((await page.request.get(`/api/orgs/${slug}/export?kind=quarters&team=${team.id}&person=${me}`)).status()).toBe(400);
  });
});
