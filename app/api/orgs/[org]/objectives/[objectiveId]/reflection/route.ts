import { OK, route } from "@/lib/http";
import { saveReflection } from "@/lib/services/cycles";
import { reflectionParams, reflectionSchema } from "@/lib/validation/cycles";

export const PUT = route({ access: "member", params: reflectionParams, body: reflectionSchema }, async ({ ctx, params, body }) => {
  await saveReflection(ctx, params.objectiveId, body.reflection);
  return OK;
});
