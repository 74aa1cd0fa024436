import { route } from "@/lib/http";
import { createComment, listComments } from "@/lib/services/comments";
import { commentListQuery, commentSchema, objectiveCommentsParams } from "@/lib/validation/comments";

/** Newest first, 50 at a time; `?after=` is the previous page's nextCursor. */
export const GET = route({ access: "member", params: objectiveCommentsParams, query: commentListQuery }, async ({ ctx, params, query }) =>
  listComments(ctx, params.objectiveId, { after: query.after }),
);

export const POST = route({ access: "member", params: objectiveCommentsParams, body: commentSchema }, async ({ ctx, params, body }) => ({
  comment: await createComment(ctx, params.objectiveId, body.body),
}));
