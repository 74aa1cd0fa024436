import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

/**
 * The API reference page renders /api/openapi.json with Scalar, bundled with the app: nothing is
 * fetched from another host (no CDN, no font service, no telemetry), and it passes axe.
 */
test.describe("the API reference", () => {
  test("renders the document from this server alone, and is accessible", async ({ page, baseURL }) => {
    const host = new URL(baseURL ?? "").host;
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.host !== host) elsewhere.push(request.url());
    });
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });

    const documentLoaded = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/openapi.json");
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    expect((await documentLoaded).status()).toBe(200);
    await expect(page.getByRole("link", { name: "OpenAPI document (JSON)" })).toHaveAttribute("href", "/api/openapi.json");
    // Scalar has drawn the document: an operation's summary from the catalogue is on the page.
    await expect(page.getByText("Change the name, address or fiscal year (admins)").first()).toBeVisible({ timeout: 20_000 });

    await expectNoAxeViolations(page);
    expect(elsewhere, "requests to other hosts").toEqual([]);
    expect(refused, "content the page's CSP refused").toEqual([]);
  });

  test("is accessible in the dark theme too", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/docs/api");
    await expect(page.getByText("Change the name, address or fiscal year (admins)").first()).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(page);
  });

  test("speaks Norwegian around the reference", async ({ browser }) => {
    const context = await browser.newContext({ locale: "nb-NO" });
    const page = await context.newPage();
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1, name: "API-referanse" })).toBeVisible();
    await expect(page.getByRole("link", { name: "OpenAPI-dokument (JSON)" })).toBeVisible();
    await context.close();
  });
});
