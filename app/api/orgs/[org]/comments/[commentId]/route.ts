import { route } from "@/lib/http";
import { deleteComment, updateComment } from "@/lib/services/comments";
import { commentParams, commentSchema } from "@/lib/validation/comments";

export const PATCH = route({ access: "member", params: commentParams, body: commentSchema }, async ({ ctx, params, body }) => ({
  comment: await updateComment(ctx, params.commentId, body.body),
}));

/** A soft delete: the answer is the comment as it now reads ("deleted"). */
export const DELETE = route({ access: "member", params: commentParams }, async ({ ctx, params }) => ({
  comment: await deleteComment(ctx, params.commentId),
}));
