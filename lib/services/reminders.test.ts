import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { organisations, outbox } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { runScheduledWork } from "@/lib/jobs/scheduler";
import { withOrganisation } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { until as untilValue } from "@/tests/until";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { TEST_APP_URL, setupMailAndWorker } from "@/tests/mail-and-worker";
import { headerText } from "@/tests/smtp";
import { setLocale } from "./accounts";
import { createCheckIn } from "./check-ins";
import { createKeyResult } from "./key-results";
import { getNotificationSettings, unsubscribe, updateEmailPreferences } from "./notification-settings";
import { createObjective } from "./objectives";
import { sendRemindersNow, writeReminders } from "./reminders";

setupTestDatabase();

const smtp = setupMailAndWorker();

afterEach(unpinClock);

/**
 * The owner owns the company key result; the lead owns a team objective with a key result of the
 * member's and one of their own; the outsider reports on nothing.
 */
async function reminderWorld() {
  const w = await okrWorld("Remind");
  const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
  const members = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Ship 12 newsletters", startValue: "0", targetValue: "12" }));
  const leads = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.lead.user.id, { title: "Open rate above 40 %", unit: "percent", direction: "stay_above", startValue: "0", targetValue: "40" }));
  return { ...w, teamGoal, members, leads };
}

/** Reminders that arrived for `email` (the world's invitations arrive too, and are not counted). */
const mailsTo = (email: string, since = 0) =>
  smtp.messages.slice(since).filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === email && !/invit/i.test(mail.subject ?? ""));
const reminderCount = () => smtp.messages.filter((mail) => !/invit/i.test(mail.subject ?? "")).length;

async function outboxFor(orgId: string) {
  return withOrganisation(orgId, null, (tx) => tx.select().from(outbox).where(and(eq(outbox.orgId, orgId), eq(outbox.kind, "check_in_reminder"))));
}

const until = (done: () => boolean) => untilValue(done, (value) => value);

