import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, unique } from "./helpers";
import { signUpConfirmed } from "./sign-up";

interface Cycle {
  id: string;
  name: string;
  status: string;
}

async function cyclesOf(page: Page, slug: string): Promise<Cycle[]> {
  return ((await (await page.request.get(`/api/orgs/${slug}/cycles`)).json()) as { cycles: Cycle[] }).cycles;
}

test("close a quarter and carry two objectives into the next; the objective page shows the chain of quarters", async ({ page, baseURL }) => {
  test.slow();
  const run = unique();
  const slug = await signUpConfirmed(page.request, { name: "Kari Nordmann", email: `carry-${run}@example.test`, password: "correct horse battery staple", organisation: `Carry ${run}` });
  const headers = { origin: new URL(baseURL ?? "").origin };
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const response = await page.request.post(`/api/orgs/${slug}${path}`, { data, headers });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as T;
  };

  // A quarter with three objectives, each with a key result that has moved.
  const [quarter] = await cyclesOf(page, slug);
  if (!quarter) throw new Error("sign-up made no cycle");
  const { members } = (await (await page.request.get(`/api/orgs/${slug}/members/options`)).json()) as { members: Array<{ id: string }> };
  const me = members[0]?.id;
  const titles = { grow: `Become the shop people recommend ${run}`, ship: `Ship the new checkout ${run}`, done: `Move to the new warehouse ${run}` };
  const objectiveOf = async (title: string, kr: { title: string; startValue: string; targetValue: string }, value: string) => {
    const { objective } = await post<{ objective: { id: string } }>("/objectives", { cycleId: quarter.id, level: "company", ownerUserId: me, title });
    const { keyResult } = await post<{ keyResult: { id: string } }>(`/objectives/${objective.id}/key-results`, { ...kr, ownerUserId: me });
    await post(`/key-results/${keyResult.id}/check-ins`, { value, confidence: "on_track", note: "" });
    return objective.id;
  };
  const growId = await objectiveOf(titles.grow, { title: "Grow NPS from 30 to 50", startValue: "30", targetValue: "50" }, "42");
  await objectiveOf(titles.ship, { title: "Move 10 payment flows to the new checkout", startValue: "0", targetValue: "10" }, "4");
  await objectiveOf(titles.done, { title: "Move 3 stock rooms", startValue: "0", targetValue: "3" }, "3");

  // Plan the next quarter and close this one, in Settings › Cycles.
  await page.goto(`/${slug}/settings/cycles`);
  await page.getByRole("button", { name: "Create next cycle" }).click();
  await expect.poll(async () => (await cyclesOf(page, slug)).length).toBe(2);
  const next = (await cyclesOf(page, slug)).find((cycle) => cycle.id !== quarter.id);
  if (!next) throw new Error("no next cycle");
  await page.getByRole("button", { name: `Close ${quarter.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Close cycle" }).click();
  await expect(page.getByRole("link", { name: `Carry over objectives of ${quarter.name}` })).toBeVisible();

  // From the closed quarter: carry two objectives, leave the third behind as done.
  await page.getByRole("link", { name: `Carry over objectives of ${quarter.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Carry over from ${quarter.name} into ${next.name}` })).toBeVisible();
  const choose = (title: string, choice: string) => page.getByRole("group", { name: `What happens to “${title}”` }).getByRole("radio", { name: choice }).check();
  await choose(titles.grow, "Carry over");
  await choose(titles.ship, "Carry over");
  await choose(titles.done, "Done");
  // The key result starts where it ended; its target is raised before saving.
  await expect(page.getByText("Starts at 42 (ended at 42)")).toBeVisible();
  await page.getByLabel("Target for “Grow NPS from 30 to 50”").fill("60");
  const summary = page.getByRole("complementary", { name: "Summary" });
  await expect(summary).toContainText("2 objectives to carry");
  await expect(summary).toContainText("1 done");
  // A key result can stay behind: its target is then not editable, and the summary counts it out.
  const carryShipKr = page.getByRole("checkbox", { name: "Carry this key result: “Move 10 payment flows to the new checkout”" });
  await carryShipKr.uncheck();
  await expect(page.getByLabel("Target for “Move 10 payment flows to the new checkout”")).toBeDisabled();
  await expect(summary).toContainText("with 1 key result");
  await carryShipKr.check();
  await expect(summary).toContainText("with 2 key results");
  await expectNoAxeViolations(page);
  await summary.getByRole("button", { name: `Carry into ${next.name}` }).click();
  await expect(page.getByRole("group", { name: `What happens to “${titles.grow}”` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Carried to ${next.name}` })).toHaveCount(2);
  // "Done" stays as chosen; nothing is recorded for it.
  await expect(page.getByRole("group", { name: `What happens to “${titles.done}”` }).getByRole("radio", { name: "Done" })).toBeChecked();

  // Carrying the same objective again is refused, and writes nothing.
  const again = await page.request.post(`/api/orgs/${slug}/cycles/${quarter.id}/carry-over`, { data: { toCycleId: next.id, items: [{ objectiveId: growId }] }, headers });
  expect(again.status()).toBe(409);

  // The carried objective lives in the next quarter, says where it came from, and shows the chain.
  await page.getByRole("link", { name: `Carried to ${next.name}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: titles.grow })).toBeVisible();
  await expect(page.getByRole("link", { name: `Carried from ${quarter.name}` })).toBeVisible();
  await expect(page.getByText(`Kari Nordmann carried the objective over from ${quarter.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Grow NPS from 30 to 50" })).toBeVisible();
  await expect(page.getByText("42 · 42 → 60")).toBeVisible();
  const chain = page.getByRole("list").filter({ has: page.getByText(`Score 0.6`) });
  await expect(chain.getByRole("listitem")).toHaveCount(2);
  await expect(chain.locator('[aria-current="page"]')).toContainText(next.name);
  await expectNoAxeViolations(page);

  // Back to the closed quarter along the chain: the same chain, and the old objective untouched.
  await chain.getByRole("link", { name: new RegExp(quarter.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/okrs/${growId}$`));
  await expect(page.getByText("42 · 30 → 50")).toBeVisible();
  await expect(page.getByRole("link", { name: `Carried to ${next.name}` })).toBeVisible();
  await expect(page.getByRole("list").filter({ has: page.getByText(`Score 0.6`) }).locator('[aria-current="page"]')).toContainText(quarter.name);
});
