import "server-only";
import { keyResults, type KeyResult } from "@/db/schema";

/** How a key result's numbers are written: what formatMeasure needs to show a value. */
export type KeyResultUnitFields = Pick<KeyResult, "unit" | "currencyCode" | "unitLabel" | "direction">;

/** …and where it runs from and to, and stands: what a target line ("9 → 2 hours, now 5.9") shows. */
export type KeyResultMeasureFields = KeyResultUnitFields & Pick<KeyResult, "startValue" | "targetValue" | "currentValue">;

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
