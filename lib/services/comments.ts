import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { comments, objectives, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { commentBody } from "@/lib/validation/comments";
import { record } from "./activity";
import { noteNewComment } from "./comment-notifications";
import { authorize } from "./guard";
import { exactInstantSql, olderThan, parseExactInstant } from "./keyset-time";
import { decodeCursor, encodeCursor, toPage, type Page } from "./pagination";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";

export interface CommentView {
  id: string;
  objectiveId: string;
  authorUserId: string;
  authorName: string;
  /** Null once deleted: the row stays (and the thread keeps its shape), its words do not show. */
  body: string | null;
  deleted: boolean;
  /** Changed after it was first posted. */
  edited: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const commentViewJson = documents<CommentView>()(
  z.object({
    id: idJson,
    objectiveId: idJson,
    authorUserId: idJson,
    authorName: z.string(),
    body: z.string().nullable(),
    deleted: z.boolean(),
    edited: z.boolean(),
    createdAt: timestampJson,
    updatedAt: timestampJson,
  }),
);

export const COMMENTS_PAGE_SIZE = 50;

const viewColumns = {
  id: comments.id,
  objectiveId: comments.objectiveId,
  authorUserId: comments.authorUserId,
  authorName: users.name,
  body: sql<string | null>`case when ${comments.deletedAt} is null then ${comments.body} end`,
  deleted: sql<boolean>`${comments.deletedAt} is not null`,
  edited: sql<boolean>`${comments.updatedAt} > ${comments.createdAt}`,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  instant: exactInstantSql(comments.createdAt),
};

function selectViews(tx: Tx, ctx: TenantContext, where: SQL | undefined) {
  return tx
    .select(viewColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorUserId))
    .where(and(eq(comments.orgId, ctx.orgId), where));
}

const toView = ({ instant: _instant, ...view }: CommentView & { instant: string }): CommentView => view;

async function objectiveOf(tx: Tx, ctx: TenantContext, objectiveId: string) {
  const [row] = await tx
    .select({ id: objectives.id, teamId: objectives.teamId, ownerUserId: objectives.ownerUserId })
    .from(objectives)
    .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.id, objectiveId)));
  if (!row) throw new AppError("not_found", "errors.not_found");
  return row;
}

function parseBody(body: unknown): string {
  const parsed = commentBody.safeParse(body);
  if (!parsed.success) throw new AppError("validation_failed", "errors.validation", { body: ["validation.commentLength"] });
  return parsed.data;
}

/**
 * An objective's comments, newest first: people open an objective to see what is new, so the
 * latest words sit next to the form that answers them, and older ones load on demand.
 * Deleted comments stay in place as "deleted", so replies around them still make sense.
 */
export async function listComments(ctx: TenantContext, objectiveId: string, options: { after?: string } = {}): Promise<Page<CommentView>> {
  const cursor = decodeCursor(options.after, 1);
  const instant = cursor ? parseExactInstant(cursor.values[0]) : null;
  return withTenant(ctx, async (tx) => {
    await objectiveOf(tx, ctx, objectiveId);
    const rows = await selectViews(
      tx,
      ctx,
      and(eq(comments.objectiveId, objectiveId), cursor && instant ? olderThan(comments.createdAt, comments.id, instant, cursor.id) : undefined),
    )
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(COMMENTS_PAGE_SIZE + 1);
    const page = toPage(rows, COMMENTS_PAGE_SIZE, (row) => encodeCursor([row.instant], row.id));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });
}

async function viewOf(tx: Tx, ctx: TenantContext, commentId: string): Promise<CommentView> {
  const [row] = await selectViews(tx, ctx, eq(comments.id, commentId));
  if (!row) throw new Error("A comment just written could not be read back.");
  return toView(row);
}

/**
 * Any member may comment on any objective of the organisation. Objectives of closed cycles and
 * archived ones accept comments too: closing a cycle freezes scores, not the conversation
 * (the retrospective often happens there).
 */
export async function createComment(ctx: TenantContext, objectiveId: string, body: string): Promise<CommentView> {
  authorize(ctx, "comment.create");
  const text = parseBody(body);
  return withTenant(ctx, async (tx) => {
    const objective = await objectiveOf(tx, ctx, objectiveId);
    const [row] = await tx
      .insert(comments)
      .values({ orgId: ctx.orgId, objectiveId, authorUserId: ctx.userId, body: text })
      .returning({ id: comments.id });
    if (!row) throw new Error("Inserting a comment returned nothing.");
    await noteNewComment(tx, ctx.orgId, objective, { id: row.id, authorUserId: ctx.userId });
    await record(tx, ctx, {
      action: "comment.created",
      entityType: "comment",
      entityId: row.id,
      objectiveId,
      teamId: objective.teamId,
      after: { body: text },
    });
    return viewOf(tx, ctx, row.id);
  });
}

/** The comment locked for an edit or delete, with its objective's team; deleted ones are gone. */
async function lockComment(tx: Tx, ctx: TenantContext, commentId: string) {
  const [row] = await tx
    .select({ id: comments.id, objectiveId: comments.objectiveId, authorUserId: comments.authorUserId, body: comments.body, deletedAt: comments.deletedAt })
    .from(comments)
    .where(and(eq(comments.orgId, ctx.orgId), eq(comments.id, commentId)))
    .for("update");
  if (!row || row.deletedAt) throw new AppError("not_found", "errors.not_found");
  const objective = await objectiveOf(tx, ctx, row.objectiveId);
  return { ...row, teamId: objective.teamId };
}

/** Only the author edits their words; an unchanged body changes nothing and records nothing. */
export async function updateComment(ctx: TenantContext, commentId: string, body: string): Promise<CommentView> {
  const text = parseBody(body);
  return withTenant(ctx, async (tx) => {
    const current = await lockComment(tx, ctx, commentId);
    authorize(ctx, "comment.edit", { authorUserId: current.authorUserId });
    if (current.body === text) return viewOf(tx, ctx, commentId);
    await tx
      .update(comments)
      // Strictly later than created_at, even within the transaction that posted it: that is what "edited" reads.
      .set({ body: text, updatedAt: sql`greatest(clock_timestamp(), ${comments.createdAt} + interval '1 microsecond')` })
      .where(and(eq(comments.orgId, ctx.orgId), eq(comments.id, commentId)));
    await record(tx, ctx, {
      action: "comment.updated",
      entityType: "comment",
      entityId: commentId,
      objectiveId: current.objectiveId,
      teamId: current.teamId,
      before: { body: current.body },
      after: { body: text },
    });
    return viewOf(tx, ctx, commentId);
  });
}

/**
 * The author, or an admin keeping the conversation civil. A soft delete: the row keeps its place
 * (and its words, for the audit trail) but reads as "Comment deleted" everywhere.
 */
export async function deleteComment(ctx: TenantContext, commentId: string): Promise<CommentView> {
  return withTenant(ctx, async (tx) => {
    const current = await lockComment(tx, ctx, commentId);
    authorize(ctx, "comment.delete", { authorUserId: current.authorUserId });
    await tx
      .update(comments)
      .set({ deletedAt: sql`clock_timestamp()` })
      .where(and(eq(comments.orgId, ctx.orgId), eq(comments.id, commentId)));
    // The words are not copied into the log: the feed must not keep showing what was taken down.
    await record(tx, ctx, {
      action: "comment.deleted",
      entityType: "comment",
      entityId: commentId,
      objectiveId: current.objectiveId,
      teamId: current.teamId,
      before: { authorUserId: current.authorUserId },
    });
    return viewOf(tx, ctx, commentId);
  });
}
