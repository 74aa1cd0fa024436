import { route } from "@/lib/http";
import { keyResultHistory } from "@/lib/services/history";
import { keyResultCheckInParams } from "@/lib/validation/check-ins";

/** A key result's check-ins and expected line, fetched when someone opens its history. */
export const GET = route({ access: "member", params: keyResultCheckInParams }, async ({ ctx, params }) => ({
  history: await keyResultHistory(ctx, params.keyResultId),
}));
