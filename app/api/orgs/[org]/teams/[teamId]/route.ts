import { OK, route } from "@/lib/http";
import { deleteTeam, getTeam, updateTeam } from "@/lib/services/teams";
import { teamDeleteSchema, teamParams, teamUpdateSchema } from "@/lib/validation/teams";

export const GET = route({ access: "member", params: teamParams }, async ({ ctx, params }) => ({ team: await getTeam(ctx, params.teamId) }));

export const PATCH = route({ access: "member", params: teamParams, body: teamUpdateSchema }, async ({ ctx, params, body }) => {
  await updateTeam(ctx, params.teamId, body);
  return OK;
});

export const DELETE = route({ access: "member", params: teamParams, body: teamDeleteSchema }, async ({ ctx, params, body }) => {
  await deleteTeam(ctx, params.teamId, body);
  return { redirectTo: `/${ctx.orgSlug}/teams` };
});
