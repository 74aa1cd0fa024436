"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/api-client";
import { linkify } from "@/lib/linkify";
import { can, type Actor } from "@/lib/permissions";
import { CommentForm } from "./comment-form";
import type { CommentItem } from "./types";

interface Props {
  comment: CommentItem;
  orgSlug: string;
  viewer: Actor;
  now: string;
  onChange: (comment: CommentItem) => void;
}

/** One comment: who and when, the words (links clickable), and for its author an inline edit. */
export function CommentEntry({ comment, orgSlug, viewer, now, onChange }: Props) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Where focus goes next: back to Edit after editing, to the comment after deleting it (its buttons are gone).
  const focusNext = useRef<"edit" | "item" | null>(null);
  const own = comment.authorUserId === viewer.userId;
  const mayEdit = !comment.deleted && can(viewer, "comment.edit", { authorUserId: comment.authorUserId });
  const mayDelete = !comment.deleted && can(viewer, "comment.delete", { authorUserId: comment.authorUserId });
  const remove = useAction({
    run: () => api<{ comment: CommentItem }>(`/api/orgs/${orgSlug}/comments/${comment.id}`, { method: "DELETE" }),
    success: t("deletedToast"),
    onSuccess: (result) => {
      focusNext.current = "item";
      onChange(result.comment);
    },
  });

  useEffect(() => {
    if (focusNext.current === "edit" && !editing) editButton.current?.focus();
    if (focusNext.current === "item" && comment.deleted) itemRef.current?.focus();
    if (!editing) focusNext.current = null;
  }, [editing, comment.deleted]);

  function stopEditing() {
    focusNext.current = "edit";
    setEditing(false);
  }

  const at = new Date(comment.createdAt);
  return (
    <li id={`comment-${comment.id}`} ref={itemRef} tabIndex={-1} className="scroll-mt-20 py-4 outline-none first:pt-0 last:pb-0 focus-visible:ring-2 focus-visible:ring-ring">
      <article aria-labelledby={`${id}-by`} className="flex flex-col gap-1.5">
        <p id={`${id}-by`} className="flex flex-wrap items-baseline gap-x-2 text-xs text-subtle">
          <span className="text-sm font-medium text-fg">{own ? t("byYou", { name: comment.authorName }) : comment.authorName}</span>
          <time dateTime={comment.createdAt} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}>
            {format.relativeTime(at, new Date(now))}
          </time>
          {comment.edited && !comment.deleted ? <span>{t("edited")}</span> : null}
        </p>
        {comment.deleted ? (
          <p className="text-sm text-subtle italic">{t("deleted")}</p>
        ) : editing ? (
          <CommentForm
            id={`${id}-edit`}
            label={t("editLabel")}
            hint={t("editHint")}
            submitLabel={t("save")}
            defaultValue={comment.body ?? ""}
            autoFocus
            send={(body) =>
              api<{ comment: CommentItem }>(`/api/orgs/${orgSlug}/comments/${comment.id}`, { method: "PATCH", body: { body } }).then((result) => result.comment)
            }
            onDone={(updated) => {
              onChange(updated);
              stopEditing();
            }}
            onCancel={stopEditing}
          />
        ) : (
          <p className="text-sm leading-relaxed [overflow-wrap:anywhere] text-fg">
            {linkify(comment.body ?? "", { linkClassName: "text-accent-text underline underline-offset-2 hover:no-underline", newTabHint: t("newTab") })}
          </p>
        )}
        {!editing && (mayEdit || mayDelete) ? (
          <div className="-ml-2.5 flex gap-1">
            {mayEdit ? (
              <Button ref={editButton} variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={t("editName")}>
                <Pencil aria-hidden />
                {t("edit")}
              </Button>
            ) : null}
            {mayDelete ? (
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="sm" aria-label={t("deleteName")}>
                    <Trash2 aria-hidden />
                    {t("delete")}
                  </Button>
                }
                title={t("deleteTitle")}
                description={own ? t("deleteOwn") : t("deleteOthers", { name: comment.authorName })}
                confirmLabel={t("deleteConfirm")}
                destructive
                pending={remove.isPending}
                onConfirm={() => remove.mutateAsync()}
              />
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
