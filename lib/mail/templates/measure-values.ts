import { z } from "zod";
import { keyResultDirections, keyResultUnits } from "@/lib/domain";

/** A key result's numbers as a notification shows them, snapshotted when the notification is written. */
export const measureSnapshot = z.object({
  unit: z.enum(keyResultUnits),
  currencyCode: z.string().nullable(),
  unitLabel: z.string().nullable(),
  direction: z.enum(keyResultDirections),
  /** The value of the last check-in; null before the first. */
  last: z.string().nullable(),
  /** Where the cycle says it should be today; null for a milestone. */
  expected: z.string().nullable(),
});
