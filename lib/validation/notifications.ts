import { z } from "zod";
import { isTimeZone } from "@/lib/okr/weekly-rhythm";
import { uuid } from "./common";
import { orgParams } from "./members";

const weekday = z.coerce.number({ error: "validation.invalid" }).int().min(1, { error: "validation.invalid" }).max(7, { error: "validation.invalid" });

/** "13:00" → 780 minutes after midnight. */
const localTime = z
  .string({ error: "validation.required" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.time" })
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** Form checkboxes arrive as "on" (or are missing); JSON clients send booleans. */
const flag = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).transform((value) => value === true || value === "on" || value === "true");

export const notificationScheduleSchema = z.object({
  timeZone: z.string({ error: "validation.required" }).refine(isTimeZone, { error: "validation.timeZone" }),
  remindersEnabled: flag.default(false),
  reminderWeekday: weekday,
  reminderTime: localTime,
  digestEnabled: flag.default(false),
  digestWeekday: weekday,
  digestTime: localTime,
});

export const emailPreferencesSchema = z.object({
  reminderEmails: flag.default(false),
  escalationEmails: flag.default(false),
  digestEmails: flag.default(false),
  commentEmails: flag.default(false),
});

export const mailParams = orgParams.extend({ outboxId: uuid });

/** A one-click unsubscribe link's token (lib/mail/unsubscribe-token.ts). */
export const unsubscribeParams = z.object({ token: z.string().min(20).max(200) });

export type NotificationScheduleInput = z.infer<typeof notificationScheduleSchema>;
export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;