async function settle(ms = 1200) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe("check-in reminders", () => {
  it("email each person who owes check-ins once, listing them with last and expected values; the caught-up get none", async () => {
    const w = await reminderWorld();
    await setLocale(w.member.user.id, "nb");
    // The owner has checked in on everything they report on this week.
    await createCheckIn(w.org.ownerCtx, w.nps.id, { value: "35", confidence: "on_track", note: "" });
    const since = 0;
    const run = await writeReminders(w.org.orgId, "2026-03-23");
    expect(run).toEqual({ owing: 2, written: 2 });
    await until(() => mailsTo(w.lead.user.email).length + mailsTo(w.member.user.email).length === 2);
    await settle();

    expect(mailsTo(w.org.owner.email, since)).toEqual([]);
    expect(mailsTo(w.outsider.user.email, since)).toEqual([]);

    const [lead] = mailsTo(w.lead.user.email, since);
    expect(lead?.subject).toBe(`2 check-ins waiting in ${w.org.ownerCtx.orgName}`);
    // Both key results of the lead's objective: their own, and the member's.
    expect(lead?.text).toContain("Ship 12 newsletters");
    expect(lead?.text).toContain("Open rate above 40 %");
    expect(lead?.text).toContain("Last value: no check-in yet");
    expect(lead?.text).toContain("expected today: 40%");
    expect(lead?.text).toContain(`${TEST_APP_URL}/${w.org.slug}/check-ins`);
    expect(lead?.html).toContain(`${TEST_APP_URL}/${w.org.slug}/check-ins`);

    // The member reads theirs in Norwegian, with the RFC 8058 one-click headers.
    const [member] = mailsTo(w.member.user.email, since);
    expect(member?.subject).toBe(`1 innsjekk venter i ${w.org.ownerCtx.orgName}`);
    expect(member?.text).toContain("Ship 12 newsletters");
    expect(member?.text).not.toContain("Open rate above 40 %");
    expect(member?.text).toContain("Åpne Min uke");
    const unsubscribeHeader = headerText(member as ParsedMail, "List-Unsubscribe");
    expect(unsubscribeHeader).toMatch(new RegExp(`^<${TEST_APP_URL}/api/unsubscribe/[^>]+>$`));
    expect(headerText(member as ParsedMail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The footer link is the same token, on a page that works signed out.
    const token = unsubscribeHeader?.match(/\/api\/unsubscribe\/([^>]+)>/)?.[1] ?? "";
    expect(member?.text).toContain(`${TEST_APP_URL}/unsubscribe/${token}`);
  });

  it("give one reminder per person per week, however many runs, retries and presses of the button", async () => {
    const w = await reminderWorld();
    const since = reminderCount();
    const week = "2026-03-23";
    const runs = await Promise.all([writeReminders(w.org.orgId, week), writeReminders(w.org.orgId, week)]);
    expect(runs.map((run) => run.written).reduce((a, b) => a + b)).toBe(3);
    expect(await writeReminders(w.org.orgId, week)).toEqual({ owing: 3, written: 0 });
    pinClock("2026-03-26T12:00:00Z");
    // The button uses the organisation's local week: the same key, nothing new.
    expect(await sendRemindersNow(w.org.ownerCtx)).toEqual({ owing: 3, written: 0 });
    expect((await appError(sendRemindersNow(w.member.ctx))).code).toBe("forbidden");
    unpinClock();
    await until(() => reminderCount() >= since + 3);
    await settle(1500);
    expect(reminderCount()).toBe(since + 3);
    expect(await outboxFor(w.org.orgId)).toHaveLength(3);
    // Another week is another key.
    expect((await writeReminders(w.org.orgId, "2026-03-30")).written).toBe(3);
  });

  it("respect a person's opt-out and the one-click unsubscribe, which works signed out", async () => {
    const w = await reminderWorld();
    await updateEmailPreferences(w.lead.ctx, { reminderEmails: false, escalationEmails: true, digestEmails: false, commentEmails: true });
    expect(await writeReminders(w.org.orgId, "2026-03-23")).toEqual({ owing: 2, written: 2 });
    await until(() => mailsTo(w.member.user.email).length === 1);
    const [sent] = mailsTo(w.member.user.email);
    const memberToken = headerText(sent as ParsedMail, "List-Unsubscribe")?.match(/\/api\/unsubscribe\/([^>]+)>/)?.[1] ?? "";
    expect(await unsubscribe(memberToken)).toEqual({ orgName: w.org.ownerCtx.orgName, topic: "reminders" });
    expect((await getNotificationSettings(w.member.ctx)).mine.reminderEmails).toBe(false);
    expect((await writeReminders(w.org.orgId, "2026-03-30")).owing).toBe(1);
    // An altered link unsubscribes nobody.
    expect((await appError(unsubscribe(memberToken.replace(/.$/, (c) => (c === "A" ? "B" : "A"))))).code).toBe("not_found");
  });

  it("are scheduled at the organisation's local time, not a minute before, once per week", async () => {
    const w = await reminderWorld();
    await withOrganisation(w.org.orgId, null, (tx) => tx.update(organisations).set({ timeZone: "Europe/Oslo" }).where(eq(organisations.id, w.org.orgId)));
    const only = [w.org.orgId];
    // Friday 3 April 2026, summer time in Oslo: 13:00 is 11:00 UTC.
    expect((await runScheduledWork(new Date("2026-04-03T10:59:00Z"), only)).reminders).toBe(0);
    pinClock("2026-04-03T11:00:00Z");
    expect((await runScheduledWork(new Date("2026-04-03T11:00:00Z"), only)).reminders).toBe(1);
    const [marked] = await new Promise<Array<{ ran: string | null }>>((resolve, reject) => {
      const started = Date.now();
      const poll = async () => {
        const rows = await withOrganisation(w.org.orgId, null, (tx) => tx.select({ ran: organisations.remindersRanFor }).from(organisations).where(eq(organisations.id, w.org.orgId)));
        if (rows[0]?.ran === "2026-03-30") resolve(rows);
        else if (Date.now() - started > 15_000) reject(new Error("the run did not finish"));
        else setTimeout(poll, 100);
      };
      void poll();
    });
    expect(marked?.ran).toBe("2026-03-30");
    expect(await outboxFor(w.org.orgId)).toHaveLength(3);
    expect((await runScheduledWork(new Date("2026-04-03T11:01:00Z"), only)).reminders).toBe(0);
  });
});
