import { route } from "@/lib/http";
import { cascadeObjective } from "@/lib/services/cascade";
import { cascadeSchema, objectiveParams } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: objectiveParams, body: cascadeSchema }, async ({ ctx, params, body }) =>
  cascadeObjective(ctx, params.objectiveId, body),
);
