"use client";

import { useMutation } from "@tanstack/react-query";
import { CloudOff, History } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { LevelBadge } from "@/components/okr/level-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { api, ApiError, type FieldErrors } from "@/lib/api-client";
import type { MyWeekRow } from "@/lib/services/my-week";
import { draftKey, dropDraft, loadDraft, storeDraft, type MyWeekEntry } from "./check-in-draft";
import { MyWeekRowItem, rowElementId, rowField } from "./my-week-row";

interface Props {
  orgSlug: string;
  rows: MyWeekRow[];
  /** The signed-in person: rows of key results someone else owns say whose they are. */
  me: string;
  /** The server's clock, so relative times read the same before and after hydration. */
  now: number;
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

/** The entry a row's controls hold now, read from the form (its inputs are uncontrolled). */
function entryOf(data: FormData, keyResultId: string): MyWeekEntry {
  const confidence = data.get(rowField.confidence(keyResultId));
  const known = confidence === "on_track" || confidence === "at_risk" || confidence === "off_track" ? confidence : undefined;
  return {
    keyResultId,
    value: String(data.get(rowField.value(keyResultId)) ?? "").trim(),
    // Left out when nothing is chosen, so the server's own message names the row.
    ...(known ? { confidence: known } : {}),
    note: String(data.get(rowField.note(keyResultId)) ?? ""),
  };
}

/** Whether the browser says it is online; true on the server, where there is no connection to lose. */
function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}
const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);

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
 * entry's index, which is mapped back to its row here. What is typed is kept on the device as it
 * is typed (check-in-draft.ts): saved while offline, it is sent when the connection returns, and
 * a page opened again shows what was not saved.
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
  const key = draftKey(orgSlug, me);
  const online = useOnline();
  // "waiting": saved on this device until the connection returns; "restored": brought back from it.
  const [kept, setKept] = useState<"waiting" | "restored" | null>(null);
  // Entries brought back from the device: their rows open again with what was typed.
  const [restored, setRestored] = useState<ReadonlyMap<string, MyWeekEntry>>(() => new Map());
  // The rows changed so far, also between renders (a change event arrives before its state).
  const changed = useRef<Set<string>>(new Set());

  const mutation = useMutation({
    mutationFn: (entries: MyWeekEntry[]) => api<{ checkIns: unknown[] }>(`/api/orgs/${orgSlug}/check-ins`, { body: { entries } }),
  });

  /** The changed rows' entries as they stand, kept on the device. */
  const keep = useCallback(
    (pending: boolean): MyWeekEntry[] => {
      const form = formRef.current;
      if (!form) return [];
      const data = new FormData(form);
      const entries = rows.filter((row) => changed.current.has(row.id)).map((row) => entryOf(data, row.id));
      storeDraft(key, { pending, entries });
      return entries;
    },
    [key, rows],
  );

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

  const send = useCallback(
    (entries: MyWeekEntry[]) => {
      // No connection: keep it on the device and send it when the browser is back online.
      if (!navigator.onLine) {
        storeDraft(key, { pending: true, entries });
        setKept("waiting");
        setFormError(null);
        return;
      }
      const sent = rows.filter((row) => entries.some((entry) => entry.keyResultId === row.id));
      mutation.mutate(entries, {
        onSuccess: () => {
          dropDraft(key);
          changed.current = new Set();
          setKept(null);
          setRestored(new Map());
          setTouched(new Set());
          setReopened(new Set());
          setErrors({});
          setFormError(null);
          notify({ title: t("saved", { count: entries.length }) });
          router.refresh();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) {
            // The request never got an answer (the connection dropped on the way): nothing is lost.
            storeDraft(key, { pending: true, entries });
            setKept("waiting");
            setErrors({});
            setFormError(navigator.onLine ? tErrors("internal") : null);
            return;
          }
          storeDraft(key, { pending: false, entries });
          setKept(null);
          const byRow: Record<string, FieldErrors> = {};
          for (const [field, messages] of Object.entries(error.fields)) {
            const match = ENTRY_FIELD.exec(field);
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
    },
    [key, rows, mutation, notify, router, t, tErrors],
  );

  const sendLatest = useRef(send);
  useEffect(() => {
    sendLatest.current = send;
  }, [send]);

  // Opened again: what was typed and not saved comes back (rows done this week open to show it),
  // read once the page has hydrated, since the server cannot know what this device holds.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const draft = loadDraft(key);
      const entries = draft?.entries.filter((entry) => rows.some((row) => row.id === entry.keyResultId)) ?? [];
      if (!draft || entries.length === 0) return;
      const ids = entries.map((entry) => entry.keyResultId);
      changed.current = new Set(ids);
      setRestored(new Map(entries.map((entry) => [entry.keyResultId, entry])));
      setReopened(new Set(ids));
      setTouched(new Set(ids));
      if (draft.pending && navigator.onLine) sendLatest.current(entries);
      else setKept(draft.pending ? "waiting" : "restored");
    });
    return () => cancelAnimationFrame(frame);
    // Once, when the page opens: later renders must not write over what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back online with something saved on the device: send it.
  useEffect(() => {
    const sendKept = () => {
      const draft = loadDraft(key);
      if (draft?.pending) sendLatest.current(draft.entries);
    };
    window.addEventListener("online", sendKept);
    return () => window.removeEventListener("online", sendKept);
  }, [key]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (touched.size === 0) {
      setFormError(t("nothingToSave"));
      return;
    }
    // A click on a confidence already chosen touches its row without a change event.
    for (const id of touched) changed.current.add(id);
    send(keep(false));
  }

  /** Every change is kept on the device at once, before any state settles. */
  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement ? event.target.name : "";
    const row = rows.find((candidate) => name.startsWith(`${candidate.id}.`));
    if (!row) return;
    changed.current.add(row.id);
    keep(kept === "waiting");
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
      onChange={onChange}
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
                      key={`${row.id}:${row.lastCheckInAt?.toISOString() ?? ""}:${undone[row.id] ?? 0}:${restored.has(row.id) ? "kept" : ""}`}
                      row={row}
                      draft={restored.get(row.id)}
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
                        changed.current.delete(row.id);
                        setRestored((current) => {
                          const next = new Map(current);
                          next.delete(row.id);
                          return next;
                        });
                        requestAnimationFrame(() => keep(kept === "waiting"));
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
        {kept !== null || !online ? (
          <p role="status" className="flex items-start gap-2 rounded-md border border-warning-bar/50 bg-warning-soft px-3 py-2 text-sm text-fg">
            {kept === "restored" ? <History className="mt-0.5 size-4 shrink-0" aria-hidden /> : <CloudOff className="mt-0.5 size-4 shrink-0" aria-hidden />}
            <span>{kept === "waiting" ? t("offlinePending") : kept === "restored" ? t("draftRestored") : t("offlineTyping")}</span>
          </p>
        ) : null}
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
