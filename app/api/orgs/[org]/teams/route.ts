import { route } from "@/lib/http";
import { createTeam, listTeams } from "@/lib/services/teams";
import { orgParams } from "@/lib/validation/members";
import { teamSchema } from "@/lib/validation/teams";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ teams: await listTeams(ctx) }));

export const POST = route({ access: "member", params: orgParams, body: teamSchema }, async ({ ctx, body }) => ({ team: await createTeam(ctx, body) }));
