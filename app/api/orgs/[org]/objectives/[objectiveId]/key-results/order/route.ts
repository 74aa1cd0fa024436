import { OK, route } from "@/lib/http";
import { reorderKeyResults } from "@/lib/services/key-results";
import { keyResultOrderSchema, objectiveParams } from "@/lib/validation/okrs";

export const PUT = route({ access: "member", params: objectiveParams, body: keyResultOrderSchema }, async ({ ctx, params, body }) => {
  await reorderKeyResults(ctx, params.objectiveId, body.keyResultIds);
  return OK;
});
