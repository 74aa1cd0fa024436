"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";

export interface ScheduleView {
  timeZone: string;
  remindersEnabled: boolean;
  reminderWeekday: number;
  reminderMinute: number;
  digestEnabled: boolean;
  digestWeekday: number;
  digestMinute: number;
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

interface Props {
  orgSlug: string;
  schedule: ScheduleView;
  /** Monday first, in the reader's language. */
  weekdays: string[];
  timeZones: string[];
  canEdit: boolean;
}

/** When the weekly reminder and the leadership digest go out, in the organisation's time zone. */
export function NotificationScheduleForm({ orgSlug, schedule, weekdays, timeZones, canEdit }: Props) {
  const t = useTranslations("notifications");
  const notify = useToast();
  const form = useApiForm({
    submit: (values) => api(`/api/orgs/${orgSlug}/notifications`, { method: "PATCH", body: values }),
    onSuccess: () => notify({ title: t("saved") }),
  });
  const errors = form.fieldErrors;
  const weekdayOptions = weekdays.map((name, index) => (
    <option key={name} value={index + 1}>
      {name}
    </option>
  ));
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex max-w-lg flex-col gap-5">
      <FormAlert message={form.formError} />
      <fieldset disabled={!canEdit} className="flex flex-col gap-5">
        <Field id="tz" label={t("timeZone")} hint={t("timeZoneHint")} error={errors.timeZone}>
          <Select id="tz" name="timeZone" defaultValue={schedule.timeZone} aria-describedby={describedBy("tz", { hint: true, error: errors.timeZone })}>
            {(timeZones.includes(schedule.timeZone) ? timeZones : [schedule.timeZone, ...timeZones]).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <legend className="px-1 text-sm font-semibold text-fg">{t("remindersTitle")}</legend>
          <CheckboxField id="reminders-on" name="remindersEnabled" defaultChecked={schedule.remindersEnabled} label={t("remindersEnabled")} hint={t("remindersHint")} />
          <div className="flex flex-col gap-3 sm:flex-row">
            <Field id="reminder-day" label={t("weekday")} error={errors.reminderWeekday} className="sm:flex-1">
              <Select id="reminder-day" name="reminderWeekday" defaultValue={String(schedule.reminderWeekday)}>
                {weekdayOptions}
              </Select>
            </Field>
            <Field id="reminder-time" label={t("time")} error={errors.reminderTime} className="sm:w-36">
              <Input id="reminder-time" name="reminderTime" type="time" required defaultValue={hhmm(schedule.reminderMinute)} aria-describedby={describedBy("reminder-time", { error: errors.reminderTime })} />
            </Field>
          </div>
          <p className="text-xs text-subtle">{t("escalationHint")}</p>
        </fieldset>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <legend className="px-1 text-sm font-semibold text-fg">{t("digestTitle")}</legend>
          <CheckboxField id="digest-on" name="digestEnabled" defaultChecked={schedule.digestEnabled} label={t("digestEnabled")} hint={t("digestHint")} />
          <div className="flex flex-col gap-3 sm:flex-row">
            <Field id="digest-day" label={t("weekday")} error={errors.digestWeekday} className="sm:flex-1">
              <Select id="digest-day" name="digestWeekday" defaultValue={String(schedule.digestWeekday)}>
                {weekdayOptions}
              </Select>
            </Field>
            <Field id="digest-time" label={t("time")} error={errors.digestTime} className="sm:w-36">
              <Input id="digest-time" name="digestTime" type="time" required defaultValue={hhmm(schedule.digestMinute)} aria-describedby={describedBy("digest-time", { error: errors.digestTime })} />
            </Field>
          </div>
        </fieldset>
      </fieldset>
      {canEdit ? (
        <div>
          <Button type="submit" loading={form.pending}>
            {t("save")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-subtle">{t("readOnly")}</p>
      )}
    </form>
  );
}
