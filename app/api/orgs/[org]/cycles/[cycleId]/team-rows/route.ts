import { route } from "@/lib/http";
import { loadTeamBranch } from "@/lib/services/dashboard-teams";
import { cycleParams } from "@/lib/validation/cycles";
import { teamRowsQuery } from "@/lib/validation/dashboard";

/** Rows of the dashboard's team table below a team (or all of them), fetched when a team is opened. */
export const GET = route({ access: "member", params: cycleParams, query: teamRowsQuery }, async ({ ctx, params, query }) => ({
  teams: await loadTeamBranch(ctx, params.cycleId, query.parent ?? null),
}));
