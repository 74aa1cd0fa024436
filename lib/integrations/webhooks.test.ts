import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { integrationDeliveries, integrationEndpoints, outbox } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { createCheckIn } from "@/lib/services/check-ins";
import { closeCycle } from "@/lib/services/cycles";
import { writeDigests } from "@/lib/services/digest";
import { localWeekStart } from "@/lib/okr/weekly-rhythm";
import { createIntegration, deleteIntegration, listDeliveries, listIntegrations, resendDelivery, rotateSecret, sendTestDelivery, updateIntegration } from "@/lib/services/integrations";
import { createKeyResult, deleteKeyResult } from "@/lib/services/key-results";
import { createObjective } from "@/lib/services/objectives";
import { withOrganisation } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { setAllowPrivate, startReceiver, type Received, type TestReceiver } from "@/tests/receiver";
import { TEST_APP_URL, setupMailAndWorker } from "@/tests/mail-and-worker";
import { until as untilWithin } from "@/tests/until";
import { newOrganisation } from "@/tests/world";
import { DISABLE_AFTER_MS } from "./deliver";

setupTestDatabase();

// Retries a second apart, so "fails, then succeeds" plays out in seconds.
const smtp = setupMailAndWorker({ "integration.deliver": { retryLimit: 30, retryDelay: 1, retryBackoff: false }, "mail.send": { retryLimit: 3, retryDelay: 1, retryBackoff: false } });
const receivers: TestReceiver[] = [];

async function receiver(...statuses: number[]) {
  const started = await startReceiver(statuses.length ? statuses : [200]);
  receivers.push(started);
  return started;
}

// The receivers listen on 127.0.0.1, which outgoing requests refuse outside tests.
beforeAll(() => setAllowPrivate(true));

afterEach(unpinClock);

afterAll(async () => {
  for (const started of receivers) await started.close();
  setAllowPrivate(false);
});

async function deliveries(orgId: string) {
  return withOrganisation(orgId, null, (tx) => tx.select().from(integrationDeliveries).where(eq(integrationDeliveries.orgId, orgId)));
}

// Deliveries wait for retries a second apart: a little longer than mail.
const until = <T,>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000) => untilWithin(read, done, timeoutMs, 100);

const events = (received: Received[]) => received.map((request) => (JSON.parse(request.body) as { type: string }).type);

