import { OK, route } from "@/lib/http";
import { revokeOrganisationApiToken } from "@/lib/services/api-tokens";
import { orgApiTokenParams } from "@/lib/validation/api-tokens";

export const DELETE = route({ access: "member", params: orgApiTokenParams }, async ({ ctx, params }) => {
  await revokeOrganisationApiToken(ctx, params.tokenId);
  return OK;
});
