import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { startWorker, stopWorking } from "@/lib/jobs/worker";
import { createInvitation, previewInvitation } from "@/lib/services/invitations";
import { getMailStatus } from "@/lib/services/mail-status";
import { withOrganisation } from "@/lib/tenant-scope";
import { setupTestDatabase } from "@/tests/db";
import { TEST_APP_URL, setupMailAndWorker } from "@/tests/mail-and-worker";
import { until } from "@/tests/until";
import { newOrganisation } from "@/tests/world";
import { pinClock, unpinClock } from "@/lib/clock";
import { resumePendingMail } from "./resume";
import { sendOutboxMessage } from "./send";

setupTestDatabase();

// Short retries, so that "the mail server is down" plays out in seconds.
const quickRetries = { "mail.send": { retryLimit: 3, retryDelay: 1, retryBackoff: false } };
const smtp = setupMailAndWorker(quickRetries);

async function outboxRows(orgId: string) {
  return withOrganisation(orgId, null, (tx) => tx.select().from(outbox).where(eq(outbox.orgId, orgId)));
}

describe("email through a real SMTP server", () => {
  it("an invitation arrives once, in the chosen language, with a working link built from APP_URL", async () => {
    const org = await newOrganisation("Mail");
    const before = smtp.messages.length;
    const invitation = await createInvitation(org.ownerCtx, { email: "kari@example.test", role: "admin", locale: "nb" });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("kari@example.test");
    expect(mail?.subject).toBe(`Du er invitert til ${org.ownerCtx.orgName} i Retning`);
    const link = `${TEST_APP_URL}/invite/${invitation.token}`;
    expect(mail?.html).toContain(link);
    expect(mail?.text).toContain(link);
    expect(mail?.text).toContain("administrator");
    expect(mail?.messageId).toMatch(/@okr\.example\.test>$/);
    expect(await previewInvitation(invitation.token)).toMatchObject({ status: "valid", email: "kari@example.test" });
    // Invitations are not notifications: nothing to unsubscribe from.
    expect(mail?.headerLines.some((line) => line.key === "list-unsubscribe")).toBe(false);
    const [row] = await until(() => outboxRows(org.orgId), (rows) => rows[0]?.status === "sent");
    expect(row).toMatchObject({ status: "sent", attempts: 1, kind: "invitation", locale: "nb" });
    // The outbox keeps the nonce the link is derived from, never the link's secret.
    expect(JSON.stringify(row?.data)).not.toContain(invitation.token.split(".")[1]);
  });

  it("with the mail server down, a message is retried and delivered when it is back: nothing lost, nothing twice", async () => {
    const org = await newOrganisation("Outage");
    smtp.down();
    const before = smtp.messages.length;
    try {
      await createInvitation(org.ownerCtx, { email: "outage@example.test", role: "member" });
      const [failing] = await until(() => outboxRows(org.orgId), (rows) => (rows[0]?.attempts ?? 0) >= 2 && rows[0]?.status === "pending");
      expect(failing?.lastError).toMatch(/451|Try again later/);
    } finally {
      smtp.up();
    }
    await smtp.waitFor(before + 1);
    const [sent] = await until(() => outboxRows(org.orgId), (rows) => rows[0]?.status === "sent");
    expect(sent?.lastError).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages.slice(before).filter((mail) => mail.subject?.includes(org.ownerCtx.orgName))).toHaveLength(1);
  });

  it("two workers sending the same message at once send it once", async () => {
    const org = await newOrganisation("Race");
    await stopWorking();
    try {
      const before = smtp.messages.length;
      await createInvitation(org.ownerCtx, { email: "race@example.test", role: "member" });
      const [row] = await outboxRows(org.orgId);
      if (!row) throw new Error("no outbox row");
      const attempt = { retryCount: 0, retryLimit: 3 };
      const outcomes = await Promise.all([sendOutboxMessage(org.orgId, row.id, attempt), sendOutboxMessage(org.orgId, row.id, attempt)]);
      expect(outcomes.sort()).toEqual(["already-handled", "sent"]);
      expect(await sendOutboxMessage(org.orgId, row.id, attempt)).toBe("already-handled");
      await smtp.waitFor(before + 1);
      expect(smtp.messages.length).toBe(before + 1);
    } finally {
      await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, maintenance: false, policies: quickRetries });
    }
  });

  it("a message that fails on every try is marked failed and shown to the organisation's admins, not to members", async () => {
    const org = await newOrganisation("Bounce");
    const member = await org.join("member");
    smtp.down();
    try {
      await createInvitation(org.ownerCtx, { email: "bounce@example.test", role: "member" });
      await until(() => outboxRows(org.orgId), (rows) => rows.find((row) => row.toEmail === "bounce@example.test")?.status === "failed", 20_000);
    } finally {
      smtp.up();
    }
    const status = await getMailStatus(org.ownerCtx);
    expect(status.delivery).toBe("smtp");
    expect(status.failed.filter((mail) => mail.toEmail === "bounce@example.test")).toEqual([
      expect.objectContaining({ kind: "invitation", attempts: 4, lastError: expect.stringMatching(/451|Try again later/) }),
    ]);
    await expect(getMailStatus(member.ctx)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("in production without a mail server, mail waits in the outbox, and leaves once one is configured", async () => {
    const org = await newOrganisation("Waiting");
    await stopWorking();
    try {
      vi.stubEnv("SMTP_URL", undefined);
      vi.stubEnv("NODE_ENV", "production");
      resetEnvForTests();
      await createInvitation(org.ownerCtx, { email: "patient@example.test", role: "member" });
      const [row] = await outboxRows(org.orgId);
      if (!row) throw new Error("no outbox row");
      expect(await sendOutboxMessage(org.orgId, row.id, { retryCount: 0, retryLimit: 3 })).toBe("waiting");
      expect((await getMailStatus(org.ownerCtx)).delivery).toBe("none");
      expect(await outboxRows(org.orgId)).toEqual([expect.objectContaining({ status: "pending", attempts: 0 })]);
      // Nothing to resume with: the sweep leaves it alone.
      expect(await resumePendingMail([org.orgId])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
    // A mail server is configured: the sweep gives the waiting message a job again, and it leaves.
    const before = smtp.messages.length;
    pinClock(new Date(Date.now() + 16 * 60_000));
    try {
      expect(await resumePendingMail([org.orgId])).toBe(1);
    } finally {
      unpinClock();
    }
    await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, maintenance: false });
    await smtp.waitFor(before + 1);
    await until(() => outboxRows(org.orgId), (rows) => rows[0]?.status === "sent");
  });
});
