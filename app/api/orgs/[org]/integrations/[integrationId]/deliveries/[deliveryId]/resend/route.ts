import { route } from "@/lib/http";
import { resendDelivery } from "@/lib/services/integrations";
import { deliveryParams } from "@/lib/validation/integrations";

/** Sends one delivery again (same message id and body, a new entry in the log). */
export const POST = route({ access: "member", params: deliveryParams }, async ({ ctx, params }) => resendDelivery(ctx, params.integrationId, params.deliveryId));
