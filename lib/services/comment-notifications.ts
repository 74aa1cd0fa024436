import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commentNotifications, comments, memberships, objectives, organisations, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { enqueue } from "@/lib/jobs/boss";
import { queueMail } from "@/lib/mail/outbox";
import { withOrganisation } from "@/lib/tenant-scope";

/** A comment's created_at, exactly, as SQL (optionally moved by `shift`). */
const createdAtOf = (orgId: string, commentId: string, shift = sql``) =>
  sql`(select ${comments.createdAt} ${shift} from ${comments} where ${comments.orgId} = ${orgId} and ${comments.id} = ${commentId})`;

/** At most one comment email per objective per this long. */
export const COMMENT_EMAIL_INTERVAL_MS = 60 * 60_000;
/** A short wait before the first email, so a quick back-and-forth arrives as one. */
export const COMMENT_EMAIL_DELAY_MS = 2 * 60_000;
/** Comments shown in one email (the newest are on the objective's page anyway). */
const COMMENTS_PER_EMAIL = 20;

/**
 * Called in the transaction that writes a comment: the objective's owner will hear of it, in an
 * email that gathers every comment since the last one, sent no sooner than an hour after that
 * last one. The job that sends it is written here too, so a comment and its notification commit
 * together. Nothing happens when owners comment on their own objectives.
 */
export async function noteNewComment(tx: Tx, orgId: string, objective: { id: string; ownerUserId: string }, comment: { id: string; authorUserId: string }): Promise<void> {
  if (comment.authorUserId === objective.ownerUserId) return;
  await tx
    .insert(commentNotifications)
    // Everything from this comment on is news to the owner. Timestamps stay in SQL, where they
    // have microseconds (a JavaScript Date would round this comment's time down and miss it).
    .values({ orgId, objectiveId: objective.id, notifiedThrough: createdAtOf(orgId, comment.id, sql`- interval '1 microsecond'`) })
    .onConflictDoNothing();
  const [state] = await tx
    .select({ lastSentAt: commentNotifications.lastSentAt })
    .from(commentNotifications)
    .where(and(eq(commentNotifications.orgId, orgId), eq(commentNotifications.objectiveId, objective.id)));
  const at = now().getTime();
  const earliest = Math.max(at + COMMENT_EMAIL_DELAY_MS, (state?.lastSentAt?.getTime() ?? 0) + COMMENT_EMAIL_INTERVAL_MS);
  await enqueue(tx, "comments.notify", [{ orgId, objectiveId: objective.id }], { startAfter: new Date(earliest) });
}

/**
 * The job: under a lock on the objective's notification row, so two workers cannot both decide it
 * is time. Too soon after the last email, it does nothing (the job written with the next comment
 * comes later); otherwise one email with the comments the owner has not heard of, unless they
 * turned comment emails off.
 */
export async function notifyComments(orgId: string, objectiveId: string): Promise<number> {
  return withOrganisation(orgId, null, async (tx) => {
    const [state] = await tx
      .select()
      .from(commentNotifications)
      .where(and(eq(commentNotifications.orgId, orgId), eq(commentNotifications.objectiveId, objectiveId)))
      .for("update");
    if (!state) return 0;
    const at = now();
    if (state.lastSentAt && at.getTime() - state.lastSentAt.getTime() < COMMENT_EMAIL_INTERVAL_MS) return 0;
    const [owner] = await tx
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        wants: memberships.commentEmails,
        title: objectives.title,
        orgName: organisations.name,
        orgSlug: organisations.slug,
      })
      .from(objectives)
      .innerJoin(users, eq(users.id, objectives.ownerUserId))
      .innerJoin(memberships, and(eq(memberships.orgId, objectives.orgId), eq(memberships.userId, objectives.ownerUserId)))
      .innerJoin(organisations, eq(organisations.id, objectives.orgId))
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, objectiveId)));
    if (!owner) return 0;
    const news = await tx
      .select({ id: comments.id, author: users.name, body: comments.body })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorUserId))
      .where(
        and(
          eq(comments.orgId, orgId),
          eq(comments.objectiveId, objectiveId),
          isNull(comments.deletedAt),
          ne(comments.authorUserId, owner.userId),
          // Compared in SQL, against the stored microseconds (a Date read back would round them down).
          sql`${comments.createdAt} > coalesce((select n.notified_through from ${commentNotifications} n where n.org_id = ${orgId} and n.objective_id = ${objectiveId}), '-infinity')`,
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(COMMENTS_PER_EMAIL);
    const last = news.at(-1);
    if (!last) return 0;
    if (owner.wants) {
      await queueMail(tx, orgId, [
        {
          kind: "comments",
          toEmail: owner.email,
          toUserId: owner.userId,
          locale: owner.locale,
          dedupeKey: `comments:${objectiveId}:${last.id}`,
          data: {
            orgName: owner.orgName,
            orgSlug: owner.orgSlug,
            name: owner.name,
            objectiveId,
            objectiveTitle: owner.title,
            comments: news.map((comment) => ({ author: comment.author, body: comment.body })),
          },
        },
      ]);
    }
    await tx
      .update(commentNotifications)
      .set({ notifiedThrough: createdAtOf(orgId, last.id), lastSentAt: owner.wants ? at : state.lastSentAt })
      .where(and(eq(commentNotifications.orgId, orgId), eq(commentNotifications.objectiveId, objectiveId)));
    return owner.wants ? news.length : 0;
  });
}
