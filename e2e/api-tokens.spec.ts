import { expect, request, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";
import { signUpConfirmed } from "./sign-up";

/**
 * Issue 17's first promise: a person makes a token in the UI, and a script with it reads the
 * organisation's objectives, posts a check-in that shows on the objective page, reaches no other
 * organisation, and stops the moment the token is revoked.
 */
test("a token made in the account settings lets a script read and check in, in its organisation only, until it is revoked", async ({ page, baseURL }) => {
  test.slow();
  if (!baseURL) throw new Error("baseURL");
  const run = unique();
  await signIn(page, demo.owner);
  await page.goto("/account");
  await page.getByLabel("Name", { exact: true }).and(page.locator("#token-name")).fill(`Journey ${run}`);
  await page.getByLabel("Access").selectOption({ label: "Read and write" });
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("status").filter({ hasText: `“Journey ${run}” is ready` });
  await expect(shown).toBeVisible();
  const secret = await shown.getByLabel("Token").inputValue();
  expect(secret).toMatch(/^rtn_[A-Za-z0-9_-]{43}$/);
  // Listed with its prefix only: the secret is never on the page again.
  await expect(page.getByRole("table", { name: "Your API tokens" }).getByText(`Journey ${run}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  // The script: no cookie, no Origin header, only the token.
  const script = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const base = `/api/orgs/${demo.org}`;
  const list = await script.get(`${base}/objectives`);
  expect(list.status(), await list.text()).toBe(200);
  expect(list.headers()["ratelimit-limit"]).toBe("300");
  const { items } = (await list.json()) as { items: Array<{ id: string; title: string; keyResultCount: number }> };
  const objective = items.find((item) => item.keyResultCount > 0);
  if (!objective) throw new Error("no objective with key results in the demo");
  const detail = (await (await script.get(`${base}/objectives/${objective.id}`)).json()) as { keyResults: Array<{ id: string }> };
  const keyResultId = detail.keyResults[0]?.id;
  const posted = await script.post(`${base}/key-results/${keyResultId}/check-ins`, { data: { value: "1", confidence: "at_risk", note: `From a script ${run}` } });
  expect(posted.status(), await posted.text()).toBe(200);

  await page.goto(`/${demo.org}/okrs/${objective.id}`);
  await expect(page.getByText(`“From a script ${run}”`)).toBeVisible();

  // Another organisation, even one that exists, is not there for this token.
  const other = await request.newContext({ baseURL });
  const otherSlug = await signUpConfirmed(other, { name: "Other Founder", email: `token-other-${run}@example.test`, password: "correct horse battery staple", organisation: `Token Other ${run}` });
  expect((await script.get(`/api/orgs/${otherSlug}/objectives`)).status()).toBe(404);
  // Nor the account routes: a token cannot make tokens or change a password.
  expect((await script.get("/api/account/tokens")).status()).toBe(401);

  // Revoked in the UI: the very next request is refused.
  await page.goto("/account");
  await page.getByRole("button", { name: `Revoke Journey ${run}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: `Revoke Journey ${run}` })).toHaveCount(0);
  const after = await script.get(`${base}/objectives`);
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  await script.dispose();
  await other.dispose();
});

test("a read-only token reads but cannot write, and an admin sees and revokes anyone's token", async ({ page, baseURL }) => {
  if (!baseURL) throw new Error("baseURL");
  const run = unique();
  // A member makes a read-only token through the API of their session.
  const member = await request.newContext({ baseURL });
  expect((await member.post("/api/session", { data: { email: demo.member, password: "retning-demo" } })).ok()).toBeTruthy();
  const made = await member.post("/api/account/tokens", { data: { org: demo.org, name: `Dashboard ${run}`, scope: "read", expiresInDays: null } });
  expect(made.status(), await made.text()).toBe(200);
  const { secret } = (await made.json()) as { secret: string };
  const script = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  expect((await script.get(`/api/orgs/${demo.org}/teams`)).status()).toBe(200);
  const refused = await script.post(`/api/orgs/${demo.org}/objectives/00000000-0000-4000-8000-000000000000/comments`, { data: { body: "Nope" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/can only read/);

  // The admin's settings list it with whose it is, and revoking it there ends it.
  await signIn(page, demo.admin);
  await page.goto(`/${demo.org}/settings/api`);
  await expect(page.getByRole("heading", { name: "Every token in this organisation" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Revoke Dashboard ${run}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: `Revoke Dashboard ${run}` })).toHaveCount(0);
  expect((await script.get(`/api/orgs/${demo.org}/teams`)).status()).toBe(401);
  await script.dispose();
  await member.dispose();
});
