import { OK, route } from "@/lib/http";
import { deleteKeyResult, updateKeyResult } from "@/lib/services/key-results";
import { keyResultParams, keyResultUpdateSchema } from "@/lib/validation/okrs";

export const PATCH = route({ access: "member", params: keyResultParams, body: keyResultUpdateSchema }, async ({ ctx, params, body }) => ({
  keyResult: await updateKeyResult(ctx, params.keyResultId, body),
}));

export const DELETE = route({ access: "member", params: keyResultParams }, async ({ ctx, params }) => {
  await deleteKeyResult(ctx, params.keyResultId);
  return OK;
});
