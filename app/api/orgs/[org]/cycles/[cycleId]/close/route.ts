import { route } from "@/lib/http";
import { closeCycle } from "@/lib/services/cycles";
import { cycleParams } from "@/lib/validation/cycles";

/** Closes the cycle and freezes its objectives' scores; answers how many were scored. */
export const POST = route({ access: "member", params: cycleParams }, async ({ ctx, params }) => ({ scored: await closeCycle(ctx, params.cycleId) }));
