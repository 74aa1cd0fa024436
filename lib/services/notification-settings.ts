import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, organisations } from "@/db/schema";
import { notificationTopics, type NotificationTopic } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { parseUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation, withTenant } from "@/lib/tenant-scope";
import type { EmailPreferencesInput, NotificationScheduleInput } from "@/lib/validation/notifications";
import { changedFields, record } from "./activity";
import { authorize } from "./guard";
import { z } from "zod";

export const notificationScheduleJson = z.object({
  timeZone: z.string(),
  remindersEnabled: z.boolean(),
  reminderWeekday: z.number().int(),
  reminderMinute: z.number().int(),
  digestEnabled: z.boolean(),
  digestWeekday: z.number().int(),
  digestMinute: z.number().int(),
});
export type NotificationSchedule = z.infer<typeof notificationScheduleJson>;

export const emailPreferencesJson = z.object({
  reminderEmails: z.boolean(),
  escalationEmails: z.boolean(),
  /** Resolved: the person's choice, or by role (owners and admins get it) when they made none. */
  digestEmails: z.boolean(),
  commentEmails: z.boolean(),
});
export type EmailPreferences = z.infer<typeof emailPreferencesJson>;

/** What the settings page reads: the organisation's schedule and the reader's own choices. */
export const notificationSettingsJson = z.object({ schedule: notificationScheduleJson, mine: emailPreferencesJson });

/** An organisation's weekly schedule, as settings show it and the scheduler reads it. */
export const scheduleColumns = {
  timeZone: organisations.timeZone,
  remindersEnabled: organisations.remindersEnabled,
  reminderWeekday: organisations.reminderWeekday,
  reminderMinute: organisations.reminderMinute,
  digestEnabled: organisations.digestEnabled,
  digestWeekday: organisations.digestWeekday,
  digestMinute: organisations.digestMinute,
};

/** Owners and admins get the weekly digest unless they turn it off; anyone may subscribe. */
export const getsDigestByDefault = (role: TenantContext["role"]) => role === "owner" || role === "admin";

export async function getNotificationSettings(ctx: TenantContext): Promise<z.infer<typeof notificationSettingsJson>> {
  return withTenant(ctx, async (tx) => {
    const [schedule] = await tx.select(scheduleColumns).from(organisations).where(eq(organisations.id, ctx.orgId));
    const [mine] = await tx
      .select({ reminderEmails: memberships.reminderEmails, escalationEmails: memberships.escalationEmails, digestEmails: memberships.digestEmails, commentEmails: memberships.commentEmails })
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, ctx.userId)));
    if (!schedule || !mine) throw new AppError("not_found", "errors.not_found");
    return { schedule, mine: { ...mine, digestEmails: mine.digestEmails ?? getsDigestByDefault(ctx.role) } };
  });
}

/** When the organisation's reminders and digest go out, in its time zone; owners and admins. */
export async function updateNotificationSchedule(ctx: TenantContext, input: NotificationScheduleInput): Promise<void> {
  authorize(ctx, "organisation.update");
  const next: NotificationSchedule = {
    timeZone: input.timeZone,
    remindersEnabled: input.remindersEnabled,
    reminderWeekday: input.reminderWeekday,
    reminderMinute: input.reminderTime,
    digestEnabled: input.digestEnabled,
    digestWeekday: input.digestWeekday,
    digestMinute: input.digestTime,
  };
  await withTenant(ctx, async (tx) => {
    const [before] = await tx.select(scheduleColumns).from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
    if (!before) throw new AppError("not_found", "errors.not_found");
    await tx.update(organisations).set(next).where(eq(organisations.id, ctx.orgId));
    const changes = changedFields(before, next);
    if (changes) await record(tx, ctx, { action: "organisation.updated", entityType: "organisation", entityId: ctx.orgId, ...changes });
  });
}

/** A person's own email choices in this organisation. */
export async function updateEmailPreferences(ctx: TenantContext, input: EmailPreferencesInput): Promise<void> {
  await withTenant(ctx, (tx) =>
    tx.update(memberships).set(input).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, ctx.userId))),
  );
}

const topicColumn = {
  reminders: "reminderEmails",
  escalation: "escalationEmails",
  digest: "digestEmails",
  comments: "commentEmails",
} as const satisfies Record<NotificationTopic, keyof EmailPreferencesInput>;

export const unsubscribedJson = z.object({ orgName: z.string(), topic: z.enum(notificationTopics) });
export type Unsubscribed = z.infer<typeof unsubscribedJson>;

/** What a one-click unsubscribe link stands for, to show before the person confirms; null if it is not one of ours. */
export async function previewUnsubscribe(token: string): Promise<Unsubscribed | null> {
  const target = parseUnsubscribeToken(token);
  if (!target) return null;
  const [org] = await withOrganisation(target.orgId, target.userId, (tx) =>
    tx
      .select({ orgName: organisations.name })
      .from(organisations)
      .innerJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.userId, target.userId)))
      .where(eq(organisations.id, target.orgId)),
  );
  return org ? { orgName: org.orgName, topic: target.topic } : null;
}

/**
 * One-click unsubscribe (RFC 8058), signed out: the signed link names the organisation, the
 * person and the kind of email, and turns that kind off. Unknown or altered links are a 404.
 */
export async function unsubscribe(token: string): Promise<Unsubscribed> {
  const target = parseUnsubscribeToken(token);
  if (!target) throw new AppError("not_found", "errors.not_found");
  const preview = await previewUnsubscribe(token);
  if (!preview) throw new AppError("not_found", "errors.not_found");
  await withOrganisation(target.orgId, target.userId, (tx) =>
    tx
      .update(memberships)
      .set({ [topicColumn[target.topic]]: false })
      .where(and(eq(memberships.orgId, target.orgId), eq(memberships.userId, target.userId))),
  );
  return preview;
}
