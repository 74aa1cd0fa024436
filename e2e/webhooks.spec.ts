import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, request, test, type APIResponse } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { DEMO_PASSWORD, demo, expectNoAxeViolations, signIn, unique } from "./helpers";

async function ok(response: Promise<APIResponse>) {
  const result = await response;
  expect(result.ok(), await result.text()).toBeTruthy();
  return result.json();
}

test("an admin registers a webhook, sees its secret once, and sees a check-in delivered with 200 in the log", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL");
  // The receiver: a real HTTP server on 127.0.0.1 (the e2e server allows private addresses).
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/retning`;

  try {
    // A fresh organisation of the demo admin, with one key result to check in on.
    const admin = await request.newContext({ baseURL });
    await ok(admin.post("/api/session", { data: { email: demo.admin, password: DEMO_PASSWORD } }));
    const { organisation } = await ok(admin.post("/api/orgs", { data: { name: `Hooks ${unique()}` } }));
    const slug: string = organisation.slug;
    const { items } = await ok(admin.get(`/api/orgs/${slug}/members`));
    const me = items[0].userId as string;
    const { cycles } = await ok(admin.get(`/api/orgs/${slug}/cycles`));
    const cycleId = cycles.find((cycle: { status: string }) => cycle.status === "active").id;
    const { objective } = await ok(admin.post(`/api/orgs/${slug}/objectives`, { data: { cycleId, level: "company", ownerUserId: me, title: "Partners hear from us" } }));
    const { keyResult } = await ok(admin.post(`/api/orgs/${slug}/objectives/${objective.id}/key-results`, { data: { title: "Sign 5 partners", targetValue: "5", ownerUserId: me } }));

    await signIn(page, demo.admin);
    await page.goto(`/${slug}/settings`);
    await page.getByRole("link", { name: "Integrations" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Register: the URL, a description, the events (all are ticked; keep two).
    await page.getByLabel("Endpoint URL").fill(hookUrl);
    await page.getByLabel("Description").fill("Partner CRM");
    for (const event of ["An objective is created", "An objective changes status", "A cycle is closed", "Someone joins the organisation"]) await page.getByLabel(event).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const notice = page.getByRole("status").filter({ hasText: "shown only this once" });
    await expect(notice).toBeVisible();
    const secret = await notice.getByLabel(`Signing secret for ${hookUrl}`).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole("list", { name: "Webhook endpoints" }).getByText("Partner CRM")).toBeVisible();
    await expectNoAxeViolations(page);

    // Shown once: a fresh page has no trace of it.
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    // A check-in is posted: the receiver gets it, signed.
    await ok(admin.post(`/api/orgs/${slug}/key-results/${keyResult.id}/check-ins`, { data: { value: "2", confidence: "on_track", note: "Two signed" } }));
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const [first] = received;
    const event = new Webhook(secret).verify(first?.body ?? "", first?.headers as Record<string, string>) as { type: string; data: { keyResult: { title: string } } };
    expect(event.type).toBe("check_in.created");
    expect(event.data.keyResult.title).toBe("Sign 5 partners");

    // The log, opened from the keyboard: the delivery, with 200.
    const toggle = page.getByRole("button", { name: "Show delivery log" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    const log = page.getByRole("table", { name: "Deliveries to Partner CRM, newest first" });
    await expect(async () => {
      await page.getByRole("button", { name: "Refresh the delivery log of Partner CRM" }).click();
      const row = log.getByRole("row").filter({ hasText: "check_in.created" });
      await expect(row).toContainText("200", { timeout: 1000 });
      await expect(row).toContainText("Delivered", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expectNoAxeViolations(page);

    // A test event from the button arrives too.
    await page.getByRole("button", { name: "Send test event to Partner CRM" }).click();
    await expect.poll(() => received.map((r) => (JSON.parse(r.body) as { type: string }).type), { timeout: 20_000 }).toContain("webhook.test");

    // A member who is not an admin is refused (403), and someone outside the organisation finds nothing (404).
    const member = await request.newContext({ baseURL });
    await ok(member.post("/api/session", { data: { email: demo.member, password: DEMO_PASSWORD } }));
    expect((await member.get(`/api/orgs/${demo.org}/integrations`)).status()).toBe(403);
    expect((await member.post(`/api/orgs/${demo.org}/integrations`, { data: { kind: "webhook", url: hookUrl, description: "", events: ["check_in.created"] } })).status()).toBe(403);
    const { integrations } = await ok(admin.get(`/api/orgs/${slug}/integrations`));
    expect((await member.get(`/api/orgs/${slug}/integrations/${integrations[0].id}/deliveries`)).status()).toBe(404);
    expect((await member.delete(`/api/orgs/${slug}/integrations/${integrations[0].id}`)).status()).toBe(404);
    await member.dispose();
    await admin.dispose();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
