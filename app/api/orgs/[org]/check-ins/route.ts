import { route } from "@/lib/http";
import { createWeeklyCheckIns } from "@/lib/services/check-ins";
import { weeklyCheckInSchema } from "@/lib/validation/check-ins";
import { orgParams } from "@/lib/validation/members";

/** My week's one submit: every check-in or none, with errors named by row. */
export const POST = route({ access: "member", params: orgParams, body: weeklyCheckInSchema }, async ({ ctx, body }) => ({
  checkIns: await createWeeklyCheckIns(ctx, body.entries),
}));
