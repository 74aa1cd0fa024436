import type { CommentView } from "@/lib/services/comments";

/** A comment as it travels to the browser: instants as ISO strings. */
export type CommentItem = Omit<CommentView, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

export const toCommentItem = (comment: CommentView): CommentItem => ({
  ...comment,
  createdAt: comment.createdAt.toISOString(),
  updatedAt: comment.updatedAt.toISOString(),
});
