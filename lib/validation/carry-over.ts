import { z } from "zod";
import { decimal, uuid } from "./common";

/** As CARRY_OVER_MAX_OBJECTIVES in lib/services/carry-over.ts (validation does not import services). */
const MAX_OBJECTIVES = 200;
const MAX_KEY_RESULTS = 50;

/** A key result of a carried objective, with the figures its owner changed before saving. */
const carriedKeyResult = z.object({
  keyResultId: uuid,
  /** False leaves this key result behind; a carried objective keeps at least one of its key results. */
  carry: z.boolean().default(true),
  /** The new target; the old one when left out. */
  targetValue: decimal.optional(),
  /** The new start; the old key result's last value when left out. */
  startValue: decimal.optional(),
});

const carriedObjective = z.object({
  objectiveId: uuid,
  /** Only the key results whose figures change or that stay behind; the others are carried as they were. */
  keyResults: z.array(carriedKeyResult).max(MAX_KEY_RESULTS, { error: "validation.invalid" }).default([]),
});

/**
 * POST /api/orgs/{org}/cycles/{cycleId}/carry-over: objectives of this cycle carried into
 * `toCycleId`. What is not named is not carried (done, or dropped): nothing is recorded for it.
 */
export const carryOverSchema = z
  .object({
    toCycleId: uuid,
    items: z.array(carriedObjective).min(1, { error: "validation.chooseAtLeastOne" }).max(MAX_OBJECTIVES, { error: "validation.invalid" }),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((item, index) => {
      if (seen.has(item.objectiveId)) ctx.addIssue({ code: "custom", path: ["items", index, "objectiveId"], message: "validation.objectiveTwice" });
      seen.add(item.objectiveId);
      const krs = new Set<string>();
      item.keyResults.forEach((kr, krIndex) => {
        if (krs.has(kr.keyResultId)) ctx.addIssue({ code: "custom", path: ["items", index, "keyResults", krIndex, "keyResultId"], message: "validation.duplicate" });
        krs.add(kr.keyResultId);
      });
    });
  });

export type CarryOverInput = z.infer<typeof carryOverSchema>;
