import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";

const ola = "ola@nordlys.example"; // Marketing's lead, a member by role
const people = { sofie: "Sofie Lie", emil: "Emil Johansen" };

test("a team lead cascades a team objective to two of their people; a member who does not lead is offered only themselves and refused by the API", async ({ page, browser, baseURL }) => {
  test.slow();
  const id = unique();
  const teamTitle = `Make Nordlys the shop people talk about ${id}`;

  // Ola writes a Marketing objective from the OKRs list.
  await signIn(page, ola);
  await page.goto(`/${demo.org}/okrs`);
  await page.getByRole("button", { name: "New objective" }).click();
  const form = page.getByRole("dialog");
  await form.getByRole("radio", { name: "Team" }).check();
  await form.getByLabel("Team", { exact: true }).selectOption({ label: "Marketing" });
  await form.getByLabel("Objective", { exact: true }).fill(teamTitle);
  await form.getByRole("button", { name: "Create objective" }).click();
  await expect(page.getByRole("heading", { level: 1, name: teamTitle })).toBeVisible();
  const teamUrl = page.url();
  const objectiveId = teamUrl.split("/").at(-1) ?? "";

  // He cascades it to Sofie and Emil, each with a title in their own words.
  await page.getByRole("button", { name: "Cascade to people" }).click();
  const cascade = page.getByRole("dialog", { name: "Cascade to people" });
  await expect(cascade.getByText("Each person you pick gets their own objective")).toBeVisible();
  await cascade.getByRole("checkbox", { name: new RegExp(people.sofie) }).check();
  await expect(cascade.getByLabel(`Title of the objective for ${people.sofie}`)).toHaveValue(teamTitle);
  await cascade.getByLabel(`Title of the objective for ${people.sofie}`).fill(`Write newsletters people forward ${id}`);
  await cascade.getByRole("checkbox", { name: new RegExp(people.emil) }).check();
  await cascade.getByLabel(`Title of the objective for ${people.emil}`).fill(`Post stories people share ${id}`);
  await expectNoAxeViolations(page);
  await cascade.getByRole("button", { name: "Create 2 objectives" }).click();
  await expect(cascade).toBeHidden();
  await expect(page.getByRole("heading", { name: "2 objectives aligned below" })).toBeVisible();
  const sofiesRow = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Write newsletters people forward ${id}` }) });
  await expect(sofiesRow).toContainText(people.sofie);

  // Emil, in the team but not its lead, may cascade only to himself.
  const emilContext = await browser.newContext();
  const emil = await emilContext.newPage();
  await signIn(emil, demo.member);
  await emil.goto(teamUrl);
  await emil.getByRole("button", { name: "Cascade to people" }).click();
  const offered = emil.getByRole("dialog", { name: "Cascade to people" });
  await expect(offered.getByRole("checkbox")).toHaveCount(1);
  await expect(offered.getByRole("checkbox", { name: new RegExp(people.emil) })).toBeDisabled(); // he already has one
  await expect(offered.getByRole("checkbox", { name: new RegExp(people.sofie) })).toHaveCount(0);
  await offered.getByRole("button", { name: "Cancel" }).click();

  // His new-objective dialog gives a personal objective to himself only.
  await emil.goto(`/${demo.org}/okrs`);
  await emil.getByRole("button", { name: "New objective" }).click();
  const own = emil.getByRole("dialog");
  await own.getByRole("radio", { name: "Individual" }).check();
  await expect(own.getByLabel("Owner", { exact: true })).toBeDisabled();
  await expect(own.getByLabel("Owner", { exact: true }).locator("option")).toHaveText([people.emil]);
  await own.getByRole("button", { name: "Cancel" }).click();

  // The API refuses him too, and writes nothing.
  const headers = { origin: new URL(baseURL ?? "").origin };
  const children = async () => ((await (await emil.request.get(`/api/orgs/${demo.org}/objectives/${objectiveId}/children`)).json()) as { children: unknown[] }).children.length;
  const before = await children();
  const { members } = (await (await emil.request.get(`/api/orgs/${demo.org}/members/options`)).json()) as { members: Array<{ id: string; name: string }> };
  const sofieId = members.find((member) => member.name === people.sofie)?.id;
  const refused = await emil.request.post(`/api/orgs/${demo.org}/objectives/${objectiveId}/cascade`, { data: { targets: [{ userId: sofieId, title: "Not his to give" }] }, headers });
  expect(refused.status()).toBe(403);
  const { cycles } = (await (await emil.request.get(`/api/orgs/${demo.org}/cycles`)).json()) as { cycles: Array<{ id: string; status: string }> };
  const active = cycles.find((cycle) => cycle.status === "active")?.id;
  const created = await emil.request.post(`/api/orgs/${demo.org}/objectives`, {
    data: { cycleId: active, level: "individual", ownerUserId: sofieId, title: "Not his to give either", parentObjectiveId: objectiveId },
    headers,
  });
  expect(created.status()).toBe(403);
  expect(await children()).toBe(before);
  await emilContext.close();
});
