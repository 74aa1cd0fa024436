import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { HttpClient } from "./http-client";
import { linkIn, mailTo } from "./mailbox";

export interface Founder {
  name: string;
  email: string;
  password: string;
  organisation: string;
}

/** Signs up through the API and confirms through the emailed link; the context is then signed in. Answers the slug. */
export async function signUpConfirmed(context: APIRequestContext, founder: Founder): Promise<string> {
  const requested = await context.post("/api/sign-up", {
    data: { name: founder.name, email: founder.email, password: founder.password, organisationName: founder.organisation },
  });
  expect(requested.status(), await requested.text()).toBe(200);
  const [mail] = await mailTo(founder.email, /Confirm your email/);
  if (!mail) throw new Error("no confirmation mail");
  const token = linkIn(mail, "/sign-up/confirm/").split("/sign-up/confirm/")[1];
  const confirmed = await context.post(`/api/sign-up/confirm/${token}`);
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  return ((await confirmed.json()) as { organisation: { slug: string } }).organisation.slug;
}

/** signUpConfirmed over a bare HttpClient (which then holds the session cookie). Answers the slug. */
export async function signUpConfirmedRaw(client: HttpClient, founder: Founder): Promise<string> {
  const requested = await client.json("POST", "/api/sign-up", { name: founder.name, email: founder.email, password: founder.password, organisationName: founder.organisation });
  expect(requested.status, requested.text).toBe(200);
  const [mail] = await mailTo(founder.email, /Confirm your email/);
  if (!mail) throw new Error("no confirmation mail");
  const token = linkIn(mail, "/sign-up/confirm/").split("/sign-up/confirm/")[1];
  const confirmed = await client.json("POST", `/api/sign-up/confirm/${token}`);
  expect(confirmed.status, confirmed.text).toBe(200);
  return (JSON.parse(confirmed.text) as { organisation: { slug: string } }).organisation.slug;
}

/** The same through the pages: the form, the email, the confirmation page. Answers the slug. */
export async function signUpThroughPages(page: Page, founder: Founder): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(founder.name);
  await page.getByLabel("Work email").fill(founder.email);
  await page.getByLabel("Password").fill(founder.password);
  await page.getByLabel("Organisation name").fill(founder.organisation);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${founder.email}`);
  const [mail] = await mailTo(founder.email, /Confirm your email/);
  if (!mail) throw new Error("no confirmation mail");
  await page.goto(linkIn(mail, "/sign-up/confirm/"));
  await page.getByRole("button", { name: `Create ${founder.organisation}` }).click();
  await page.waitForURL((url) => url.pathname.split("/").length > 2 && !url.pathname.startsWith("/sign-up"));
  return new URL(page.url()).pathname.split("/")[1] ?? "";
}
