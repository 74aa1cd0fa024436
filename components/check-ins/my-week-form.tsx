"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { LevelBadge } from "@/components/okr/level-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { api, ApiError, type FieldErrors } from "@/lib/api-client";
import type { MyWeekRow } from "@/lib/services/my-week";
import { MyWeekRowItem, rowElementId, rowField } from "./my-week-row";

interface Props {
  orgSlug: string;
  rows: MyWeekRow[];
  /** The signed-in person: rows of key results someone else owns say whose they are. */
  me: string;
  /** The server's clock, so relative times read the same before and after hydration. */
  now: number;
}

interface Entry {
  keyResultId: string;
  value: string;
  confidence?: string;
  note: string;
}

const ENTRY_FIELD = /^entries\.(\d+)\.(\w+)$/;

/** Consecutive rows of the same objective, in the order the service sorted them. */
function byObjective(rows: MyWeekRow[]) {
  const groups: Array<{ objectiveId: string; title: string; level: MyWeekRow["objectiveLevel"]; rows: MyWeekRow[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.objectiveId === row.objectiveId) last.rows.push(row);
    else groups.push({ objectiveId: row.objectiveId, title: row.objectiveTitle, level: row.objectiveLevel, rows: [row] });
  }
  return groups;
}

/** Where focus goes for a row's first problem. */
function focusProblem(form: HTMLFormElement, id: string, field: string | undefined) {
  const target =
    field === "value"
      ? document.getElementById(rowElementId(id, "value"))
      : field === "note"
        ? document.getElementById(rowElementId(id, "note"))
        : field === "confidence"
          ? (form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(rowField.confidence(id))}"]:checked`) ??
            form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(rowField.confidence(id))}"]`))
          : document.getElementById(rowElementId(id, "row"));
  target?.focus();
}

/**
 * My week's one form: every key result I report on, any number updated, one submit. Only rows
 * changed since the last save are sent; the server takes all or none, and names problems by the
 * entry's index, which is mapped back to its row here.
 */
