import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectNoAxeViolations, unique } from "./helpers";
import { linkIn, mailTo } from "./mailbox";

/** A person of the demo organisation with a password of their own, joined through an invitation. */
async function newPerson(baseURL: string) {
  const email = `reset-${unique()}@example.test`;
  const password = "old harbour lights";
  const admin = await request.newContext({ baseURL });
  await admin.post("/api/session", { data: { email: demo.admin, password: DEMO_PASSWORD } });
  const { invitation } = await (await admin.post(`/api/orgs/${demo.org}/invitations`, { data: { email, role: "member" } })).json();
  await admin.dispose();
  const joining = await request.newContext({ baseURL });
  const joined = await joining.post(`/api/invitations/${invitation.url.split("/invite/")[1]}/sign-up`, { data: { name: "Reidun Reset", password } });
  expect(joined.ok(), await joined.text()).toBeTruthy();
  await joining.dispose();
  return { email, password };
}

test("forgot password: the emailed link sets a new password, the old one fails and other sessions end", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL");
  const person = await newPerson(baseURL);

  // Another browser is signed in as them.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await otherPage.getByLabel("Email").fill(person.email);
  await otherPage.getByLabel("Password").fill(person.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await otherPage.waitForURL(new RegExp(`/${demo.org}/`));

  // They forgot it: sign-in offers a way back.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${person.email} has a Retning account`);

  // The email carries a link built from APP_URL.
  const [mail] = await mailTo(person.email, /Reset your Retning password/);
  if (!mail) throw new Error("no mail");
  const link = linkIn(mail, "/reset-password/");
  expect(link.startsWith(`${baseURL}/reset-password/`)).toBeTruthy();
  expect(mail.html).toContain(link);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("new tide over the fjord");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await page.waitForURL(/\/sign-in\?/);
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await expect(page.getByLabel("Email")).toHaveValue(person.email);

  // The old password fails; the new one works.
  const api = await request.newContext({ baseURL });
  expect((await api.post("/api/session", { data: { email: person.email, password: person.password } })).status()).toBe(401);
  await api.dispose();
  await page.getByLabel("Password").fill("new tide over the fjord");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/${demo.org}/`));

  // The other browser's session has ended.
  await otherPage.reload();
  await otherPage.waitForURL(/\/sign-in/);
  await other.close();

  // The link was single-use.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
});

test("asking for a reset answers alike for any address, and too many requests meet 429", async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  const unknown = await api.post("/api/password-reset", { data: { email: `ghost-${unique()}@example.test` } });
  const known = await api.post("/api/password-reset", { data: { email: demo.member } });
  expect([unknown.status(), await unknown.json()]).toEqual([known.status(), await known.json()]);
  const email = `flood-${unique()}@example.test`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) statuses.push((await api.post("/api/password-reset", { data: { email } })).status());
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  // Production has a mail server and no development mailbox.
  expect((await api.get("/dev/mailbox")).status()).toBe(404);
  await api.dispose();
});