describe("webhooks", () => {
  it("signs each event per Standard Webhooks: Webhook.verify accepts it, with the secret shown once", async () => {
    const w = await okrWorld("Signed");
    const hook = await receiver(200);
    const { integration, secret } = await createIntegration(w.org.ownerCtx, { kind: "webhook", url: hook.url, description: "Warehouse", events: ["check_in.created"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Listing never shows it again.
    expect(JSON.stringify(await listIntegrations(w.org.ownerCtx))).not.toContain(secret ?? "-");
    const checkIn = await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "on_track", note: "Good week" });
    const [request] = await hook.waitFor(1);
    if (!request || !secret) throw new Error("nothing received");
    const payload = new Webhook(secret).verify(request.body, {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    }) as { type: string; timestamp: string; data: { checkIn: { id: string; value: string }; keyResult: { id: string }; author: { name: string } } };
    expect(payload.type).toBe("check_in.created");
    expect(payload.data.checkIn).toMatchObject({ id: checkIn.id, value: "31" });
    expect(payload.data.keyResult.id).toBe(w.nps.id);
    expect(request.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    // A forged body does not verify.
    expect(() => new Webhook(secret).verify(request.body.replace("31", "99"), request.headers as Record<string, string>)).toThrow();
    const [row] = await until(() => deliveries(w.org.orgId), (rows) => rows[0]?.status === "delivered");
    expect(row).toMatchObject({ endpointId: integration.id, attempts: 1, responseStatus: 200, responseBody: "ok", eventType: "check_in.created" });
  });

  it("during a rotation, signs with both secrets: receivers holding either verify", async () => {
    const org = await newOrganisation("Rotate");
    const hook = await receiver(200);
    const { integration, secret: old } = await createIntegration(org.ownerCtx, { kind: "webhook", url: hook.url, description: "", events: ["member.joined"] });
    const { secret } = await rotateSecret(org.ownerCtx, integration.id);
    expect(secret).not.toBe(old);
    await sendTestDelivery(org.ownerCtx, integration.id);
    const [request] = await hook.waitFor(1);
    if (!request || !old) throw new Error("nothing received");
    expect(String(request.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const key of [old, secret]) expect(new Webhook(key).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
  });

  it("a receiver answering 500 and then 200 gets the event exactly once more, after a retry, with the same webhook-id", async () => {
    const w = await okrWorld("Retry");
    const hook = await receiver(500, 200);
    await createIntegration(w.org.ownerCtx, { kind: "webhook", url: hook.url, description: "", events: ["check_in.created"] });
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "on_track", note: "" });
    const [row] = await until(() => deliveries(w.org.orgId), (rows) => rows[0]?.status === "delivered");
    expect(row).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(hook.received).toHaveLength(2);
    expect(hook.received[0]?.headers["webhook-id"]).toBe(hook.received[1]?.headers["webhook-id"]);
    expect(events(hook.received)).toEqual(["check_in.created", "check_in.created"]);
  });

  it("emits status changes only when the status changed, by the rules of lib/okr, and the other events where they happen", async () => {
    const w = await okrWorld("Status");
    const hook = await receiver(200);
    await createIntegration(w.org.ownerCtx, {
      kind: "webhook",
      url: hook.url,
      description: "",
      events: ["key_result.status_changed", "objective.status_changed", "objective.created", "cycle.closed", "member.joined"],
    });
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "at_risk", note: "" });
    const first = await hook.waitFor(2);
    const bodies = first.map((request) => JSON.parse(request.body) as { type: string; data: { from: string | null; to: string | null } });
    expect(bodies.map((body) => [body.type, body.data.from, body.data.to]).sort()).toEqual([
      ["key_result.status_changed", "not_started", "at_risk"],
      ["objective.status_changed", "not_started", "at_risk"],
    ]);
    // The same confidence again changes nothing: nothing is sent.
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "32", confidence: "at_risk", note: "" });
    await createObjective(w.org.ownerCtx, objectiveInput(w.org.ownerCtx, w.cycleId, { title: "Second goal" }));
    await w.org.join("member", "Newcomer");
    await closeCycle(w.org.ownerCtx, w.cycleId);
    await hook.waitFor(5);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(events(hook.received.slice(2)).sort()).toEqual(["cycle.closed", "member.joined", "objective.created"]);
  });

  it("an objective's status changes when a key result is added or deleted (its worst key result's status)", async () => {
    const w = await okrWorld("Worst");
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "on_track", note: "" });
    const hook = await receiver(200);
    await createIntegration(w.org.ownerCtx, { kind: "webhook", url: hook.url, description: "", events: ["objective.status_changed", "key_result.status_changed"] });
    const added = await createKeyResult(w.org.ownerCtx, w.company.id, keyResultInput(w.org.owner.id, { title: "Not started yet" }));
    await deleteKeyResult(w.org.ownerCtx, added.id);
    await hook.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const changes = hook.received.map((request) => JSON.parse(request.body) as { type: string; data: { from: string; to: string } });
    expect(changes.map((change) => [change.type, change.data.from, change.data.to]).sort()).toEqual([
      ["objective.status_changed", "not_started", "on_track"],
      ["objective.status_changed", "on_track", "not_started"],
    ]);
  });

  it("events of organisation A never reach organisation B's endpoints", async () => {
    const a = await okrWorld("Alpha");
    const b = await okrWorld("Beta");
    const hookA = await receiver(200);
    const hookB = await receiver(200);
    await createIntegration(a.org.ownerCtx, { kind: "webhook", url: hookA.url, description: "", events: ["check_in.created"] });
    await createIntegration(b.org.ownerCtx, { kind: "webhook", url: hookB.url, description: "", events: ["check_in.created"] });
    await createCheckIn(a.org.ownerCtx, a.nps.id, { value: "31", confidence: "on_track", note: "" });
    await hookA.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(hookB.received).toHaveLength(0);
    expect(await deliveries(b.org.orgId)).toHaveLength(0);
    // B's admin cannot see, re-send or change A's endpoint.
    const [endpointA] = await listIntegrations(a.org.ownerCtx);
    const [deliveryA] = await deliveries(a.org.orgId);
    if (!endpointA || !deliveryA) throw new Error("no endpoint");
    expect((await appError(listDeliveries(b.org.ownerCtx, endpointA.id))).code).toBe("not_found");
    expect((await appError(resendDelivery(b.org.ownerCtx, endpointA.id, deliveryA.id))).code).toBe("not_found");
    expect((await appError(updateIntegration(b.org.ownerCtx, endpointA.id, { enabled: false }))).code).toBe("not_found");
    expect((await appError(deleteIntegration(b.org.ownerCtx, endpointA.id))).code).toBe("not_found");
    expect((await appError(sendTestDelivery(b.org.ownerCtx, endpointA.id))).code).toBe("not_found");
  });

  it("members who are not admins may not list, create or change integrations", async () => {
    const w = await okrWorld("Members");
    const hook = await receiver(200);
    const { integration } = await createIntegration(w.org.ownerCtx, { kind: "webhook", url: hook.url, description: "", events: ["check_in.created"] });
    const member = w.member.ctx;
    expect((await appError(listIntegrations(member))).code).toBe("forbidden");
    expect((await appError(createIntegration(member, { kind: "webhook", url: hook.url, description: "", events: ["check_in.created"] }))).code).toBe("forbidden");
    expect((await appError(updateIntegration(member, integration.id, { enabled: false }))).code).toBe("forbidden");
    expect((await appError(rotateSecret(member, integration.id))).code).toBe("forbidden");
    expect((await appError(listDeliveries(member, integration.id))).code).toBe("forbidden");
    expect((await appError(deleteIntegration(member, integration.id))).code).toBe("forbidden");
    const admin = await w.org.join("admin", "Admin");
    expect(await listIntegrations(admin.ctx)).toHaveLength(1);
  });

  it("refuses to register a private address or plain http when the instance setting is off", async () => {
    const org = await newOrganisation("Private");
    setAllowPrivate(false);
    try {
      for (const [url, key] of [
        ["http://example.com/hook", "validation.httpsRequired"],
        ["https://127.0.0.1/hook", "validation.privateAddress"],
        ["https://[::1]/hook", "validation.privateAddress"],
        ["https://169.254.169.254/latest", "validation.privateAddress"],
        ["https://10.0.0.8/hook", "validation.privateAddress"],
      ] as const) {
        const error = await appError(createIntegration(org.ownerCtx, { kind: "webhook", url, description: "", events: ["check_in.created"] }));
        expect(error.fields, url).toEqual({ url: [key] });
      }
    } finally {
      setAllowPrivate(true);
    }
    expect(await listIntegrations(org.ownerCtx)).toEqual([]);
  });

  it("logs deliveries newest first, a page at a time, and re-sends one as a new entry", async () => {
    const org = await newOrganisation("Log");
    const hook = await receiver(200);
    const { integration } = await createIntegration(org.ownerCtx, { kind: "webhook", url: hook.url, description: "", events: ["member.joined"] });
    for (let i = 0; i < 22; i++) await sendTestDelivery(org.ownerCtx, integration.id);
    await until(() => deliveries(org.orgId), (rows) => rows.filter((row) => row.status === "delivered").length === 22, 30_000);
    const first = await listDeliveries(org.ownerCtx, integration.id);
    expect(first.items).toHaveLength(20);
    const second = await listDeliveries(org.ownerCtx, integration.id, first.nextCursor ?? undefined);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((row) => row.id)).size).toBe(22);
    const oldest = second.items[1];
    if (!oldest) throw new Error("no row");
    await resendDelivery(org.ownerCtx, integration.id, oldest.id);
    await hook.waitFor(23);
    const again = hook.received.at(-1);
    expect(again?.headers["webhook-id"]).toBe(oldest.messageId);
  });
});

