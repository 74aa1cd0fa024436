import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

interface Sample {
  kind: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
}

/** Every kind of email in every language, rendered as the worker renders them (scripts/email-samples.ts). */
const samples: Sample[] = JSON.parse(execFileSync("npx", ["tsx", "scripts/email-samples.ts"], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 }));

test("every email, in every language, passes axe and has a plain-text part", async ({ page }) => {
  expect(samples.length).toBe(18);
  for (const sample of samples) {
    expect(sample.text.length, `${sample.kind} ${sample.locale}`).toBeGreaterThan(50);
    await page.setContent(sample.html);
    await expect(page.locator("html")).toHaveAttribute("lang", sample.locale);
    await expect(page).toHaveTitle(sample.subject);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `${sample.kind} in ${sample.locale}`,
    ).toEqual([]);
  }
});
