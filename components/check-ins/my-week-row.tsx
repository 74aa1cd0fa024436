"use client";

import { CircleCheck } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { KeyResultBar } from "@/components/okr/key-result-bar";
import { StatusBadge, statusTone } from "@/components/okr/status-badge";
import { TargetText } from "@/components/okr/target-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { formatMeasure, formatPercent, formatPoints } from "@/lib/format";
import { pace } from "@/lib/okr/progress";
import type { MyWeekRow } from "@/lib/services/my-week";
import type { MyWeekEntry } from "./check-in-draft";
import { ConfidencePicker } from "./confidence-picker";

/** The ids and names of a row's controls: the form reads them by name, errors focus them by id. */
export const rowField = {
  value: (id: string) => `${id}.value`,
  confidence: (id: string) => `${id}.confidence`,
  note: (id: string) => `${id}.note`,
};
export const rowElementId = (id: string, part: "row" | "value" | "note" | "confidence-error" | "row-error") => `kr-${id}-${part}`;

interface Props {
  row: MyWeekRow;
  /** What was typed on this device and not saved yet, shown instead of the last values. */
  draft?: MyWeekEntry;
  me: string;
  now: number;
  /** Changed since the last save: only these rows are sent. */
  touched: boolean;
  errors: FieldErrors | undefined;
  /** Done this week and not reopened: shown as done, with a way to update again. */
  collapsed: boolean;
  onTouch: () => void;
  onUndo: () => void;
  onReopen: () => void;
}

/** One key result of My week: where it stands, and a value, a confidence and a note to report. */
export function MyWeekRowItem({ row, draft, me, now, touched, errors = {}, collapsed, onTouch, onUndo, onReopen }: Props) {
  const t = useTranslations("myWeek");
  const tOkr = useTranslations("okr");
  const tCheckIn = useTranslations("checkIn");
  const format = useFormatter();
  const locale = useLocale();
  const id = row.id;
  const titleId = `kr-${id}-title`;
  const ranged = row.direction === "increase" || row.direction === "decrease";
  const delta = pace(row.progress, row.expected);
  const points = formatPoints(Math.abs(delta), locale, false);
  const rowError = errors.keyResultId;

  // A click on a radio already checked changes nothing, yet says "same as before, still true".
  const touchOnRadio = (event: MouseEvent) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "radio") onTouch();
  };

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      id={rowElementId(id, "row")}
      tabIndex={-1}
      className="flex flex-col gap-3 py-4 outline-none first:pt-0 last:pb-0"
    >
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1.5">
        <h4 id={titleId} className="min-w-0 flex-1 basis-60 text-sm font-medium text-fg">
          {row.title}
        </h4>
        <div className="flex flex-wrap items-center gap-1.5">
          {row.owed ? null : (
            <Badge tone="success">
              <CircleCheck aria-hidden />
              {t("doneBadge")}
            </Badge>
          )}
          <StatusBadge status={row.status} />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <KeyResultBar {...row} expected={row.expected} tone={statusTone(row.status)} size="sm" className="min-w-16 flex-1" />
        <span className="w-10 shrink-0 text-right text-xs font-semibold text-fg tabular-nums">{formatPercent(row.achievement, locale)}</span>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <span className="tabular-nums">
          <TargetText {...row} />
        </span>
        {ranged ? (
          <span className={cn("tabular-nums", delta >= 0 ? "text-success" : delta > -0.1 ? "text-muted" : "text-danger")}>
            {Math.round(delta * 100) === 0 ? t("onPace") : delta > 0 ? tOkr("ahead", { points }) : tOkr("behind", { points })}
          </span>
        ) : null}
        <span>{row.lastCheckInAt ? t("lastCheckIn", { when: format.relativeTime(row.lastCheckInAt, now) }) : t("noCheckInYet")}</span>
        {row.ownerUserId !== me ? <span>{t("ownedBy", { name: row.ownerName })}</span> : null}
      </p>

      {collapsed ? (
        <div>
          <Button size="sm" variant="secondary" onClick={onReopen} aria-label={t("updateAgainFor", { title: row.title })}>
            {t("updateAgain")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-3" onChange={onTouch} onClick={touchOnRadio}>
          <div className="grid gap-3 sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)] sm:items-start">
            {row.direction === "milestone" ? (
              <fieldset className="flex flex-col gap-1.5" aria-invalid={errors.value ? true : undefined} aria-describedby={errors.value ? `${rowElementId(id, "value")}-error` : undefined}>
                <legend className="text-sm font-medium text-fg">{tCheckIn("milestone")}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1 pt-1 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="radio" id={rowElementId(id, "value")} name={rowField.value(id)} value="1" defaultChecked={Number(draft?.value ?? row.currentValue) >= 1} /> {tCheckIn("done")}
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name={rowField.value(id)} value="0" defaultChecked={Number(draft?.value ?? row.currentValue) < 1} /> {tCheckIn("notDone")}
                  </label>
                </div>
                {errors.value ? (
                  <p id={`${rowElementId(id, "value")}-error`} className="text-xs font-medium text-danger">
                    {errors.value.join(" ")}
                  </p>
                ) : null}
              </fieldset>
            ) : (
              <Field id={rowElementId(id, "value")} label={t("newValue")} hint={t("now", { value: formatMeasure(row.currentValue, row, locale) })} error={errors.value}>
                <Input
                  id={rowElementId(id, "value")}
                  name={rowField.value(id)}
                  inputMode="decimal"
                  autoComplete="off"
                  defaultValue={draft?.value ?? row.currentValue}
                  aria-invalid={!!errors.value || undefined}
                  aria-describedby={describedBy(rowElementId(id, "value"), { hint: true, error: errors.value })}
                />
              </Field>
            )}
            <div className="flex flex-col gap-1.5">
              <ConfidencePicker
                name={rowField.confidence(id)}
                legend={t("confidence")}
                defaultValue={draft?.confidence ?? row.lastConfidence}
                error={errors.confidence?.[0]}
                describedBy={errors.confidence ? rowElementId(id, "confidence-error") : undefined}
              />
              {errors.confidence ? (
                <p id={rowElementId(id, "confidence-error")} className="text-xs font-medium text-danger">
                  {errors.confidence.join(" ")}
                </p>
              ) : null}
            </div>
          </div>
          <Field id={rowElementId(id, "note")} label={t("note")} error={errors.note}>
            <Textarea
              id={rowElementId(id, "note")}
              name={rowField.note(id)}
              rows={2}
              maxLength={2000}
              defaultValue={draft?.note}
              aria-invalid={!!errors.note || undefined}
              aria-describedby={describedBy(rowElementId(id, "note"), { error: errors.note })}
            />
          </Field>
          {rowError ? (
            <p id={rowElementId(id, "row-error")} className="text-xs font-medium text-danger">
              {rowError.join(" ")}
            </p>
          ) : null}
          {touched ? (
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-accent-text">
              <span>{t("willSave")}</span>
              <Button size="sm" variant="link" onClick={onUndo} aria-label={t("undoFor", { title: row.title })}>
                {t("undo")}
              </Button>
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
