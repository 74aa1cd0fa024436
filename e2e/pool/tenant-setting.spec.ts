import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { showPgBouncer } from "../../scripts/pool/pgbouncer";
import { unique } from "../helpers";
import { HttpClient } from "../http-client";
import { signUpConfirmedRaw } from "../sign-up";
import { pool, proxyOrigin } from "./stack";

/**
 * PgBouncer runs with one server connection (default_pool_size=1), so every transaction of both
 * instances takes its turn on the same Postgres session, and transaction pooling resets nothing
 * in between. The tenant (app.org_id, app.user_id, the role) is set with set_config(…, true) in
 * each transaction (lib/tenant-scope.ts); were it set for the session, the next request on that
 * connection would start out as the previous one's organisation.
 */

const pooledUrl = `postgres://postgres@127.0.0.1:${pool.pgbouncerPort}/${pool.database}`;

/** A client of PgBouncer, as the app is one: no named prepared statements in transaction mode. */
const pooledClient = () => postgres(pooledUrl, { max: 1, prepare: false, onnotice: () => {} });

test("the pooled server connection keeps session settings between clients: what the tenant scope must never use", async () => {
  const setter = pooledClient();
  const reader = pooledClient();
  try {
    await setter`select set_config('app.org_id', 'left-behind', false)`;
    // Another client, another transaction, the same (only) server connection.
    const [row] = await reader`select current_setting('app.org_id', true) as org`;
    expect(row?.org).toBe("left-behind");
  } finally {
    await setter`select set_config('app.org_id', '', false)`;
    await setter.end();
    await reader.end();
  }
});

test("two organisations' requests, alternating on one pooled server connection under load, never see each other", async () => {
  test.setTimeout(180_000);
  const run = unique();
  const founders = ["North", "South"].map((side) => ({
    name: `${side} Founder`,
    email: `pooled-${side.toLowerCase()}-${run}@example.test`,
    password: "correct horse battery staple",
    organisation: `Pooled ${side} ${run}`,
  }));
  const tenants = [];
  for (const founder of founders) {
    const client = new HttpClient(proxyOrigin);
    tenants.push({ founder, client, slug: await signUpConfirmedRaw(client, founder) });
  }
  const [north, south] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
  const before = await transactionsThroughPool();

  // Each round: each organisation reads its own members, and tries the other's (404).
  const plan = Array.from({ length: 240 }, (_, i) => {
    const [me, other] = i % 2 === 0 ? [north, south] : [south, north];
    return { me, other, own: i % 4 < 2 };
  });
  const failures: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < plan.length) {
      const { me, other, own } = plan[next++] as (typeof plan)[number];
      const response = await me.client.json("GET", `/api/orgs/${own ? me.slug : other.slug}/members`);
      if (own) {
        if (response.status !== 200) failures.push(`${me.slug}: ${response.status} ${response.text.slice(0, 200)}`);
        else if (!response.text.includes(me.founder.email) || response.text.includes(other.founder.email)) failures.push(`${me.slug} saw: ${response.text.slice(0, 300)}`);
      } else if (response.status !== 404) {
        failures.push(`${me.slug} reached ${other.slug}: ${response.status}`);
      }
    }
  };
  // Eight requests in flight at once, over both instances (the proxy takes them in turn).
  await Promise.all(Array.from({ length: 8 }, lane));
  expect(failures).toEqual([]);

  // They all went through the one server connection, and it holds no tenant afterwards.
  const servers = (await showPgBouncer(pool.pgbouncerPort, "SERVERS")).filter((row) => row.database === pool.database);
  expect(servers.length).toBe(1);
  expect((await transactionsThroughPool()) - before).toBeGreaterThanOrEqual(plan.length);
  const client = pooledClient();
  try {
    const [state] = await client`select current_setting('app.org_id', true) as org, current_setting('app.user_id', true) as user, current_user as role`;
    expect(state?.org || "").toBe("");
    expect(state?.user || "").toBe("");
    expect(state?.role).toBe("postgres");
  } finally {
    await client.end();
  }
  for (const tenant of tenants) tenant.client.close();
});

async function transactionsThroughPool(): Promise<number> {
  const row = (await showPgBouncer(pool.pgbouncerPort, "STATS")).find((stats) => stats.database === pool.database);
  return Number(row?.total_xact_count ?? 0);
}
