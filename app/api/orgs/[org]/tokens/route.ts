import { route } from "@/lib/http";
import { listOrganisationApiTokens } from "@/lib/services/api-tokens";
import { orgParams } from "@/lib/validation/members";

/** For admins: every live API token of the organisation and whose it is. */
export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ tokens: await listOrganisationApiTokens(ctx) }));