describe("an endpoint that keeps failing", () => {
  it("is turned off after three days of failures, and the organisation's admins get one email each", async () => {
    const w = await okrWorld("Failing");
    const admin = await w.org.join("admin", "Admin");
    const hook = await receiver(503);
    const { integration } = await createIntegration(w.org.ownerCtx, { kind: "webhook", url: hook.url, description: "Flaky", events: ["check_in.created"] });
    const start = pinClock(new Date());
    const mailsBefore = smtp.messages.length;
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "on_track", note: "" });
    const endpoint = () => withOrganisation(w.org.orgId, null, async (tx) => (await tx.select().from(integrationEndpoints).where(eq(integrationEndpoints.id, integration.id)))[0]);
    await until(endpoint, (row) => (row?.consecutiveFailures ?? 0) >= 3);
    const failing = await endpoint();
    expect(failing?.failingSince?.getTime()).toBe(start.getTime());
    expect(failing?.enabled).toBe(true);
    // Three days and a minute later, still failing: the next failure turns it off.
    pinClock(new Date(start.getTime() + DISABLE_AFTER_MS + 60_000));
    const off = await until(endpoint, (row) => row?.enabled === false);
    expect(off).toMatchObject({ disabledReason: "failing" });
    // Invitation mail of the people who joined arrives too: only the notices count here.
    const subject = `An integration of ${w.org.ownerCtx.orgName} was turned off`;
    const notices = () => smtp.messages.slice(mailsBefore).filter((mail) => mail.subject === subject);
    const mails = await until(async () => notices(), (list) => list.length >= 2);
    expect(mails.map((mail) => (mail.to && "text" in mail.to ? mail.to.text : "")).sort()).toEqual([admin.user.email, w.org.owner.email].sort());
    expect(mails[0]?.text).toContain(`${TEST_APP_URL}/${w.org.slug}/settings/integrations`);
    // Nothing more is attempted, and nobody is told twice.
    const attempts = hook.received.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(hook.received.length).toBe(attempts);
    expect(notices()).toHaveLength(2);
    const rows = await withOrganisation(w.org.orgId, null, (tx) => tx.select().from(outbox).where(and(eq(outbox.orgId, w.org.orgId), eq(outbox.kind, "integration_disabled"))));
    expect(rows).toHaveLength(2);
    expect((await listIntegrations(w.org.ownerCtx))[0]).toMatchObject({ enabled: false, disabledReason: "failing" });
    // Enabled again by an admin, it starts with a clean record.
    expect(await updateIntegration(w.org.ownerCtx, integration.id, { enabled: true })).toMatchObject({ enabled: true, disabledReason: null, failingSince: null, consecutiveFailures: 0 });
  });
});

