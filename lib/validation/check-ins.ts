import { z } from "zod";
import { confidences } from "@/lib/domain";
import { decimal, optionalText, uuid } from "./common";
import { orgParams } from "./members";

export const checkInSchema = z.object({
  value: decimal,
  confidence: z.enum(confidences, { error: "validation.confidence" }),
  note: optionalText(2000),
});

/** My week: any number of key results in one submit, all or nothing. */
export const weeklyCheckInSchema = z.object({
  entries: z
    .array(checkInSchema.extend({ keyResultId: uuid }))
    .min(1, { error: "validation.chooseAtLeastOne" })
    .max(100),
});

export const keyResultCheckInParams = orgParams.extend({ keyResultId: uuid });

export type CheckInInput = z.infer<typeof checkInSchema>;
export type WeeklyCheckInInput = z.infer<typeof weeklyCheckInSchema>;
/** One entry of My week as a client sends it (before defaults): the form's state is typed from it. */
export type WeeklyCheckInEntry = z.input<typeof weeklyCheckInSchema>["entries"][number];
