import { route } from "@/lib/http";
import { leaveOrganisation } from "@/lib/services/members";
import { orgParams } from "@/lib/validation/members";

export const POST = route({ access: "member", params: orgParams }, async ({ ctx }) => {
  await leaveOrganisation(ctx);
  return { redirectTo: "/account/organisations" };
});
