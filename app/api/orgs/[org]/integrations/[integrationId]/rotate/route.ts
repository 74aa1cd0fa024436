import { route } from "@/lib/http";
import { rotateSecret } from "@/lib/services/integrations";
import { integrationParams } from "@/lib/validation/integrations";

/** A new signing secret, shown once; the previous one signs beside it for a day. */
export const POST = route({ access: "member", params: integrationParams }, async ({ ctx, params }) => rotateSecret(ctx, params.integrationId));