describe("Slack and Teams channels", () => {
  it("post a chosen team's check-ins and turns to at risk, through the same queue, in the connection's language", async () => {
    const w = await okrWorld("Chat");
    const slack = await receiver(200);
    const teams = await receiver(200);
    await createIntegration(w.org.ownerCtx, { kind: "slack", url: slack.url, description: "#okr", postDigest: true, checkInTeamId: w.team.id, postStatusChanges: false });
    await createIntegration(w.org.ownerCtx, { kind: "teams", url: teams.url, description: "OKR channel", postDigest: false, checkInTeamId: null, postStatusChanges: true });
    const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
    const kr = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Ship 12 newsletters" }));
    // A company check-in: not the chosen team's, and on track: neither channel hears of it.
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "31", confidence: "on_track", note: "" });
    await createCheckIn(w.member.ctx, kr.id, { value: "4", confidence: "off_track", note: "Behind" });
    const [posted] = await slack.waitFor(1);
    const slackBody = JSON.parse(posted?.body ?? "{}") as { text: string; blocks: Array<{ type: string; elements?: Array<{ url: string }> }> };
    expect(slackBody.text).toBe("Member checked in on Ship 12 newsletters");
    expect(slackBody.blocks.at(-1)?.elements?.[0]?.url).toBe(`${TEST_APP_URL}/${w.org.slug}/okrs/${teamGoal.id}`);
    expect(posted?.headers["webhook-signature"]).toBeUndefined();
    const cards = await teams.waitFor(2);
    const titles = cards.map((request) => (JSON.parse(request.body) as { attachments: Array<{ content: { body: Array<{ text: string }> } }> }).attachments[0]?.content.body[0]?.text).sort();
    expect(titles).toEqual(["Key result Ship 12 newsletters is now off track", "Objective Team goal is now off track"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(slack.received).toHaveLength(1);
    expect(teams.received).toHaveLength(2);
  });

  it("post the weekly digest with the digest job, once per week", async () => {
    const w = await okrWorld("Digest");
    const slack = await receiver(200);
    await createIntegration(w.org.ownerCtx, { kind: "slack", url: slack.url, description: "#leadership", postDigest: true, checkInTeamId: null, postStatusChanges: false });
    const week = localWeekStart(new Date(), "Europe/Oslo");
    await writeDigests(w.org.orgId, week);
    await writeDigests(w.org.orgId, week);
    const [posted] = await slack.waitFor(1);
    const body = JSON.parse(posted?.body ?? "{}") as { text: string; blocks: Array<{ elements?: Array<{ url: string }> }> };
    expect(body.text).toBe(`${w.org.ownerCtx.orgName}: weekly digest for the week of ${week}`);
    expect(body.blocks.at(-1)?.elements?.[0]?.url).toBe(`${TEST_APP_URL}/${w.org.slug}/review`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(slack.received).toHaveLength(1);
  });

  it("a test message reaches the channel", async () => {
    const org = await newOrganisation("Ping");
    const slack = await receiver(200);
    const { integration, secret } = await createIntegration(org.ownerCtx, { kind: "slack", url: slack.url, description: "#general", postDigest: false, checkInTeamId: null, postStatusChanges: false });
    expect(secret).toBeNull();
    await sendTestDelivery(org.ownerCtx, integration.id);
    const [posted] = await slack.waitFor(1);
    expect(JSON.parse(posted?.body ?? "{}")).toMatchObject({ text: "Test message from Retning" });
  });
});
