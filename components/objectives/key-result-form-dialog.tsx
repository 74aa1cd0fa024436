"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { PersonSelect } from "@/components/forms/person-select";
import { useApiForm } from "@/components/forms/use-api-form";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { KeyResultDirection, KeyResultUnit } from "@/lib/domain";
import type { keyResultSnapshot } from "@/lib/services/key-results";
import type { KeyResultCreateBody, KeyResultUpdateBody } from "@/lib/validation/okrs";
import { ConflictPanel } from "./conflict-panel";
import { useFormOptions } from "./use-form-options";
import { useVersionConflict } from "./use-version-conflict";

/** The key result as the dialog edits it, and as a 409 answers it: the service's snapshot. */
type KeyResultSnapshot = ReturnType<typeof keyResultSnapshot>;
export type EditableKeyResult = Omit<KeyResultSnapshot, "updatedAt">;

interface Props {
  orgSlug: string;
  objectiveId: string;
  cycle: { id: string; startDate: string; endDate: string };
  defaultOwnerId: string;
  trigger: ReactNode;
  keyResult?: EditableKeyResult;
}

const directions: KeyResultDirection[] = ["increase", "decrease", "stay_above", "stay_below", "milestone"];

export function KeyResultFormDialog({ orgSlug, objectiveId, cycle, defaultOwnerId, trigger, keyResult }: Props) {
  const t = useTranslations("keyResultForm");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  // The people are fetched when the dialog first opens.
  const loaded = useFormOptions(orgSlug, cycle.id, open);
  const members = loaded.data?.members;
  const [direction, setDirection] = useState<KeyResultDirection>(keyResult?.direction ?? "increase");
  const [unit, setUnit] = useState<KeyResultUnit>(keyResult?.unit ?? "number");
  const [lastTitle, setLastTitle] = useState("");
  const form = useApiForm({
    submit: (values) => {
      setLastTitle(values.title ?? "");
      const body: KeyResultCreateBody & Omit<KeyResultUpdateBody, "version"> = {
        title: values.title ?? "",
        description: values.description ?? "",
        direction,
        // A milestone is done or not: it has no unit of its own.
        unit: direction === "milestone" ? "number" : unit,
        currencyCode: direction !== "milestone" && unit === "currency" ? values.currencyCode : null,
        unitLabel: direction !== "milestone" && unit === "custom" ? values.unitLabel : null,
        startValue: direction === "milestone" ? "0" : values.startValue,
        targetValue: direction === "milestone" ? "1" : values.targetValue,
        ownerUserId: values.ownerUserId ?? "",
        dueDate: values.dueDate,
        weight: values.weight,
      };
      if (!keyResult) return api(`/api/orgs/${orgSlug}/objectives/${objectiveId}/key-results`, { body });
      const update: KeyResultUpdateBody = { ...body, version: conflict.version };
      return api(`/api/orgs/${orgSlug}/key-results/${keyResult.id}`, { method: "PATCH", body: update });
    },
    onSuccess: () => {
      setOpen(false);
      notify({ title: keyResult ? t("saved") : t("created") });
      router.refresh();
    },
  });
  const conflict = useVersionConflict<KeyResultSnapshot>(form, keyResult?.version ?? 0, () => {
    setOpen(false);
    router.refresh();
  });
  const errors = form.fieldErrors;
  const saved = conflict.conflict;
  const threshold = direction === "stay_above" || direction === "stay_below";

  return (
    <FormDialog
      trigger={trigger}
      title={keyResult ? t("editTitle") : t("newTitle")}
      description={t("intro")}
      className="max-w-2xl"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Each new key result starts from the defaults, not from the previous one's choices.
        if (next && !keyResult) {
          setDirection("increase");
          setUnit("number");
        }
      }}
      form={form}
      submitLabel={keyResult ? tCommon("save") : t("create")}
      submitDisabled={!members}
      alert={
        saved ? (
          <ConflictPanel
            who={null}
            fields={saved.title !== lastTitle ? [{ label: t("title"), mine: lastTitle, theirs: saved.title }] : []}
            onReload={conflict.useTheirs}
            onKeepMine={conflict.keepMine}
          />
        ) : undefined
      }
    >
          <Field id="kr-title" label={t("title")} hint={t("titleHint")} error={errors.title}>
            <Input id="kr-title" name="title" defaultValue={keyResult?.title} required autoFocus aria-invalid={!!errors.title || undefined} aria-describedby={describedBy("kr-title", { hint: true, error: errors.title })} />
          </Field>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-fg">{t("direction")}</legend>
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {directions.map((option) => (
                <label key={option} className="flex cursor-pointer flex-col gap-0.5 rounded-md border border-border-strong px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft/50">
                  <span className="flex items-center gap-2 font-medium text-fg">
                    <input type="radio" name="direction-choice" value={option} checked={direction === option} onChange={() => setDirection(option)} />
                    {t(`directions.${option}.label`)}
                  </span>
                  <span className="pl-5 text-xs text-subtle">{t(`directions.${option}.hint`)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          {direction !== "milestone" ? (
            <>
              <div className="grid gap-4 sm:grid-cols-3">
                <Field id="kr-unit" label={t("unit")}>
                  <Select id="kr-unit" value={unit} onChange={(event) => setUnit(event.target.value as KeyResultUnit)}>
                    {(["number", "percent", "currency", "custom"] as const).map((option) => (
                      <option key={option} value={option}>
                        {t(`units.${option}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                {unit === "currency" ? (
                  <Field id="kr-currency" label={t("currencyCode")} error={errors.currencyCode}>
                    <Input id="kr-currency" name="currencyCode" defaultValue={keyResult?.currencyCode ?? "NOK"} maxLength={3} autoCapitalize="characters" aria-invalid={!!errors.currencyCode || undefined} aria-describedby={describedBy("kr-currency", { error: errors.currencyCode })} />
                  </Field>
                ) : null}
                {unit === "custom" ? (
                  <Field id="kr-unit-label" label={t("unitLabel")} error={errors.unitLabel}>
                    <Input id="kr-unit-label" name="unitLabel" defaultValue={keyResult?.unitLabel ?? ""} placeholder={t("unitLabelPlaceholder")} maxLength={24} aria-invalid={!!errors.unitLabel || undefined} aria-describedby={describedBy("kr-unit-label", { error: errors.unitLabel })} />
                  </Field>
                ) : null}
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id="kr-start" label={threshold ? t("valueToday") : t("startValue")} error={errors.startValue}>
                  <Input id="kr-start" name="startValue" inputMode="decimal" defaultValue={keyResult?.startValue ?? "0"} aria-invalid={!!errors.startValue || undefined} aria-describedby={describedBy("kr-start", { error: errors.startValue })} />
                </Field>
                <Field id="kr-target" label={threshold ? t("threshold") : t("targetValue")} error={errors.targetValue}>
                  <Input id="kr-target" name="targetValue" inputMode="decimal" defaultValue={keyResult?.targetValue ?? ""} required aria-invalid={!!errors.targetValue || undefined} aria-describedby={describedBy("kr-target", { error: errors.targetValue })} />
                </Field>
              </div>
            </>
          ) : null}

          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="kr-owner" label={t("owner")} error={errors.ownerUserId}>
              <PersonSelect
                id="kr-owner"
                name="ownerUserId"
                people={members}
                failed={loaded.isError}
                defaultValue={keyResult?.ownerUserId ?? defaultOwnerId}
                aria-describedby={describedBy("kr-owner", { error: errors.ownerUserId })}
              />
            </Field>
            <Field id="kr-due" label={t("dueDate")} error={errors.dueDate}>
              <Input id="kr-due" name="dueDate" type="date" min={cycle.startDate} max={cycle.endDate} defaultValue={keyResult?.dueDate ?? cycle.endDate} aria-invalid={!!errors.dueDate || undefined} aria-describedby={describedBy("kr-due", { error: errors.dueDate })} />
            </Field>
            <Field id="kr-weight" label={t("weight")} hint={t("weightHint")} error={errors.weight}>
              <Input id="kr-weight" name="weight" inputMode="decimal" defaultValue={keyResult?.weight ?? "1"} aria-invalid={!!errors.weight || undefined} aria-describedby={describedBy("kr-weight", { hint: true, error: errors.weight })} />
            </Field>
          </div>
          <Field id="kr-description" label={t("description")} error={errors.description}>
            <Textarea id="kr-description" name="description" defaultValue={keyResult?.description} rows={2} aria-describedby={describedBy("kr-description", { error: errors.description })} />
          </Field>
    </FormDialog>
  );
}
