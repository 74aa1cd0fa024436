import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { createWorkedExample } from "@/lib/services/getting-started";
import { uuid } from "@/lib/validation/common";
import { orgParams } from "@/lib/validation/members";

/** "Start from the example": the method's worked example, in the reader's language, ready to edit. */
export const POST = route({ access: "member", params: orgParams, body: z.object({ cycleId: uuid }) }, async ({ ctx, body }) => {
  const t = await getTranslations("gettingStarted.example");
  const objective = await createWorkedExample(ctx, body.cycleId, {
    objective: t("objective"),
    keyResults: [t("keyResult1"), t("keyResult2"), t("keyResult3")],
  });
  return { objective, redirectTo: `/${ctx.orgSlug}/okrs/${objective.id}` };
});
