"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import { FeedEntry, type FeedEntryItem } from "./feed-entry";

interface Props {
  orgSlug: string;
  /** The scope as the activity route reads it (feedSearchParams). */
  query: string;
  /** The cursor after the server-rendered first page; null when that was all. */
  cursor: string | null;
  now: string;
  showContext: boolean;
  /** The first page, rendered on the server. */
  children: ReactNode;
}

/**
 * The feed list and its "Show older" button: further pages come from the activity route and are
 * appended in place, so the feed works on any page it is mounted on without wiring the URL.
 */
export function FeedMore({ orgSlug, query, cursor, now, showContext, children }: Props) {
  const t = useTranslations("feed");
  const [items, setItems] = useState<FeedEntryItem[]>([]);
  const [next, setNext] = useState(cursor);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [announcement, setAnnouncement] = useState("");

  async function loadMore() {
    if (!next) return;
    setState("loading");
    try {
      const page = await api<{ items: FeedEntryItem[]; nextCursor: string | null }>(`/api/orgs/${orgSlug}/activity?${query}&after=${encodeURIComponent(next)}`);
      setItems((current) => [...current, ...page.items]);
      setNext(page.nextCursor);
      setState("idle");
      setAnnouncement(page.nextCursor ? t("loaded", { count: page.items.length }) : t("loadedAll", { count: page.items.length }));
    } catch {
      setState("error");
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col divide-y divide-border">
        {children}
        {items.map((item) => (
          <FeedEntry key={item.id} item={item} orgSlug={orgSlug} now={now} showContext={showContext} />
        ))}
      </ol>
      {state === "error" ? (
        <p role="alert" className="text-sm text-danger">
          {t("loadFailed")}
        </p>
      ) : null}
      {next ? (
        <Button variant="secondary" size="sm" className="self-start" loading={state === "loading"} onClick={loadMore}>
          {state === "error" ? t("retry") : t("loadMore")}
        </Button>
      ) : items.length > 0 ? (
        <p className="text-xs text-subtle">{t("end")}</p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
