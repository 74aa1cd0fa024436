import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activity, comments } from "@/db/schema";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { objectiveInput, okrWorld } from "@/tests/okr-world";
import { newOrganisation } from "@/tests/world";
import { COMMENTS_PAGE_SIZE, createComment, deleteComment, listComments, updateComment } from "./comments";
import { closeCycle } from "./cycles";
import { createObjective } from "./objectives";

setupTestDatabase();

async function commentRows(objectiveId: string) {
  const db = await getDb();
  return db.select().from(comments).where(eq(comments.objectiveId, objectiveId)).orderBy(asc(comments.createdAt));
}

async function commentActivity(objectiveId: string) {
  const db = await getDb();
  return db
    .select({ action: activity.action, entityId: activity.entityId, objectiveId: activity.objectiveId, teamId: activity.teamId, actorUserId: activity.actorUserId, before: activity.before, after: activity.after })
    .from(activity)
    .where(and(eq(activity.objectiveId, objectiveId), eq(activity.entityType, "comment")))
    .orderBy(asc(activity.createdAt));
}

describe("comments", () => {
  it("are posted, edited and deleted by their author, each step logged with the objective and its team", async () => {
    const w = await okrWorld("Comments");
    const teamGoal = await createObjective(w.lead.ctx, objectiveInput(w.lead.ctx, w.cycleId, { level: "team", teamId: w.team.id, title: "Sell more" }));

    const posted = await createComment(w.member.ctx, teamGoal.id, "  Første tanke:\r\nse https://example.com  ");
    expect(posted).toMatchObject({ objectiveId: teamGoal.id, authorUserId: w.member.user.id, authorName: "Member", body: "Første tanke:\nse https://example.com", edited: false, deleted: false });

    const edited = await updateComment(w.member.ctx, posted.id, "Andre tanke");
    expect(edited).toMatchObject({ body: "Andre tanke", edited: true, deleted: false });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(edited.createdAt.getTime());

    // Saving the same words again is not an edit.
    await updateComment(w.member.ctx, posted.id, "Andre tanke ");

    const removed = await deleteComment(w.member.ctx, posted.id);
    expect(removed).toMatchObject({ id: posted.id, body: null, deleted: true });

    const log = await commentActivity(teamGoal.id);
    expect(log.map((row) => row.action)).toEqual(["comment.created", "comment.updated", "comment.deleted"]);
    for (const row of log) expect(row).toMatchObject({ entityId: posted.id, objectiveId: teamGoal.id, teamId: w.team.id, actorUserId: w.member.user.id });
    expect(log[0]?.after).toEqual({ body: "Første tanke:\nse https://example.com" });
    expect(log[1]).toMatchObject({ before: { body: "Første tanke:\nse https://example.com" }, after: { body: "Andre tanke" } });
    // The log of a delete does not copy the words that were taken down.
    expect(JSON.stringify(log[2])).not.toContain("Andre tanke");
  });

  it("cannot be edited or deleted by another member, and nothing changes when they try", async () => {
    const w = await okrWorld();
    const mine = await createComment(w.lead.ctx, w.company.id, "Mine");
    expect((await appError(updateComment(w.member.ctx, mine.id, "Hijacked"))).code).toBe("forbidden");
    expect((await appError(deleteComment(w.member.ctx, mine.id))).code).toBe("forbidden");
    // Admins moderate, they do not put words in someone's mouth.
    expect((await appError(updateComment(w.org.ownerCtx, mine.id, "Rewritten"))).code).toBe("forbidden");
    const [row] = await commentRows(w.company.id);
    expect(row).toMatchObject({ body: "Mine", deletedAt: null });
    expect((await commentActivity(w.company.id)).map((entry) => entry.action)).toEqual(["comment.created"]);
  });

  it("may be deleted by an admin or owner, whoever wrote them", async () => {
    const w = await okrWorld();
    const admin = await w.org.join("admin", "Admin");
    const first = await createComment(w.member.ctx, w.company.id, "One");
    const second = await createComment(w.member.ctx, w.company.id, "Two");
    await deleteComment(admin.ctx, first.id);
    await deleteComment(w.org.ownerCtx, second.id);
    const log = await commentActivity(w.company.id);
    expect(log.filter((row) => row.action === "comment.deleted").map((row) => [row.actorUserId, row.before])).toEqual([
      [admin.user.id, { authorUserId: w.member.user.id }],
      [w.org.owner.id, { authorUserId: w.member.user.id }],
    ]);
  });

  it("stay in the thread as deleted: the row is kept, its words are not shown, and it cannot be edited again", async () => {
    const w = await okrWorld();
    const before = await createComment(w.member.ctx, w.company.id, "Before");
    const gone = await createComment(w.member.ctx, w.company.id, "Regret this");
    const after = await createComment(w.lead.ctx, w.company.id, "After");
    await deleteComment(w.member.ctx, gone.id);

    const page = await listComments(w.outsider.ctx, w.company.id);
    expect(page.items.map((item) => [item.id, item.body, item.deleted])).toEqual([
      [after.id, "After", false],
      [gone.id, null, true],
      [before.id, "Before", false],
    ]);
    const rows = await commentRows(w.company.id);
    expect(rows.find((row) => row.id === gone.id)).toMatchObject({ body: "Regret this", deletedAt: expect.any(Date) });
    expect((await appError(updateComment(w.member.ctx, gone.id, "Back"))).code).toBe("not_found");
    expect((await appError(deleteComment(w.member.ctx, gone.id))).code).toBe("not_found");
  });

  it("answer a foreign organisation's ids with not_found and write nothing", async () => {
    const w = await okrWorld();
    const stranger = await newOrganisation("Stranger");
    const mine = await createComment(w.member.ctx, w.company.id, "Internal");
    expect((await appError(createComment(stranger.ownerCtx, w.company.id, "Hello from outside"))).status).toBe(404);
    expect((await appError(listComments(stranger.ownerCtx, w.company.id))).status).toBe(404);
    expect((await appError(updateComment(stranger.ownerCtx, mine.id, "Changed"))).status).toBe(404);
    expect((await appError(deleteComment(stranger.ownerCtx, mine.id))).status).toBe(404);
    expect((await appError(createComment(w.member.ctx, crypto.randomUUID(), "Nowhere"))).status).toBe(404);
    const rows = await commentRows(w.company.id);
    expect(rows.map((row) => [row.body, row.deletedAt])).toEqual([["Internal", null]]);
    expect(await commentActivity(w.company.id)).toHaveLength(1);
  });

  it("refuse empty and over-long bodies with a field error and write nothing", async () => {
    const w = await okrWorld();
    for (const body of ["", "   \n\t ", "x".repeat(5001), 42 as unknown as string]) {
      const error = await appError(createComment(w.member.ctx, w.company.id, body));
      expect([error.code, error.fields]).toEqual(["validation_failed", { body: ["validation.commentLength"] }]);
    }
    const kept = await createComment(w.member.ctx, w.company.id, `  ${"x".repeat(5000)}\n`);
    expect(kept.body).toHaveLength(5000);
    const error = await appError(updateComment(w.member.ctx, kept.id, " "));
    expect(error.code).toBe("validation_failed");
    expect((await commentRows(w.company.id)).map((row) => row.body.length)).toEqual([5000]);
    expect((await commentActivity(w.company.id)).map((row) => row.action)).toEqual(["comment.created"]);
  });

  it("continue on objectives of a closed cycle", async () => {
    const w = await okrWorld();
    await closeCycle(w.org.ownerCtx, w.cycleId);
    const late = await createComment(w.member.ctx, w.company.id, "What we learned");
    expect(late.body).toBe("What we learned");
    expect((await updateComment(w.member.ctx, late.id, "What we learned, in short")).edited).toBe(true);
  });

  it("come newest first, a page at a time, without gaps or repeats", async () => {
    const w = await okrWorld();
    const total = COMMENTS_PAGE_SIZE + 5;
    const posted: string[] = [];
    for (let index = 0; index < total; index++) posted.push((await createComment(w.member.ctx, w.company.id, `Comment ${index}`)).id);
    const first = await listComments(w.member.ctx, w.company.id);
    expect(first.items).toHaveLength(COMMENTS_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listComments(w.member.ctx, w.company.id, { after: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((item) => item.id);
    expect(seen).toEqual([...posted].reverse());
    // A tampered cursor starts over rather than failing.
    expect((await listComments(w.member.ctx, w.company.id, { after: "bm9wZQ" })).items[0]?.id).toBe(posted.at(-1));
  });
});