export function MyWeekForm({ orgSlug, rows, me, now }: Props) {
  const t = useTranslations("myWeek");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const notify = useToast();
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [reopened, setReopened] = useState<ReadonlySet<string>>(() => new Set());
  const [undone, setUndone] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<{ id: string; field: string | undefined } | null>(null);

  const mutation = useMutation({
    mutationFn: (entries: Entry[]) => api<{ checkIns: unknown[] }>(`/api/orgs/${orgSlug}/check-ins`, { body: { entries } }),
  });

  useEffect(() => {
    const next = pendingFocus.current;
    if (!next || !formRef.current) return;
    pendingFocus.current = null;
    focusProblem(formRef.current, next.id, next.field);
  }, [errors]);

  const add = (set: ReadonlySet<string>, id: string) => (set.has(id) ? set : new Set(set).add(id));
  const remove = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    next.delete(id);
    return next;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sent = rows.filter((row) => touched.has(row.id));
    if (sent.length === 0) {
      setFormError(t("nothingToSave"));
      return;
    }
    const entries: Entry[] = sent.map((row) => {
      const confidence = data.get(rowField.confidence(row.id));
      return {
        keyResultId: row.id,
        value: String(data.get(rowField.value(row.id)) ?? "").trim(),
        // Left out when nothing is chosen, so the server's own message names the row.
        ...(typeof confidence === "string" ? { confidence } : {}),
        note: String(data.get(rowField.note(row.id)) ?? ""),
      };
    });
    mutation.mutate(entries, {
      onSuccess: () => {
        setTouched(new Set());
        setReopened(new Set());
        setErrors({});
        setFormError(null);
        notify({ title: t("saved", { count: entries.length }) });
        router.refresh();
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) {
          setErrors({});
          setFormError(tErrors("internal"));
          return;
        }
        const byRow: Record<string, FieldErrors> = {};
        for (const [key, messages] of Object.entries(error.fields)) {
          const match = ENTRY_FIELD.exec(key);
          const row = match ? sent[Number(match[1])] : undefined;
          if (!match || !row) continue;
          (byRow[row.id] ??= {})[match[2] as string] = messages;
        }
        const first = rows.find((row) => byRow[row.id]);
        const order = ["value", "confidence", "note", "keyResultId"];
        pendingFocus.current = first ? { id: first.id, field: order.find((field) => byRow[first.id]?.[field]) } : null;
        setErrors(byRow);
        // Whether the schema or the service refused it, say that nothing was kept and how many rows to fix.
        const count = Object.keys(byRow).length;
        setFormError(count > 0 ? t("rowsNeedAttention", { count }) : error.message);
      },
    });
  }

  const owed = rows.filter((row) => row.owed);
  const done = rows.filter((row) => !row.owed);
  // The owed section comes first, so its heading is the count at the top of the page.
  const sections = [
    { key: "owed", title: t("owed", { count: owed.length }), rows: owed, className: "text-base font-semibold text-fg" },
    { key: "done", title: t("doneHeading", { count: done.length }), rows: done, className: "text-sm font-semibold text-fg" },
  ].filter((section) => section.rows.length > 0);

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      // A focused field never hides behind the sticky save bar (WCAG 2.4.11).
      className="flex flex-col gap-6 [&_input]:scroll-mb-36 [&_textarea]:scroll-mb-36 [&_[role=group]]:scroll-mb-36"
    >
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`my-week-${section.key}`} className="flex flex-col gap-3">
          <h2 id={`my-week-${section.key}`} className={section.className}>
            {section.title}
          </h2>
          {byObjective(section.rows).map((group) => (
            <Card key={group.objectiveId} role="article" aria-labelledby={`my-week-${section.key}-${group.objectiveId}`}>
              <CardContent className="flex flex-col gap-3 pt-4">
                <div className="flex flex-col gap-0.5 border-b border-border pb-3">
                  <LevelBadge level={group.level} />
                  <h3 id={`my-week-${section.key}-${group.objectiveId}`} className="text-sm font-semibold text-fg">
                    <Link href={`/${orgSlug}/okrs/${group.objectiveId}`} className="hover:underline">
                      {group.title}
                    </Link>
                  </h3>
                </div>
                <div className="flex flex-col divide-y divide-border">
                  {group.rows.map((row) => (
                    <MyWeekRowItem
                      key={`${row.id}:${row.lastCheckInAt?.toISOString() ?? ""}:${undone[row.id] ?? 0}`}
                      row={row}
                      me={me}
                      now={now}
                      touched={touched.has(row.id)}
                      errors={errors[row.id]}
                      collapsed={!row.owed && !reopened.has(row.id)}
                      onTouch={() => {
                        setTouched((current) => add(current, row.id));
                        if (!touched.has(row.id)) setFormError(null);
                      }}
                      onReopen={() => {
                        setReopened((current) => add(current, row.id));
                        requestAnimationFrame(() => document.getElementById(rowElementId(row.id, "value"))?.focus());
                      }}
                      onUndo={() => {
                        setTouched((current) => remove(current, row.id));
                        setErrors(({ [row.id]: _dropped, ...rest }) => rest);
                        setUndone((current) => ({ ...current, [row.id]: (current[row.id] ?? 0) + 1 }));
                        requestAnimationFrame(() => document.getElementById(rowElementId(row.id, "row"))?.focus());
                      }}
                    />
                  ))}
                </div>
              </CardContent>
            </Card>
          ))}
        </section>
      ))}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-border bg-bg/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-4">
        <FormAlert message={formError} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted">{t("changed", { count: touched.size })}</p>
          <Button type="submit" loading={mutation.isPending}>
            {t("submit", { count: touched.size })}
          </Button>
        </div>
      </div>
    </form>
  );
}
