import { route } from "@/lib/http";
import { carryOver } from "@/lib/services/carry-over";
import { carryOverSchema } from "@/lib/validation/carry-over";
import { cycleParams } from "@/lib/validation/cycles";

/**
 * Carries objectives of this cycle into a later, open one (`toCycleId`), with their key results,
 * in one transaction; this cycle is only read. Answers the copies and what became of each one's
 * alignment.
 */
export const POST = route({ access: "member", params: cycleParams, body: carryOverSchema }, async ({ ctx, params, body }) => carryOver(ctx, params.cycleId, body));
