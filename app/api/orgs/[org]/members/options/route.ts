import { route } from "@/lib/http";
import { memberOptions } from "@/lib/services/members";
import { orgParams } from "@/lib/validation/members";

/** Every member by name, for the pickers of the team forms: fetched when one is opened. */
export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ members: await memberOptions(ctx) }));
