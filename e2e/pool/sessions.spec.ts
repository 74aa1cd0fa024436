import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo } from "../helpers";
import { HttpClient } from "../http-client";
import { instanceOrigins, proxyOrigin } from "./stack";

/** The instance that answered a request through the proxy (nginx's X-Retning-Upstream). */
const hostOf = (origin: string) => new URL(origin).host;

test("the proxy takes requests to both instances in turn", async () => {
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await fetch(`${proxyOrigin}/api/ping`);
    expect(response.status).toBe(200);
    seen.push(response.headers.get("x-retning-upstream") ?? "");
  }
  expect(new Set(seen)).toEqual(new Set(instanceOrigins.map(hostOf)));
  // Round robin: never the same instance twice running.
  for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
});

test("signed in on one instance, a person carries on on the other, and through the proxy", async ({ page }) => {
  const [first = "", second = ""] = instanceOrigins;
  await page.goto(`${first}/sign-in`);
  await page.getByLabel("Email").fill(demo.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // A cookie belongs to the host, not the port, so the browser shows the second instance the
  // session the first one made: the instances must share AUTH_SECRET and the session versions.
  await page.goto(`${second}/${demo.org}/dashboard`);
  expect(new URL(page.url()).pathname).toBe(`/${demo.org}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const path of [`/${demo.org}/okrs`, `/${demo.org}/teams`, `/${demo.org}/dashboard`]) {
    await page.goto(`${proxyOrigin}${path}`);
    expect(new URL(page.url()).pathname).toBe(path);
  }
});

test("a session signed out on one instance is refused at once by the other", async () => {
  const [first = "", second = ""] = instanceOrigins;
  const onFirst = new HttpClient(first);
  const signedIn = await onFirst.json("POST", "/api/session", { email: demo.admin, password: DEMO_PASSWORD });
  expect(signedIn.status, signedIn.text).toBe(200);
  const onSecond = new HttpClient(second);
  for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
  expect((await onSecond.json("GET", `/api/orgs/${demo.org}/members`)).status).toBe(200);

  // A copy of the token survives the sign-out on the first; the second refuses it all the same.
  const copy = new Map(onSecond.cookies);
  expect((await onFirst.json("DELETE", "/api/session")).status).toBe(200);
  for (const [name, value] of copy) onSecond.cookies.set(name, value);
  expect((await onSecond.json("GET", `/api/orgs/${demo.org}/members`)).status).toBe(401);
  onFirst.close();
  onSecond.close();
});
