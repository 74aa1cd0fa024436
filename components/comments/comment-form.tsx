"use client";

import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { COMMENT_MAX_LENGTH } from "@/lib/validation/comments";
import type { CommentItem } from "./types";

interface Props {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  defaultValue?: string;
  /** Sends the body; answers the comment as stored. */
  send: (body: string) => Promise<CommentItem>;
  onDone: (comment: CommentItem) => void;
  /** Editing: a Cancel button, and Escape cancels too. */
  onCancel?: () => void;
  /** A new comment's form empties itself for the next one. */
  clearOnDone?: boolean;
  autoFocus?: boolean;
}

/** The textarea for writing or editing a comment; Ctrl+Enter (⌘+Enter on a Mac) sends it. */
export function CommentForm({ id, label, hint, submitLabel, defaultValue, send, onDone, onCancel, clearOnDone, autoFocus }: Props) {
  const t = useTranslations("comments");
  const formRef = useRef<HTMLFormElement>(null);
  const form = useApiForm({
    submit: (values) => send(values.body ?? ""),
    onSuccess: (comment) => {
      if (clearOnDone) formRef.current?.reset();
      onDone(comment);
    },
  });
  const error = form.fieldErrors.body;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!form.pending) event.currentTarget.form?.requestSubmit();
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-2">
      <FormAlert message={form.formError} />
      <Field id={id} label={label} hint={hint} error={error}>
        <Textarea
          id={id}
          name="body"
          rows={3}
          maxLength={COMMENT_MAX_LENGTH}
          required
          defaultValue={defaultValue}
          autoFocus={autoFocus}
          onKeyDown={onKeyDown}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(id, { hint, error })}
        />
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="secondary" size="sm" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
        <Button type="submit" size="sm" loading={form.pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
