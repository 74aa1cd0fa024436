import { OK, route } from "@/lib/http";
import { moveObjective } from "@/lib/services/objectives";
import { objectiveMoveSchema, objectiveParams } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: objectiveParams, body: objectiveMoveSchema }, async ({ ctx, params, body }) => {
  await moveObjective(ctx, params.objectiveId, body);
  return OK;
});
