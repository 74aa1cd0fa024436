import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { activityFeed } from "@/lib/services/feed";
import type { TenantContext } from "@/lib/tenant-context";
import { feedSearchParams, type FeedScope } from "@/lib/validation/activity";
import { FeedEntry, toFeedEntryItem } from "./feed-entry";
import { FeedMore } from "./feed-more";
import { now as clock } from "@/lib/clock";

interface Props {
  ctx: TenantContext;
  scope: FeedScope;
  /** Defaults to "What changed". */
  title?: string;
  description?: string;
  /** Items per page (default 30, at most 100). */
  limit?: number;
}

/**
 * "What changed" for an objective, a team (with or without its sub-teams) or the whole
 * organisation: the newest page on the server, older pages on demand.
 */
export async function ActivityFeed({ ctx, scope, title, description, limit }: Props) {
  const [page, t] = await Promise.all([activityFeed(ctx, scope, { limit }), getTranslations("feed")]);
  const now = clock().toISOString();
  const kind = "objectiveId" in scope ? "objective" : "teamId" in scope ? "team" : "organisation";
  const showContext = kind !== "objective";
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{title ?? t("title")}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
      </CardHeader>
      <CardContent>
        {page.items.length === 0 ? (
          <EmptyState icon={History} title={t("emptyTitle")} description={t(`empty.${kind}`)} />
        ) : (
          // Remounted when the newest item changes (after a check-in or comment refreshes the
          // page), so pages loaded before never leave a gap under the new first page.
          <FeedMore key={page.items[0]?.id} orgSlug={ctx.orgSlug} query={feedSearchParams(scope).toString()} cursor={page.nextCursor} now={now} showContext={showContext}>
            {page.items.map((item) => (
              <FeedEntry key={item.id} item={toFeedEntryItem(item)} orgSlug={ctx.orgSlug} now={now} showContext={showContext} />
            ))}
          </FeedMore>
        )}
      </CardContent>
    </Card>
  );
}
