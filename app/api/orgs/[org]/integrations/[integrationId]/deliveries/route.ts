import { route } from "@/lib/http";
import { listDeliveries } from "@/lib/services/integrations";
import { deliveryListQuery, integrationParams } from "@/lib/validation/integrations";

/** The delivery log, newest first: `after` is the previous page's nextCursor. */
export const GET = route({ access: "member", params: integrationParams, query: deliveryListQuery }, async ({ ctx, params, query }) =>
  listDeliveries(ctx, params.integrationId, query.after),
);
