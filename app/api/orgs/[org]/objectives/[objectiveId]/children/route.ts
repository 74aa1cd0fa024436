import { route } from "@/lib/http";
import { childrenOf } from "@/lib/services/tree";
import { objectiveParams } from "@/lib/validation/okrs";

/** The objectives aligned directly below one: what opening a node of the alignment tree loads. */
export const GET = route({ access: "member", params: objectiveParams }, async ({ ctx, params }) => ({ children: await childrenOf(ctx, params.objectiveId) }));
