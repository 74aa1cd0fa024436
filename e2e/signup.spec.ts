import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, unique } from "./helpers";
import { linkIn, mailTo } from "./mailbox";

test("an organisation signs up, invites a colleague who joins, and they share a team", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const owner = { name: "Kari Nordmann", email: `kari-${id}@example.test`, password: "fjord lights over bergen" };
  const orgName = `Fjordkaffe ${id}`;

  // Sign up: the landing page leads there.
  await page.goto("/");
  await page.getByRole("link", { name: "Start with a pilot team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start your organisation" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill("password1");
  await page.getByLabel("Organisation name").fill(orgName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  // The most common passwords are refused, with the reason next to the field.
  await expect(page.getByText("among the most common")).toBeVisible();
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  // Nothing exists yet: the answer is "check your inbox", and the link creates the organisation.
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${owner.email}`);
  const [confirmation] = await mailTo(owner.email, /Confirm your email/);
  if (!confirmation) throw new Error("no confirmation");
  await page.goto(linkIn(confirmation, "/sign-up/confirm/"));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Create ${orgName}` }).click();
  await page.waitForURL(/\/fjordkaffe-[a-z0-9]+\//);
  const slug = new URL(page.url()).pathname.split("/")[1] ?? "";

  // Signing up again with the same address reveals nothing here; its owner hears of it by email.
  const copycat = await browser.newContext();
  const retry = await copycat.request.post("/api/sign-up", { data: { name: "Someone", email: owner.email, password: "another long passphrase", organisationName: "Copycat" } });
  expect(retry.status()).toBe(200);
  expect(await retry.json()).toEqual({ checkInbox: true, devMailbox: false });
  await mailTo(owner.email, /Someone tried to sign up with your email/);
  await copycat.close();

  // Invite a colleague as admin; the link is shown to copy.
  await page.goto(`/${slug}/settings/members`);
  await expectNoAxeViolations(page);
  const colleague = { name: "Ola Hansen", email: `ola-${id}@example.test`, password: "north sea waves crash" };
  await page.getByLabel("Email address").fill(colleague.email);
  await page.getByLabel("Role").selectOption("admin");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toContain("/invite/");
  // The invitation is emailed too, with the same link.
  const [invitationMail] = await mailTo(colleague.email, new RegExp(`You are invited to ${orgName}`));
  expect(invitationMail?.text).toContain(link);
  await expect(page.getByRole("list").getByText(colleague.email)).toBeVisible();

  // The colleague opens the link in their own browser and creates their account on the way in.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1, name: `Join ${orgName}` })).toBeVisible();
  await expectNoAxeViolations(them);
  await them.getByLabel("Your name").fill(colleague.name);
  await them.getByLabel("Password").fill(colleague.password);
  await them.getByRole("button", { name: `Create account and join ${orgName}` }).click();
  await them.waitForURL(new RegExp(`/${slug}/`));

  // The link is single-use.
  const again = await browser.newContext();
  const stranger = await again.newPage();
  await stranger.goto(link);
  await expect(stranger.getByText("This invitation has already been used.")).toBeVisible();
  await again.close();

  // They sign out and back in, then create a team.
  await them.getByRole("button", { name: `Account menu for ${colleague.name}` }).click();
  await them.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await them.waitForURL("/");
  await them.goto("/sign-in");
  await them.getByLabel("Email").fill(colleague.email);
  await them.getByLabel("Password").fill(colleague.password);
  await them.getByRole("button", { name: "Sign in" }).click();
  await them.waitForURL(new RegExp(`/${slug}/`));
  await them.goto(`/${slug}/teams`);
  await them.getByRole("button", { name: "New team" }).first().click();
  await them.getByLabel("Name").fill("Pilot team");
  await them.getByRole("button", { name: "Create team" }).click();
  await expect(them.getByRole("link", { name: "Pilot team" })).toBeVisible();
  await expectNoAxeViolations(them);

  // Both see it; the founder puts the colleague in it.
  await page.goto(`/${slug}/teams`);
  await page.getByRole("link", { name: "Pilot team" }).click();
  await page.getByRole("button", { name: "Add a member" }).click();
  await page.getByLabel("Add a member").selectOption({ label: colleague.name });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("link", { name: colleague.name })).toBeVisible();
  await expectNoAxeViolations(page);
  await theirs.close();
});
