import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "retning-demo";
export const demo = {
  owner: "ingrid@nordlys.example",
  admin: "maja@nordlys.example",
  member: "emil@nordlys.example",
  org: "nordlys",
} as const;

/** WCAG 2.1 AA as axe checks it; every page a journey visits should pass. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a dynamic page's metadata after its body: judge the page once its title is there.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** A unique suffix so journeys can run again against the same database. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
