"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { formatScore } from "@/lib/format";
import { scoreTone, scoreVerdict } from "./score";

/** As REFLECTION_MAX_LENGTH in lib/services/cycles.ts. */
const MAX_LENGTH = 2000;

interface Props {
  orgSlug: string;
  objectiveId: string;
  title: string;
  /** The frozen score, 0–1 (a decimal string as services answer it, or a number). */
  score: string | number;
  /** The reflection written so far, to edit it. */
  reflection?: string | null;
  /** The heading level the card's title takes on its page. */
  headingLevel?: "h2" | "h3";
}

/**
 * After a cycle closes: an objective's final score, what it means, and a short reflection from
 * its owner. For the objective page and My week.
 */
export function ReflectionPrompt({ orgSlug, objectiveId, title, score, reflection, headingLevel = "h2" }: Props) {
  const t = useTranslations("cycles");
  const locale = useLocale();
  const router = useRouter();
  const notify = useToast();
  const id = useId();
  const fieldId = `${id}-reflection`;
  const value = Number(score);
  const form = useApiForm({
    submit: (values) =>
      api(`/api/orgs/${orgSlug}/objectives/${objectiveId}/reflection`, { method: "PUT", body: { reflection: values.reflection ?? "" } }),
    onSuccess: () => {
      notify({ title: t("reflectionSaved") });
      router.refresh();
    },
  });
  const error = form.fieldErrors.reflection;
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-col gap-1">
          <CardTitle as={headingLevel}>{t("reflectionTitle", { title })}</CardTitle>
          <p className="flex flex-col text-sm">
            <span className="text-xs text-subtle">{t("finalScore")}</span>
            <span className={cn("font-semibold tabular-nums", scoreTone(value))}>{t(scoreVerdict(value), { score: formatScore(value, locale) })}</span>
          </p>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3">
          <FormAlert message={form.formError} />
          <Field id={fieldId} label={t("reflection")} hint={t("reflectionHint")} error={error}>
            <Textarea
              id={fieldId}
              name="reflection"
              rows={4}
              maxLength={MAX_LENGTH}
              required
              defaultValue={reflection ?? ""}
              aria-invalid={!!error || undefined}
              aria-describedby={describedBy(fieldId, { hint: true, error })}
            />
          </Field>
          <Button type="submit" loading={form.pending} className="self-end">
            {t("saveReflection")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
