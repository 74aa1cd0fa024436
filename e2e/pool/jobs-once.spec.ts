import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD, demo, unique } from "../helpers";
import { HttpClient } from "../http-client";
import { caughtMail, mailTo } from "../mailbox";
import { instanceOrigins, pool } from "./stack";

/** The workers pg-boss's own registry lists as running a queue now, one per live instance. */
async function liveWorkersOf(queue: string): Promise<number> {
  const sql = postgres(`postgres://postgres@127.0.0.1:5432/${pool.database}`, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from pgboss.instance i
      where i.stopped_on is null and exists (select 1 from jsonb_array_elements(i.workers) w where w->>'queue' = ${queue})`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end();
  }
}

/**
 * Both instances run the job worker on one queue, through PgBouncer. Invitations made on either
 * instance are each mailed exactly once: pg-boss hands a job to one worker, and the outbox row
 * is claimed before it is sent.
 */
test("invitations made on both instances, with both workers running, are each mailed exactly once", async () => {
  test.setTimeout(120_000);
  // Both instances work the mail queue, not only one of them. pg-boss lists an instance's workers
  // at its heartbeat (every 30 s), so a freshly started stack may need a moment to say so.
  await expect.poll(() => liveWorkersOf("mail.send"), { timeout: 45_000, intervals: [1_000] }).toBe(instanceOrigins.length);
  const clients = instanceOrigins.map((origin) => new HttpClient(origin));
  const [first] = clients as [HttpClient];
  expect((await first.json("POST", "/api/session", { email: demo.admin, password: DEMO_PASSWORD })).status).toBe(200);
  for (const client of clients.slice(1)) for (const [name, value] of first.cookies) client.cookies.set(name, value);
  const name = `Twice Never ${unique()}`;
  const created = await first.json("POST", "/api/orgs", { name });
  expect(created.status, created.text).toBe(200);
  const slug = (JSON.parse(created.text) as { organisation: { slug: string } }).organisation.slug;

  const run = unique();
  const invitees = Array.from({ length: 16 }, (_, i) => `once-${i}-${run}@example.test`);
  await Promise.all(
    invitees.map(async (email, i) => {
      const client = clients[i % clients.length] as HttpClient;
      const response = await client.json("POST", `/api/orgs/${slug}/invitations`, { email, role: "member" });
      expect(response.status, response.text).toBe(200);
    }),
  );

  const subject = new RegExp(`You are invited to ${name}`);
  for (const email of invitees) await mailTo(email, subject);
  // Longer than both workers' polling interval (2 s) and a retry's first delay: a second send
  // would have arrived by now.
  await sleep(6_000);
  const counts = invitees.map((email) => caughtMail().filter((mail) => mail.to.includes(email) && subject.test(mail.subject)).length);
  expect(counts).toEqual(invitees.map(() => 1));
  for (const client of clients) client.close();
});
