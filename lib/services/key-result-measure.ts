import "server-only";
import { keyResults, type KeyResult } from "@/db/schema";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { decimalJson } from "@/lib/api/json-values";
import { keyResultDirections, keyResultUnits } from "@/lib/domain";

/** How a key result's numbers are written: what formatMeasure needs to show a value. */
export type KeyResultUnitFields = Pick<KeyResult, "unit" | "currencyCode" | "unitLabel" | "direction">;

/** …and where it runs from and to, and stands: what a target line ("9 → 2 hours, now 5.9") shows. */
export type KeyResultMeasureFields = KeyResultUnitFields & Pick<KeyResult, "startValue" | "targetValue" | "currentValue">;

export const keyResultUnitFieldsJson = documents<KeyResultUnitFields>()(
  z.object({
    unit: z.enum(keyResultUnits),
    currencyCode: z.string().nullable(),
    unitLabel: z.string().nullable(),
    direction: z.enum(keyResultDirections),
  }),
);
export const keyResultMeasureFieldsJson = documents<KeyResultMeasureFields>()(
  keyResultUnitFieldsJson.extend({ startValue: decimalJson, targetValue: decimalJson, currentValue: decimalJson }),
);

/** The columns of KeyResultUnitFields, for a select that joins key_results. */
export const keyResultUnitColumns = {
  unit: keyResults.unit,
  currencyCode: keyResults.currencyCode,
  unitLabel: keyResults.unitLabel,
  direction: keyResults.direction,
};

/** The columns of KeyResultMeasureFields, for a select that joins key_results. */
export const keyResultMeasureColumns = {
  ...keyResultUnitColumns,
  startValue: keyResults.startValue,
  targetValue: keyResults.targetValue,
  currentValue: keyResults.currentValue,
};
