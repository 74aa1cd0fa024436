import { route } from "@/lib/http";
import { createIntegration, listIntegrations } from "@/lib/services/integrations";
import { createIntegrationSchema } from "@/lib/validation/integrations";
import { orgParams } from "@/lib/validation/members";

/** The organisation's webhooks and chat connections (owners and admins). */
export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ integrations: await listIntegrations(ctx) }));

/** A new webhook endpoint or chat connection; a webhook's secret is in this answer only. */
export const POST = route({ access: "member", params: orgParams, body: createIntegrationSchema }, async ({ ctx, body }) => createIntegration(ctx, body));
