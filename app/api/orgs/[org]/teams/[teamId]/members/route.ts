import { OK, route } from "@/lib/http";
import { addTeamMember } from "@/lib/services/teams";
import { teamMemberSchema, teamParams } from "@/lib/validation/teams";

export const POST = route({ access: "member", params: teamParams, body: teamMemberSchema }, async ({ ctx, params, body }) => {
  await addTeamMember(ctx, params.teamId, body.userId);
  return OK;
});
