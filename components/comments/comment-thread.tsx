"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { Actor } from "@/lib/permissions";
import { CommentEntry } from "./comment-entry";
import { CommentForm } from "./comment-form";
import type { CommentItem } from "./types";

interface Props {
  orgSlug: string;
  objectiveId: string;
  initial: { items: CommentItem[]; nextCursor: string | null };
  viewer: Actor;
  now: string;
}

/**
 * The form and the comments, newest first. The list lives here once loaded: writes update it from
 * their answers, and older pages are appended from the cursor, so a refresh of the page around it
 * (which re-reads the feed) never shifts what was already loaded.
 */
export function CommentThread({ orgSlug, objectiveId, initial, viewer, now: initialNow }: Props) {
  const t = useTranslations("comments");
  const router = useRouter();
  const notify = useToast();
  const id = useId();
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [now, setNow] = useState(initialNow);
  const [loading, setLoading] = useState<"idle" | "loading" | "error">("idle");
  const [announcement, setAnnouncement] = useState("");

  function changed(comment: CommentItem) {
    setItems((current) => current.map((item) => (item.id === comment.id ? comment : item)));
    setNow(new Date().toISOString());
    router.refresh();
  }

  function posted(comment: CommentItem) {
    setItems((current) => [comment, ...current.filter((item) => item.id !== comment.id)]);
    setNow(new Date().toISOString());
    notify({ title: t("postedToast") });
    router.refresh();
  }

  async function loadOlder() {
    if (!cursor) return;
    setLoading("loading");
    try {
      const page = await api<{ items: CommentItem[]; nextCursor: string | null }>(
        `/api/orgs/${orgSlug}/objectives/${objectiveId}/comments?after=${encodeURIComponent(cursor)}`,
      );
      setItems((current) => [...current, ...page.items.filter((item) => !current.some((known) => known.id === item.id))]);
      setCursor(page.nextCursor);
      setLoading("idle");
      setAnnouncement(t("loadedOlder", { count: page.items.length }));
    } catch {
      setLoading("error");
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <CommentForm
        id={`${id}-new`}
        label={t("newLabel")}
        hint={t("newHint")}
        submitLabel={t("post")}
        clearOnDone
        send={(body) =>
          api<{ comment: CommentItem }>(`/api/orgs/${orgSlug}/objectives/${objectiveId}/comments`, { method: "POST", body: { body } }).then(
            (result) => result.comment,
          )
        }
        onDone={posted}
      />
      {items.length === 0 ? (
        <p className="text-sm text-subtle">{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="flex flex-col divide-y divide-border">
          {items.map((comment) => (
            <CommentEntry key={comment.id} comment={comment} orgSlug={orgSlug} viewer={viewer} now={now} onChange={changed} />
          ))}
        </ol>
      )}
      {loading === "error" ? (
        <p role="alert" className="text-sm text-danger">
          {t("loadFailed")}
        </p>
      ) : null}
      {cursor ? (
        <Button variant="secondary" size="sm" className="self-start" loading={loading === "loading"} onClick={loadOlder}>
          {t("older")}
        </Button>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
