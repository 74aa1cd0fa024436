import { z } from "zod";
import { isPlainText, opaque, uuid } from "./common";
import { orgParams } from "./members";

/** As the comments_body_length check in db/schema/collaboration.ts. */
export const COMMENT_MAX_LENGTH = 5000;

/** Trimmed, line endings as "\n", 1–5000 characters: the same rule for the form, the route and the service. */
export const commentBody = z
  .string({ error: "validation.commentLength" })
  .refine(isPlainText, { error: "validation.invalidCharacters" })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, { error: "validation.commentLength" }).max(COMMENT_MAX_LENGTH, { error: "validation.commentLength" }));

export const commentSchema = z.object({ body: commentBody });

export const objectiveCommentsParams = orgParams.extend({ objectiveId: uuid });
export const commentParams = orgParams.extend({ commentId: uuid });
export const commentListQuery = z.object({ after: opaque(512).optional() });

export type CommentInput = z.infer<typeof commentSchema>;
