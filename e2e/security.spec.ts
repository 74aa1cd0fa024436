import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, unique } from "./helpers";
import { HttpClient } from "./http-client";

test.describe("security", () => {
  test("brute force against sign-in meets 429 with Retry-After after the limit", async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    const email = `nobody-${unique()}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await context.post("/api/session", { data: { email, password: `guess-${attempt}` } });
      statuses.push(response.status());
      if (response.status() === 429) {
        expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
        expect((await response.json()).error.code).toBe("rate_limited");
      }
    }
    // Ten wrong guesses are answered like any wrong password; the eleventh is refused outright.
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    await context.dispose();
  });

  test("an unknown email and a wrong password get the same answer", async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    const unknown = await context.post("/api/session", { data: { email: `ghost-${unique()}@example.test`, password: "whatever it is" } });
    const wrong = await context.post("/api/session", { data: { email: demo.member, password: "not the password" } });
    expect([unknown.status(), await unknown.json()]).toEqual([wrong.status(), await wrong.json()]);
    await context.dispose();
  });

  test("a write from another site is refused, and nothing is written", async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    await context.post("/api/session", { data: { email: demo.admin, password: DEMO_PASSWORD } });
    const name = `Forged ${unique()}`;
    const forged = await context.post(`/api/orgs/${demo.org}/teams`, { data: { name }, headers: { Origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    const { teams } = await (await context.get(`/api/orgs/${demo.org}/teams`)).json();
    expect(teams.map((team: { name: string }) => team.name)).not.toContain(name);
    await context.dispose();
  });

  test("an Origin that is not a URL, or a forwarded host the client made up, cannot pass as this site", async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    await context.post("/api/session", { data: { email: demo.admin, password: DEMO_PASSWORD } });
    const name = `Forged ${unique()}`;
    const attempts: Array<Record<string, string>> = [
      { Origin: "null" },
      { Origin: "not a url" },
      { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
      // Right host, wrong scheme: an http page cannot write to an https site, nor the reverse.
      { Origin: (baseURL ?? "").replace(/^http:/, "https:") },
    ];
    for (const headers of attempts) {
      const forged = await context.post(`/api/orgs/${demo.org}/teams`, { data: { name }, headers });
      expect(forged.status(), JSON.stringify(headers)).toBe(403);
      expect((await forged.json()).error.code).toBe("forbidden");
    }
    const { teams } = await (await context.get(`/api/orgs/${demo.org}/teams`)).json();
    expect(teams.map((team: { name: string }) => team.name)).not.toContain(name);
    await context.dispose();
  });

  test("a path that does not decode answers 400 in JSON, signed in or not", async ({ baseURL }) => {
    if (!baseURL) throw new Error("baseURL");
    const client = new HttpClient(baseURL);
    for (const path of [`/api/orgs/${demo.org}/objectives/%C0%AE`, "/invite/%ud800", `/api/orgs/${demo.org}/teams/%E0%80`, `/${demo.org}/okrs/%FF`]) {
      const response = await client.request({ method: "GET", path });
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.text).error.code, path).toBe("bad_request");
    }
    // A NUL decodes, but names no organisation: a 404 before anything reads the database.
    const nul = await client.request({ method: "GET", path: "/api/orgs/%00" });
    expect([nul.status, JSON.parse(nul.text).error.code]).toEqual([404, "not_found"]);
    client.close();
  });

  test("pages carry a nonce-based CSP and the security headers; the session cookie is HttpOnly and SameSite", async ({ page, baseURL }) => {
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");

    const context = await request.newContext({ baseURL });
    const signIn = await context.post("/api/session", { data: { email: demo.member, password: DEMO_PASSWORD } });
    const cookie = signIn.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("retning.session"));
    expect(cookie?.value).toMatch(/HttpOnly/i);
    expect(cookie?.value).toMatch(/SameSite=Lax/i);
    await context.dispose();
  });

  test("signing out ends the session even for a copy of its cookie", async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    await context.post("/api/session", { data: { email: demo.member, password: DEMO_PASSWORD } });
    const stolen = await context.storageState();
    expect((await context.get(`/api/orgs/${demo.org}/teams`)).status()).toBe(200);
    expect((await context.delete("/api/session")).status()).toBe(200);

    const thief = await request.newContext({ baseURL, storageState: stolen });
    expect((await thief.get(`/api/orgs/${demo.org}/teams`)).status()).toBe(401);
    await thief.dispose();
    await context.dispose();
  });
});
