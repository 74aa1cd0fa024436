import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, organisations } from "@/db/schema";
import type { NotificationTopic } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { parseUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation, withTenant } from "@/lib/tenant-scope";
import type { EmailPreferencesInput, NotificationScheduleInput } from "@/lib/validation/notifications";
import { changedFields, record } from "./activity";
import { authorize } from "./guard";

export interface NotificationSchedule {
  timeZone: string;
  remindersEnabled: boolean;
  reminderWeekday: number;
  reminderMinute: number;
  digestEnabled: boolean;
  digestWeekday: number;
  digestMinute: number;
}

export interface EmailPreferences {
  reminderEmails: boolean;
  escalationEmails: boolean;
  /** Resolved: the person's choice, or by role (owners and admins get it) when they made none. */
  digestEmails: boolean;
  commentEmails: boolean;
}

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

export async function getNotificationSettings(ctx: TenantContext): Promise<{ schedule: NotificationSchedule; mine: EmailPreferences }> {
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

export interface Unsubscribed {
  orgName: string;
  topic: NotificationTopic;
}

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
