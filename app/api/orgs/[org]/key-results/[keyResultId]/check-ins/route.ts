import { route } from "@/lib/http";
import { createCheckIn } from "@/lib/services/check-ins";
import { checkInSchema, keyResultCheckInParams } from "@/lib/validation/check-ins";

export const POST = route({ access: "member", params: keyResultCheckInParams, body: checkInSchema }, async ({ ctx, params, body }) => ({
  checkIn: await createCheckIn(ctx, params.keyResultId, body),
}));
