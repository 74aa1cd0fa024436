import { route } from "@/lib/http";
import { objectiveFormOptions } from "@/lib/services/objective-form";
import { cycleParams } from "@/lib/validation/cycles";

/** What the objective and key-result dialogs offer (people, teams, objectives to align to), fetched when one opens. */
export const GET = route({ access: "member", params: cycleParams }, async ({ ctx, params }) => ({
  options: await objectiveFormOptions(ctx, params.cycleId),
}));
