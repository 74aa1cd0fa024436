import { OK, route } from "@/lib/http";
import { getObjectiveDetail } from "@/lib/services/objective-detail";
import { deleteObjective, updateObjective } from "@/lib/services/objectives";
import { objectiveParams, objectiveUpdateSchema } from "@/lib/validation/okrs";

export const GET = route({ access: "member", params: objectiveParams }, async ({ ctx, params }) => getObjectiveDetail(ctx, params.objectiveId));

/** Names the version it edited; a newer save by someone else answers 409 with that version. */
export const PATCH = route({ access: "member", params: objectiveParams, body: objectiveUpdateSchema }, async ({ ctx, params, body }) => ({
  objective: await updateObjective(ctx, params.objectiveId, body),
}));

export const DELETE = route({ access: "member", params: objectiveParams }, async ({ ctx, params }) => {
  await deleteObjective(ctx, params.objectiveId);
  return OK;
});
