import { Activity, CalendarRange, ListChecks, MessageSquare, Target, Users, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FeedItem } from "@/lib/services/feed";
import { ActivityText } from "./activity-text";

/** A feed item as it travels to the browser: the instant as an ISO string. */
export type FeedEntryItem = Omit<FeedItem, "createdAt"> & { createdAt: string };

export const toFeedEntryItem = (item: FeedItem): FeedEntryItem => ({ ...item, createdAt: item.createdAt.toISOString() });

const icons: Record<string, LucideIcon> = {
  check_in: Activity,
  comment: MessageSquare,
  objective: Target,
  key_result: ListChecks,
  team: Users,
  cycle: CalendarRange,
};

interface Props {
  item: FeedEntryItem;
  orgSlug: string;
  /** The render's "now" (ISO), so server and browser say "2 hours ago" alike. */
  now: string;
  /** Name the objective each line is about; off where the whole feed is one objective's. */
  showContext?: boolean;
}

/**
 * One line of "what changed": who did what, the check-in's note, where (objective or team) and
 * when. Renders on the server for the first page and in the browser for the pages loaded later.
 */
export function FeedEntry({ item, orgSlug, now, showContext = true }: Props) {
  const t = useTranslations("feed");
  const format = useFormatter();
  const at = new Date(item.createdAt);
  const Icon = icons[item.action.split(".")[0] ?? ""] ?? Target;
  const note = item.action === "check_in.created" ? noteOf(item.after) : "";
  const objectiveHref = item.objectiveId ? `/${orgSlug}/okrs/${item.objectiveId}${item.comment ? `#comment-${item.comment.id}` : ""}` : null;
  return (
    <li className="flex gap-3 py-3 first:pt-0 last:pb-0">
      <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-surface-muted text-subtle">
        <Icon className="size-3.5" aria-hidden />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <p className="text-sm break-words text-fg">
          <ActivityText action={item.action} actorName={item.actorName} before={item.before} after={item.after} keyResult={item.keyResult} comment={item.comment} />
        </p>
        {note ? <p className="line-clamp-2 text-sm break-words whitespace-pre-line text-muted">{t("note", { note })}</p> : null}
        <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-subtle">
          {showContext && item.objectiveTitle ? (
            item.objectiveExists && objectiveHref ? (
              <Link href={objectiveHref} className="max-w-full truncate font-medium text-muted hover:text-fg hover:underline">
                {item.objectiveTitle}
              </Link>
            ) : (
              <span className="max-w-full truncate">{item.objectiveTitle}</span>
            )
          ) : showContext && item.teamName && item.teamId ? (
            <Link href={`/${orgSlug}/teams/${item.teamId}`} className="font-medium text-muted hover:text-fg hover:underline">
              {item.teamName}
            </Link>
          ) : null}
          {showContext && (item.objectiveTitle || item.teamName) ? <span aria-hidden>·</span> : null}
          <time dateTime={item.createdAt} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}>
            {format.relativeTime(at, new Date(now))}
          </time>
        </p>
      </div>
    </li>
  );
}

function noteOf(after: unknown): string {
  const note = after && typeof after === "object" ? (after as Record<string, unknown>).note : null;
  return typeof note === "string" ? note.trim() : "";
}
