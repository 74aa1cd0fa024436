import { z } from "zod";
import { isTimeZone } from "@/lib/okr/weekly-rhythm";
import { plainString, strictInt, uuid } from "./common";
import { orgParams } from "./members";

/** ISO weekday: 1 Monday … 7 Sunday. */
const weekday = strictInt(1, 7);

/** "13:00" → 780 minutes after midnight. */
const localTime = z
  .string({ error: "validation.required" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.time" })
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** Form checkboxes arrive as "on" (or are missing); JSON clients send booleans. */
const flag = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).transform((value) => value === true || value === "on" || value === "true");

export const notificationScheduleSchema = z.object({
  timeZone: plainString().refine(isTimeZone, { error: "validation.timeZone" }).meta({ description: "An IANA time zone", examples: ["Europe/Oslo"] }),
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
export const unsubscribeParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_.-]{20,200}$/) });

export type NotificationScheduleInput = z.infer<typeof notificationScheduleSchema>;
export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;
