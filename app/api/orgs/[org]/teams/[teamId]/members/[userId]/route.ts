import { OK, route } from "@/lib/http";
import { removeTeamMember } from "@/lib/services/teams";
import { teamMemberParams } from "@/lib/validation/teams";

export const DELETE = route({ access: "member", params: teamMemberParams }, async ({ ctx, params }) => {
  await removeTeamMember(ctx, params.teamId, params.userId);
  return OK;
});
