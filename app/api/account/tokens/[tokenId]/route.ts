import { OK, route } from "@/lib/http";
import { revokeMyApiToken } from "@/lib/services/api-tokens";
import { apiTokenParams } from "@/lib/validation/api-tokens";

export const DELETE = route({ access: "user", params: apiTokenParams }, async ({ user, params }) => {
  await revokeMyApiToken(user.id, params.tokenId);
  return OK;
});
