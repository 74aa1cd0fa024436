import { route } from "@/lib/http";
import { createKeyResult } from "@/lib/services/key-results";
import { keyResultCreateSchema, objectiveParams } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: objectiveParams, body: keyResultCreateSchema }, async ({ ctx, params, body }) => ({
  keyResult: await createKeyResult(ctx, params.objectiveId, body),
}));
