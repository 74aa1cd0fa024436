import { route } from "@/lib/http";
import { listMembers } from "@/lib/services/members";
import { memberListQuery, orgParams } from "@/lib/validation/members";

export const GET = route({ access: "member", params: orgParams, query: memberListQuery }, async ({ ctx, query }) => listMembers(ctx, query));
