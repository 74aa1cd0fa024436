import { OK, route } from "@/lib/http";
import { restoreObjective } from "@/lib/services/objectives";
import { objectiveParams } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: objectiveParams }, async ({ ctx, params }) => {
  await restoreObjective(ctx, params.objectiveId);
  return OK;
});
