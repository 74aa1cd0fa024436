import { route } from "@/lib/http";
import { createNextCycle, listCycles } from "@/lib/services/cycles";
import { orgParams } from "@/lib/validation/members";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ cycles: await listCycles(ctx) }));

/** Creates the fiscal quarter after the latest cycle, in planning. */
export const POST = route({ access: "member", params: orgParams }, async ({ ctx }) => ({ cycle: await createNextCycle(ctx) }));
