import { z } from "zod";
import { keyResultDirections, keyResultUnits, objectiveLevels, rollupModes } from "@/lib/domain";
import { boundedText, decimal, isoDate, nullableId, optionalText, text, uuid, version } from "./common";
import { orgParams } from "./members";

/** A share from 0 to 1, as a JSON number (the form sends one). */
const manualProgress = z
  .number({ error: "validation.invalid" })
  .min(0, { error: "validation.invalid" })
  .max(1, { error: "validation.invalid" })
  .nullable()
  .optional();

const objectiveFields = {
  cycleId: uuid,
  level: z.enum(objectiveLevels, { error: "validation.invalid" }),
  teamId: nullableId,
  ownerUserId: uuid,
  title: text(1, 200),
  description: optionalText(2000),
  parentObjectiveId: nullableId,
  parentKeyResultId: nullableId,
  rollupMode: z.enum(rollupModes, { error: "validation.invalid" }),
  manualProgress,
  manualProgressReason: boundedText(500).nullable().optional(),
};

type ObjectiveShape = {
  level?: string;
  teamId?: string | null;
  rollupMode?: string;
  manualProgress?: number | null;
  manualProgressReason?: string | null;
  parentObjectiveId?: string | null;
  parentKeyResultId?: string | null;
};

/** Rules between fields; on an update they apply to the fields the update names. */
function checkObjective(value: ObjectiveShape, issue: (path: string, message: string) => void) {
  if (value.level === "team" && !value.teamId) issue("teamId", "validation.teamRequired");
  if (value.rollupMode === "manual") {
    if (value.manualProgress === undefined || value.manualProgress === null) issue("manualProgress", "validation.required");
    if (!value.manualProgressReason) issue("manualProgressReason", "validation.manualReasonRequired");
  }
  if (value.parentKeyResultId && !value.parentObjectiveId) issue("parentKeyResultId", "validation.keyResultNeedsObjective");
}

const refine =
  <T extends ObjectiveShape>() =>
  (value: T, ctx: z.RefinementCtx) =>
    checkObjective(value, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));

export const objectiveCreateSchema = z
  .object({ ...objectiveFields, rollupMode: objectiveFields.rollupMode.default("key_results") })
  .superRefine(refine());

export const objectiveUpdateSchema = z
  .object({
    version,
    level: objectiveFields.level.optional(),
    teamId: objectiveFields.teamId,
    ownerUserId: uuid.optional(),
    title: objectiveFields.title.optional(),
    description: boundedText(2000).optional(),
    parentObjectiveId: objectiveFields.parentObjectiveId,
    parentKeyResultId: objectiveFields.parentKeyResultId,
    rollupMode: objectiveFields.rollupMode.optional(),
    manualProgress,
    manualProgressReason: objectiveFields.manualProgressReason,
  })
  .superRefine(refine());

export const objectiveMoveSchema = z.object({ version, cycleId: uuid });
export const objectiveVersionSchema = z.object({ version });

const keyResultFields = {
  title: text(1, 300),
  description: optionalText(1000),
  unit: z.enum(keyResultUnits, { error: "validation.invalid" }),
  currencyCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: "validation.currencyCode" })
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  unitLabel: boundedText(24).nullable().optional(),
  direction: z.enum(keyResultDirections, { error: "validation.invalid" }),
  startValue: decimal,
  targetValue: decimal,
  ownerUserId: uuid,
  dueDate: isoDate,
  weight: decimal.refine((value) => Number(value) > 0, { error: "validation.weightPositive" }),
};

type KeyResultShape = {
  unit?: string;
  currencyCode?: string | null;
  unitLabel?: string | null;
  direction?: string;
  startValue?: string;
  targetValue?: string;
};

function checkKeyResult(value: KeyResultShape, issue: (path: string, message: string) => void) {
  if (value.unit === "currency" && !value.currencyCode) issue("currencyCode", "validation.currencyCode");
  if (value.unit === "custom" && !value.unitLabel) issue("unitLabel", "validation.unitLabelRequired");
  if (value.startValue !== undefined && value.targetValue !== undefined) {
    const start = Number(value.startValue);
    const target = Number(value.targetValue);
    if (value.direction === "increase" && !(target > start)) issue("targetValue", "validation.targetAboveStart");
    if (value.direction === "decrease" && !(target < start)) issue("targetValue", "validation.targetBelowStart");
  }
}

const refineKeyResult =
  <T extends KeyResultShape>() =>
  (value: T, ctx: z.RefinementCtx) =>
    checkKeyResult(value, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));

export const keyResultCreateSchema = z
  .object({
    ...keyResultFields,
    unit: keyResultFields.unit.default("number"),
    direction: keyResultFields.direction.default("increase"),
    startValue: keyResultFields.startValue.default("0"),
    targetValue: keyResultFields.targetValue.optional(),
    dueDate: isoDate.optional().or(z.literal("").transform(() => undefined)),
    weight: keyResultFields.weight.default("1"),
  })
  .superRefine((value, ctx) => {
    // A milestone is done or not: it needs no target of its own.
    if (value.direction !== "milestone" && value.targetValue === undefined) {
      ctx.addIssue({ code: "custom", path: ["targetValue"], message: "validation.required" });
    }
    refineKeyResult<typeof value>()(value, ctx);
  });

export const keyResultUpdateSchema = z
  .object({
    version,
    title: keyResultFields.title.optional(),
    description: boundedText(1000).optional(),
    unit: keyResultFields.unit.optional(),
    currencyCode: keyResultFields.currencyCode,
    unitLabel: keyResultFields.unitLabel,
    direction: keyResultFields.direction.optional(),
    startValue: decimal.optional(),
    targetValue: decimal.optional(),
    ownerUserId: uuid.optional(),
    dueDate: isoDate.optional(),
    weight: keyResultFields.weight.optional(),
  })
  .superRefine(refineKeyResult());

export const keyResultOrderSchema = z.object({ keyResultIds: z.array(uuid).min(1).max(50) });

const cascadeTarget = z.object({ teamId: uuid.optional(), userId: uuid.optional(), keyResultId: nullableId, title: objectiveFields.title.optional() });
export const cascadeSchema = z
  .object({ targets: z.array(cascadeTarget).min(1, { error: "validation.chooseAtLeastOne" }).max(100) })
  .superRefine((value, ctx) => {
    value.targets.forEach((target, index) => {
      if (!target.teamId === !target.userId) ctx.addIssue({ code: "custom", path: ["targets", index], message: "validation.invalid" });
    });
  });

export const objectiveParams = orgParams.extend({ objectiveId: uuid });
export const keyResultParams = orgParams.extend({ keyResultId: uuid });
export const objectiveKeyResultParams = objectiveParams;

export type ObjectiveCreateInput = z.infer<typeof objectiveCreateSchema>;
/** What a client sends (before defaults and coercion): the dialogs' form state is typed from these. */
export type ObjectiveCreateBody = z.input<typeof objectiveCreateSchema>;
export type ObjectiveUpdateBody = z.input<typeof objectiveUpdateSchema>;
export type KeyResultCreateBody = z.input<typeof keyResultCreateSchema>;
export type KeyResultUpdateBody = z.input<typeof keyResultUpdateSchema>;
export type CascadeBody = z.input<typeof cascadeSchema>;
export type ObjectiveUpdateInput = z.infer<typeof objectiveUpdateSchema>;
export type KeyResultCreateInput = z.infer<typeof keyResultCreateSchema>;
export type KeyResultUpdateInput = z.infer<typeof keyResultUpdateSchema>;
export type CascadeInput = z.infer<typeof cascadeSchema>;
