import { expect, test } from "@playwright/test";
import { unique } from "../helpers";
import { HttpClient, loopbackAddress } from "../http-client";
import { instanceOrigins, proxyOrigin } from "./stack";

/**
 * Limits live in Postgres, so two instances count together: failures spread over both reach the
 * limit at the same count as on one (lib/auth/rate-limit.ts).
 */

test("failed sign-ins to one account, alternating between the instances, meet 429 after 10", async () => {
  const email = `shared-limit-${unique()}@example.test`;
  const address = loopbackAddress();
  const clients = instanceOrigins.map((origin) => new HttpClient(origin, { localAddress: address }));
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const client = clients[attempt % clients.length] as HttpClient;
    statuses.push((await client.json("POST", "/api/session", { email, password: `guess ${attempt}` })).status);
  }
  expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  for (const client of clients) client.close();
});

test("through the proxy, failures from one client address count together on both instances", async () => {
  // nginx passes the client's address in X-Forwarded-For, which the instances believe from it
  // alone (TRUSTED_PROXIES): 50 failures from this address, whichever instance took each, and no more.
  const client = new HttpClient(proxyOrigin, { localAddress: loopbackAddress() });
  const statuses: number[] = [];
  const upstreams = new Set<string>();
  for (let attempt = 0; attempt < 51; attempt++) {
    const response = await client.json("POST", "/api/session", { email: `sprayed-${attempt}-${unique()}@example.test`, password: "Winter2026!" });
    statuses.push(response.status);
    upstreams.add(String(response.headers["x-retning-upstream"]));
  }
  expect(statuses).toEqual([...Array(50).fill(401), 429]);
  expect(upstreams.size).toBe(instanceOrigins.length);
  client.close();

  // The proxy's own address is not what was limited: another client still gets an answer.
  const someoneElse = new HttpClient(proxyOrigin, { localAddress: loopbackAddress() });
  expect((await someoneElse.json("POST", "/api/session", { email: `other-${unique()}@example.test`, password: "a guess" })).status).toBe(401);
  someoneElse.close();
});
