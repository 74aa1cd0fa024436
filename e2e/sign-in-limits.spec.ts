import { expect, test } from "@playwright/test";
import { unique } from "./helpers";
import { HttpClient, loopbackAddress } from "./http-client";
import { signUpConfirmedRaw } from "./sign-up";

/**
 * Limits a client cannot talk its way around. Each test connects from a loopback address of its
 * own (127.0.0.0/8 all reaches the server), so its per-address counts start from nothing and
 * leave the address the other journeys use alone. No proxy is trusted here (TRUSTED_PROXIES is
 * unset), so X-Forwarded-For is whatever the client says, and must change nothing.
 */

const PASSWORD = "correct horse battery staple";

/** A rotating, made-up X-Forwarded-For: another "address" on every request. */
const spoofed = (attempt: number) => ({ "x-forwarded-for": `203.0.113.${attempt % 250}, 198.51.100.${attempt % 250}` });

test.describe("limits on guessing", () => {
  test("a spray of 60 accounts with rotating X-Forwarded-For meets 429 after 50 failures from one address", async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    const attacker = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 60; attempt++) {
      const response = await attacker.json("POST", "/api/session", { email: `sprayed-${attempt}-${unique()}@example.test`, password: "Winter2026!" }, spoofed(attempt));
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(50).fill(401), ...Array(10).fill(429)]);
    attacker.close();

    // Another address is not held back: the limit is the attacker's, not everyone's.
    const someoneElse = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    expect((await someoneElse.json("POST", "/api/session", { email: `other-${unique()}@example.test`, password: "a guess" })).status).toBe(401);
    someoneElse.close();
  });

  test("guessing invitation links with rotating X-Forwarded-For meets 429 after 30 failures", async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    const attacker = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      const token = `${"A".repeat(22)}.${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}`;
      const response = await attacker.json("POST", `/api/invitations/${token}/sign-up`, { name: "Guess", password: PASSWORD }, spoofed(attempt));
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(30).fill(404), 429]);
    attacker.close();
  });

  test("a browser that signed in before still gets in while the account is locked for everyone else", async ({ page, browser, baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    const email = `locked-out-${unique()}@example.test`;
    const owner = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    const org = await signUpConfirmedRaw(owner, { name: "Owner Locked", email, password: PASSWORD, organisation: `Lockout ${unique()}` });
    owner.close();

    // The owner signs in on this browser once, and signs out.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/${org}`));
    expect((await page.context().request.delete("/api/session")).status()).toBe(200);

    // Someone else, elsewhere, knows the address and locks the account.
    const attacker = new HttpClient(baseURL, { localAddress: loopbackAddress() });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await attacker.json("POST", "/api/session", { email, password: `guess-${attempt}` })).status).toBe(401);
    }
    expect((await attacker.json("POST", "/api/session", { email, password: PASSWORD })).status).toBe(429);
    attacker.close();

    // A browser that never signed in to this account waits, even with the right password.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto("/sign-in");
    await strangerPage.getByLabel("Email").fill(email);
    await strangerPage.getByLabel("Password").fill(PASSWORD);
    await strangerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(strangerPage.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
    await stranger.close();

    // The owner's own browser gets in.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/${org}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
