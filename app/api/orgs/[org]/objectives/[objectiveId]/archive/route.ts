import { OK, route } from "@/lib/http";
import { archiveObjective } from "@/lib/services/objectives";
import { objectiveParams } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: objectiveParams }, async ({ ctx, params }) => {
  await archiveObjective(ctx, params.objectiveId);
  return OK;
});
