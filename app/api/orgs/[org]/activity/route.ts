import { route } from "@/lib/http";
import { activityFeed } from "@/lib/services/feed";
import { activityQuery, scopeOfQuery } from "@/lib/validation/activity";
import { orgParams } from "@/lib/validation/members";

/** `?scope=organisation`, `?scope=team&teamId=…&includeSubTeams=true` or `?scope=objective&objectiveId=…`, then `&after=…`. */
export const GET = route({ access: "member", params: orgParams, query: activityQuery }, async ({ ctx, query }) =>
  activityFeed(ctx, scopeOfQuery(query), { after: query.after, limit: query.limit }),
);
