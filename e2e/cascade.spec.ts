import { expect, request, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectNoAxeViolations, signIn, unique } from "./helpers";

async function addKeyResult(page: Page, values: { title: string; direction: string; unit?: string; unitLabel?: string; start?: string; target?: string }) {
  await page.getByRole("button", { name: "Add key result" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Key result", { exact: true }).fill(values.title);
  await dialog.getByRole("radio", { name: values.direction }).check();
  if (values.unit) await dialog.getByLabel("Unit", { exact: true }).selectOption(values.unit);
  if (values.unitLabel) await dialog.getByLabel("Unit name").fill(values.unitLabel);
  if (values.start !== undefined) await dialog.getByLabel("Start", { exact: true }).fill(values.start);
  if (values.target !== undefined) await dialog.getByLabel("Target", { exact: true }).fill(values.target);
  await dialog.getByRole("button", { name: "Add key result" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 3, name: values.title })).toBeVisible();
}

test("company goals cascade to teams and people, and the tree shows the chain", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const id = unique();
  const companyTitle = `Become the greenest shop in Norway ${id}`;

  // An admin writes a company objective with three key results.
  await signIn(page, demo.admin);
  await page.goto(`/${demo.org}/okrs/tree`);
  await page.getByRole("button", { name: "New objective" }).first().click();
  await page.getByRole("dialog").getByLabel("Objective", { exact: true }).fill(companyTitle);
  await page.getByRole("dialog").getByRole("radio", { name: "Company" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Create objective" }).click();
  await expect(page.getByRole("heading", { level: 1, name: companyTitle })).toBeVisible();
  const companyUrl = page.url();
  await addKeyResult(page, { title: `Ship half of all orders in recycled packaging ${id}`, direction: "Increase", unit: "percent", start: "10", target: "50" });
  await addKeyResult(page, { title: `Cut CO₂ per order from 1.2 to 0.8 kg ${id}`, direction: "Decrease", unit: "custom", unitLabel: "kg", start: "1.2", target: "0.8" });
  await addKeyResult(page, { title: `Publish our first climate report ${id}`, direction: "Milestone" });
  await expectNoAxeViolations(page);

  // …and cascades it to two teams, Marketing contributing to the packaging key result.
  await page.getByRole("button", { name: "Cascade to teams" }).click();
  const cascade = page.getByRole("dialog");
  await cascade.getByRole("checkbox", { name: /Marketing/ }).check();
  await cascade.getByLabel("What Marketing contributes to").selectOption({ label: `Ship half of all orders in recycled packaging ${id}` });
  // Each new objective is proposed in the company objective's words, and titled in the team's own.
  await expect(cascade.getByLabel("Title of the objective for Marketing")).toHaveValue(companyTitle);
  await cascade.getByLabel("Title of the objective for Marketing").fill(`Ship half of all orders in recycled packaging ${id}`);
  await cascade.getByRole("checkbox", { name: /Customer Service/ }).check();
  await cascade.getByRole("button", { name: "Create 2 objectives" }).click();
  await expect(cascade).toBeHidden();
  const below = page.getByRole("heading", { name: "2 objectives aligned below" });
  await expect(below).toBeVisible();
  const marketingLink = page.getByRole("link", { name: `Ship half of all orders in recycled packaging ${id}` });
  const marketingUrl = new URL((await marketingLink.getAttribute("href")) ?? "", baseURL).toString();

  // The team lead (Ola, a member) adds a key result to the cascaded team objective and checks in.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, "ola@nordlys.example");
  await lead.goto(marketingUrl);
  await expect(lead.getByText(`Contributes to: Ship half of all orders in recycled packaging ${id}`)).toBeVisible();
  await addKeyResult(lead, { title: `Run 4 campaigns about our packaging ${id}`, direction: "Increase", start: "0", target: "4" });
  // Its edit dialog loads the people when it opens, and still shows the key result's own owner.
  await lead.getByRole("button", { name: `Edit Run 4 campaigns about our packaging ${id}` }).click();
  const edit = lead.getByRole("dialog");
  await expect(edit.getByLabel("Owner", { exact: true }).locator("option:checked")).toHaveText("Ola Nordmann");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeHidden();
  await lead.getByRole("button", { name: `Check in on Run 4 campaigns about our packaging ${id}` }).click();
  const checkIn = lead.getByRole("dialog");
  await checkIn.getByLabel("New value").fill("2");
  await checkIn.getByText("On track").click();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn).toBeHidden();
  await expect(lead.getByText("50%").first()).toBeVisible();
  await leadContext.close();

  // A member of Marketing (Emil) writes a personal objective aligned to the team objective.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demo.member);
  await member.goto(`/${demo.org}/okrs/tree`);
  await member.getByRole("button", { name: "New objective" }).first().click();
  const form = member.getByRole("dialog");
  await expect(form.getByRole("radio", { name: "Company" })).toBeDisabled();
  await form.getByRole("radio", { name: "Individual" }).check();
  await form.getByLabel("Objective", { exact: true }).fill(`Tell our packaging story on Instagram ${id}`);
  await form.getByLabel("Aligned to").selectOption({ label: `Team: Ship half of all orders in recycled packaging ${id}` });
  await form.getByRole("button", { name: "Create objective" }).click();
  await expect(member.getByRole("heading", { level: 1, name: `Tell our packaging story on Instagram ${id}` })).toBeVisible();

  // The tree shows the chain, with the team objective's rolled-up progress.
  await member.getByRole("link", { name: /Q\d \d{4}/ }).first().click();
  const tree = member.getByRole("tree");
  await expect(tree.getByRole("treeitem", { name: new RegExp(`Tell our packaging story on Instagram ${id}`) })).toBeVisible();
  const teamItem = tree.getByRole("treeitem", { name: new RegExp(`Ship half of all orders in recycled packaging ${id}`) });
  await expect(teamItem).toContainText("50%");
  // The cascaded Customer Service objective carries the same title until its lead edits it: pick level 1.
  const companyItem = tree.locator('[role="treeitem"][aria-level="1"]', { hasText: companyTitle });
  await expect(companyItem).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(member);

  // Keyboard: from the company objective, Down moves to the next item.
  await companyItem.focus();
  await member.keyboard.press("ArrowDown");
  await expect(member.locator(":focus")).toHaveAttribute("role", "treeitem");

  // The member cannot edit the company objective: no edit control, and the API refuses.
  await member.goto(companyUrl);
  await expect(member.getByRole("heading", { level: 1, name: companyTitle })).toBeVisible();
  await expect(member.getByRole("button", { name: "Edit" })).toHaveCount(0);
  const api = await request.newContext({ baseURL });
  await api.post("/api/session", { data: { email: demo.member, password: DEMO_PASSWORD } });
  const objectiveId = companyUrl.split("/").at(-1);
  const refused = await api.patch(`/api/orgs/${demo.org}/objectives/${objectiveId}`, { data: { version: 1, title: "Mine now" } });
  expect(refused.status()).toBe(403);
  await api.dispose();
  await memberContext.close();
});
