import { OK, route } from "@/lib/http";
import { deleteIntegration, updateIntegration } from "@/lib/services/integrations";
import { integrationParams, updateIntegrationSchema } from "@/lib/validation/integrations";

/** Pause or enable, rename, change the events or the chat topics. */
export const PATCH = route({ access: "member", params: integrationParams, body: updateIntegrationSchema }, async ({ ctx, params, body }) => ({
  integration: await updateIntegration(ctx, params.integrationId, body),
}));

export const DELETE = route({ access: "member", params: integrationParams }, async ({ ctx, params }) => {
  await deleteIntegration(ctx, params.integrationId);
  return OK;
});
