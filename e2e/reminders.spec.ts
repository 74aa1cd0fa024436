import { expect, request, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectNoAxeViolations, unique } from "./helpers";
import { caughtMail, mailTo } from "./mailbox";

async function ok(response: Promise<APIResponse>) {
  const result = await response;
  expect(result.ok(), await result.text()).toBeTruthy();
  return result.json();
}

/** Someone invited into `slug` who creates their account on the way in; their own API session. */
async function invite(admin: APIRequestContext, baseURL: string, slug: string, name: string) {
  const email = `${name.toLowerCase()}-${unique()}@example.test`;
  const { invitation } = await ok(admin.post(`/api/orgs/${slug}/invitations`, { data: { email, role: "member" } }));
  const person = await request.newContext({ baseURL });
  await ok(person.post(`/api/invitations/${invitation.url.split("/invite/")[1]}/sign-up`, { data: { name, password: "weekly rhythm works" } }));
  return { email, name, api: person };
}

test("an admin sends this week's reminders now, and exactly the people who owe check-ins get one", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL");
  // A fresh organisation of the demo admin: three people, two of whom owe check-ins.
  const admin = await request.newContext({ baseURL });
  await ok(admin.post("/api/session", { data: { email: demo.admin, password: DEMO_PASSWORD } }));
  const { organisation } = await ok(admin.post("/api/orgs", { data: { name: `Rhythm ${unique()}` } }));
  const slug: string = organisation.slug;
  const owes = await invite(admin, baseURL, slug, "Owes");
  const alsoOwes = await invite(admin, baseURL, slug, "Also");
  const caughtUp = await invite(admin, baseURL, slug, "Caught");
  const { items } = await ok(admin.get(`/api/orgs/${slug}/members`));
  const idOf = (email: string) => items.find((member: { email: string; userId: string }) => member.email === email).userId;
  const { cycles } = await ok(admin.get(`/api/orgs/${slug}/cycles`));
  const cycleId = cycles.find((cycle: { status: string }) => cycle.status === "active").id;
  const { objective } = await ok(admin.post(`/api/orgs/${slug}/objectives`, { data: { cycleId, level: "company", ownerUserId: idOf(demo.admin), title: "Customers love us" } }));
  const keyResult = async (owner: string, title: string) =>
    (await ok(admin.post(`/api/orgs/${slug}/objectives/${objective.id}/key-results`, { data: { title, targetValue: "10", ownerUserId: idOf(owner) } }))).keyResult;
  await keyResult(owes.email, "Answer 10 reviews");
  await keyResult(alsoOwes.email, "Publish 10 guides");
  const done = await keyResult(caughtUp.email, "Run 10 interviews");
  // The admin owns the objective, so reports on all three: they check in on all of them.
  await ok(caughtUp.api.post(`/api/orgs/${slug}/key-results/${done.id}/check-ins`, { data: { value: "3", confidence: "on_track", note: "" } }));

  // The button, in settings.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto(`/${slug}/settings/notifications`);
  await expect(page.getByRole("heading", { name: "The weekly rhythm" })).toBeVisible();
  await expectNoAxeViolations(page);
  const mailBefore = caughtMail().length;
  await page.getByRole("button", { name: "Send this week's reminders now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "reminders sent" })).toHaveText("3 reminders sent.");

  const [toOwes] = await mailTo(owes.email, /check-ins? waiting/);
  expect(toOwes?.text).toContain("Answer 10 reviews");
  expect(toOwes?.text).not.toContain("Publish 10 guides");
  expect(toOwes?.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${baseURL}/api/unsubscribe/`));
  expect(toOwes?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  await mailTo(alsoOwes.email, /check-ins? waiting/);
  const [toAdmin] = await mailTo(demo.admin, /2 check-ins waiting/);
  expect(toAdmin?.text).toContain("Publish 10 guides");
  expect(toAdmin?.text).not.toContain("Run 10 interviews");

  // Pressing again sends nothing new: one reminder per person per week.
  await page.getByRole("button", { name: "Send this week's reminders now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No new reminders" })).toHaveText("No new reminders; 3 people already had this week's.");
  await page.waitForTimeout(3000);
  const reminders = caughtMail()
    .slice(mailBefore)
    .filter((mail) => /waiting in/.test(mail.subject));
  expect(reminders.map((mail) => mail.to).sort()).toEqual([owes.email, alsoOwes.email, demo.admin].sort());
  expect(caughtMail().some((mail) => mail.to === caughtUp.email && /waiting in/.test(mail.subject))).toBe(false);

  // The footer link works signed out and turns reminders off.
  const unsubscribe = toOwes?.text.match(/https?:\/\/\S+\/unsubscribe\/[^\s\])]+/)?.[0] ?? "";
  const stranger = await page.context().browser()?.newContext();
  if (!stranger) throw new Error("browser");
  const theirs = await stranger.newPage();
  await theirs.goto(unsubscribe);
  await expect(theirs.getByRole("heading", { level: 1, name: "Stop these emails" })).toBeVisible();
  await expectNoAxeViolations(theirs);
  await theirs.getByRole("button", { name: "Stop these emails" }).click();
  await expect(theirs.getByRole("status")).toContainText("no more check-in reminders");
  await stranger.close();
  await Promise.all([admin.dispose(), owes.api.dispose(), alsoOwes.api.dispose(), caughtUp.api.dispose()]);
});
