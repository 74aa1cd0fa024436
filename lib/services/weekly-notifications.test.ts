import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { keyResults, outbox } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import type { MailKind } from "@/lib/domain";
import { renderMail } from "@/lib/mail/render";
import { localWeekStart } from "@/lib/okr/weekly-rhythm";
import { withOrganisation } from "@/lib/tenant-scope";
import { setupTestDatabase } from "@/tests/db";
import { keyResultInput, objectiveInput, okrWorld } from "@/tests/okr-world";
import { createCheckIn } from "./check-ins";
import { notifyComments } from "./comment-notifications";
import { createComment } from "./comments";
import { writeDigests } from "./digest";
import { writeEscalations } from "./escalation";
import { createKeyResult } from "./key-results";
import { updateEmailPreferences } from "./notification-settings";
import { createObjective } from "./objectives";

setupTestDatabase();

afterEach(unpinClock);

async function mails(orgId: string, kind: MailKind) {
  const rows = await withOrganisation(orgId, null, (tx) => tx.select().from(outbox).where(and(eq(outbox.orgId, orgId), eq(outbox.kind, kind))));
  return Promise.all(rows.map(async (row) => ({ row, rendered: await renderMail(row) })));
}

/** The lead's team objective: one key result of the member's, one of the lead's, one gone stale. */
async function teamWorld() {
  const w = await okrWorld("Weekly");
  const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
  const members = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Ship 12 newsletters" }));
  const leads = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.lead.user.id, { title: "Grow the list" }));
  const old = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id, { title: "Forgotten metric" }));
  const db = await getDb();
  await db.update(keyResults).set({ createdAt: sql`now() - interval '10 days'` }).where(eq(keyResults.id, old.id));
  return { ...w, teamGoal, members, leads, old };
}

describe("the team leads' follow-up", () => {
  it("tells each lead who in their team did not check in that week and what went stale, once", async () => {
    const w = await teamWorld();
    await createCheckIn(w.lead.ctx, w.leads.id, { value: "31", confidence: "on_track", note: "" });
    const week = localWeekStart(new Date(), "Europe/Oslo");
    expect(await writeEscalations(w.org.orgId, week)).toBe(1);
    expect(await writeEscalations(w.org.orgId, week)).toBe(0);
    const [lead] = await mails(w.org.orgId, "escalation");
    expect(lead?.row.toUserId).toBe(w.lead.user.id);
    expect(lead?.rendered.subject).toBe(`Check-ins missed in your teams in ${w.org.ownerCtx.orgName}`);
    expect(lead?.rendered.text).toContain("Marketing");
    expect(lead?.rendered.text).toContain("Member: 2 key results");
    expect(lead?.rendered.text).toContain("Forgotten metric (Member)");
    expect(lead?.rendered.text).not.toContain("Ship 12 newsletters (Member)");
    expect(lead?.rendered.headers["List-Unsubscribe"]).toMatch(/\/api\/unsubscribe\//);
  });

  it("says nothing to a lead whose team is all caught up, or who turned it off", async () => {
    const w = await okrWorld("Quiet");
    const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Team goal" }));
    const kr = await createKeyResult(w.lead.ctx, teamGoal.id, keyResultInput(w.member.user.id));
    await createCheckIn(w.member.ctx, kr.id, { value: "31", confidence: "on_track", note: "" });
    const week = localWeekStart(new Date(), "Europe/Oslo");
    expect(await writeEscalations(w.org.orgId, week)).toBe(0);
    const other = await teamWorld();
    await updateEmailPreferences(other.lead.ctx, { reminderEmails: true, escalationEmails: false, digestEmails: false, commentEmails: true });
    expect(await writeEscalations(other.org.orgId, week)).toBe(0);
  });
});

describe("the weekly digest", () => {
  it("goes to owners and admins by default and to whoever subscribes, with the week's figures and the review's link", async () => {
    const w = await teamWorld();
    const admin = await w.org.join("admin", "Admin");
    await updateEmailPreferences(w.member.ctx, { reminderEmails: true, escalationEmails: true, digestEmails: true, commentEmails: true });
    await updateEmailPreferences(admin.ctx, { reminderEmails: true, escalationEmails: true, digestEmails: false, commentEmails: true });
    await createCheckIn(w.member.ctx, w.members.id, { value: "40", confidence: "off_track", note: "Slipping" });
    const week = localWeekStart(new Date(), "Europe/Oslo");
    expect(await writeDigests(w.org.orgId, week)).toBe(2);
    expect(await writeDigests(w.org.orgId, week)).toBe(0);
    const digests = await mails(w.org.orgId, "weekly_digest");
    expect(digests.map((mail) => mail.row.toUserId).sort()).toEqual([w.org.owner.id, w.member.user.id].sort());
    const text = digests[0]?.rendered.text ?? "";
    expect(digests[0]?.rendered.subject).toBe(`The week in ${w.org.ownerCtx.orgName}`);
    expect(text).toMatch(/Company progress is \d+%, where the cycle expects \d+% by now\. That is \d+ points (ahead of|behind) pace\./);
    // The member's check-in said off track, but the forgotten key result is stale, which outranks it.
    expect(text).toContain("Team goal: now stale");
    expect(text).toMatch(/Marketing\s+33% \(1 of 3\)/);
    expect(text).toContain(`/${w.org.slug}/review`);
  });
});

describe("comment notifications", () => {
  it("tell the objective's owner about new comments, at most one email per objective per hour", async () => {
    const w = await okrWorld("Talk");
    await createComment(w.member.ctx, w.company.id, "Can we talk about the NPS target?");
    await createComment(w.lead.ctx, w.company.id, "Agreed, it looks low.");
    // The owner's own replies are not news to them.
    await createComment(w.org.ownerCtx, w.company.id, "Happy to.");
    expect(await notifyComments(w.org.orgId, w.company.id)).toBe(2);
    const [first] = await mails(w.org.orgId, "comments");
    expect(first?.row.toUserId).toBe(w.org.owner.id);
    expect(first?.rendered.subject).toBe("2 new comments on Become the shop Norwegians recommend");
    expect(first?.rendered.text).toContain("Can we talk about the NPS target?");
    expect(first?.rendered.text).toContain("Agreed, it looks low.");
    expect(first?.rendered.text).not.toContain("Happy to.");

    await createComment(w.member.ctx, w.company.id, "One more thing.");
    expect(await notifyComments(w.org.orgId, w.company.id)).toBe(0);
    pinClock(new Date(Date.now() + 61 * 60_000));
    expect(await notifyComments(w.org.orgId, w.company.id)).toBe(1);
    const all = await mails(w.org.orgId, "comments");
    expect(all).toHaveLength(2);
    expect(all.find((mail) => mail.rendered.subject.startsWith("New comment"))?.rendered.text).toContain("One more thing.");
    expect(all.find((mail) => mail.rendered.subject.startsWith("New comment"))?.rendered.text).not.toContain("Agreed");
  });

  it("send nothing to an owner who turned them off", async () => {
    const w = await okrWorld("Mute");
    await updateEmailPreferences(w.org.ownerCtx, { reminderEmails: true, escalationEmails: true, digestEmails: true, commentEmails: false });
    await createComment(w.member.ctx, w.company.id, "Anyone there?");
    expect(await notifyComments(w.org.orgId, w.company.id)).toBe(0);
    expect(await mails(w.org.orgId, "comments")).toEqual([]);
  });
});
