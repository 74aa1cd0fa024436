import { OK, route } from "@/lib/http";
import { activateCycle } from "@/lib/services/cycles";
import { cycleParams } from "@/lib/validation/cycles";

export const POST = route({ access: "member", params: cycleParams }, async ({ ctx, params }) => {
  await activateCycle(ctx, params.cycleId);
  return OK;
});
