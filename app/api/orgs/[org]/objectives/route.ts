import { route } from "@/lib/http";
import { exploreObjectives } from "@/lib/services/explorer";
import { createObjective } from "@/lib/services/objectives";
import { explorerQuerySchema } from "@/lib/validation/explorer";
import { orgParams } from "@/lib/validation/members";
import { objectiveCreateSchema } from "@/lib/validation/okrs";

/** The explorer as JSON: the same filters, sort and cursors as the page's URL. */
export const GET = route({ access: "member", params: orgParams, query: explorerQuerySchema }, async ({ ctx, query }) => exploreObjectives(ctx, query));

export const POST = route({ access: "member", params: orgParams, body: objectiveCreateSchema }, async ({ ctx, body }) => ({
  objective: await createObjective(ctx, body),
}));
