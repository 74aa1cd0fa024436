import { z } from "zod";
import { plainString, uuid } from "./common";
import { orgParams } from "./members";

/** As REFLECTION_MAX_LENGTH in lib/services/cycles.ts (validation does not import services). */
const REFLECTION_MAX = 2000;

export const cycleParams = orgParams.extend({ cycleId: uuid });

/** The objective a reflection is written on (objectives' own params live with the objective routes). */
export const reflectionParams = orgParams.extend({ objectiveId: uuid });

export const reflectionSchema = z.object({
  reflection: plainString()
    .trim()
    .min(1, { error: "validation.required" })
    .max(REFLECTION_MAX, { error: "validation.reflectionLength" }),
});
