"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { Confidence, KeyResultDirection, KeyResultUnit } from "@/lib/domain";
import { formatMeasure } from "@/lib/format";
import { ConfidencePicker } from "./confidence-picker";

export interface CheckInTarget {
  id: string;
  title: string;
  direction: KeyResultDirection;
  unit: KeyResultUnit;
  currencyCode: string | null;
  unitLabel: string | null;
  currentValue: string;
  lastConfidence: Confidence | null;
}

export function CheckInDialog({ orgSlug, keyResult }: { orgSlug: string; keyResult: CheckInTarget }) {
  const t = useTranslations("checkIn");
  const locale = useLocale();
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  const form = useApiForm({
    submit: (values) => api(`/api/orgs/${orgSlug}/key-results/${keyResult.id}/check-ins`, { body: values }),
    onSuccess: () => {
      setOpen(false);
      notify({ title: t("saved") });
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  const id = `check-in-${keyResult.id}`;
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="secondary" aria-label={t("buttonFor", { title: keyResult.title })}>
          {t("button")}
        </Button>
      }
      title={t("title")}
      description={keyResult.title}
      open={open}
      onOpenChange={setOpen}
      form={form}
      submitLabel={t("submit")}
    >
          {keyResult.direction === "milestone" ? (
            <fieldset className="flex flex-col gap-1.5">
              <legend className="text-sm font-medium text-fg">{t("milestone")}</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="value" value="1" defaultChecked={Number(keyResult.currentValue) >= 1} /> {t("done")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="value" value="0" defaultChecked={Number(keyResult.currentValue) < 1} /> {t("notDone")}
                </label>
              </div>
            </fieldset>
          ) : (
            <Field id={`${id}-value`} label={t("newValue")} hint={t("current", { value: formatMeasure(keyResult.currentValue, keyResult, locale) })} error={errors.value}>
              <Input
                id={`${id}-value`}
                name="value"
                inputMode="decimal"
                defaultValue={keyResult.currentValue}
                autoFocus
                aria-invalid={!!errors.value || undefined}
                aria-describedby={describedBy(`${id}-value`, { hint: true, error: errors.value })}
              />
            </Field>
          )}
          <ConfidencePicker name="confidence" legend={t("confidence")} defaultValue={keyResult.lastConfidence ?? "on_track"} error={errors.confidence?.[0]} />
          {errors.confidence ? <p className="text-xs font-medium text-danger">{errors.confidence.join(" ")}</p> : null}
          <Field id={`${id}-note`} label={t("note")} hint={t("noteHint")} error={errors.note}>
            <Textarea id={`${id}-note`} name="note" rows={3} aria-describedby={describedBy(`${id}-note`, { hint: true, error: errors.note })} />
          </Field>
    </FormDialog>
  );
}
