import { route } from "@/lib/http";
import { createObjective } from "@/lib/services/objectives";
import { orgParams } from "@/lib/validation/members";
import { objectiveCreateSchema } from "@/lib/validation/okrs";

export const POST = route({ access: "member", params: orgParams, body: objectiveCreateSchema }, async ({ ctx, body }) => ({
  objective: await createObjective(ctx, body),
}));
