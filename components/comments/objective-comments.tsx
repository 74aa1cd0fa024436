import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listComments } from "@/lib/services/comments";
import type { TenantContext } from "@/lib/tenant-context";
import { CommentThread } from "./comment-thread";
import { toCommentItem } from "./types";
import { now } from "@/lib/clock";

/**
 * The conversation about one objective: any member may write; authors edit and delete their own
 * words, admins may delete anyone's. Self-contained: it reads the first page itself.
 */
export async function ObjectiveComments({ ctx, objectiveId }: { ctx: TenantContext; objectiveId: string }) {
  const [page, t] = await Promise.all([listComments(ctx, objectiveId), getTranslations("comments")]);
  return (
    <Card id="comments" role="region" aria-labelledby="comments-title" className="scroll-mt-20">
      <CardHeader>
        <div>
          <CardTitle id="comments-title">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <CommentThread
          orgSlug={ctx.orgSlug}
          objectiveId={objectiveId}
          initial={{ items: page.items.map(toCommentItem), nextCursor: page.nextCursor }}
          viewer={{ userId: ctx.userId, role: ctx.role, teamIds: [...ctx.teamIds] }}
          now={now().toISOString()}
        />
      </CardContent>
    </Card>
  );
}
