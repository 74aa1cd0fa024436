import { route } from "@/lib/http";
import { sendTestDelivery } from "@/lib/services/integrations";
import { integrationParams } from "@/lib/validation/integrations";

/** A test event or test message, sent like any other delivery. */
export const POST = route({ access: "member", params: integrationParams }, async ({ ctx, params }) => sendTestDelivery(ctx, params.integrationId));
