"use client";

import { ArrowRight, CornerDownRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { LevelBadge } from "@/components/okr/level-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { errorId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError, api, type FieldErrors } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { formatMeasure, formatPercent, formatScore } from "@/lib/format";
import { carriedStart } from "@/lib/okr/carry-over";
import type { CarryOverResult } from "@/lib/services/carry-over";
import type { CarryCandidate, CarryCandidateKeyResult } from "@/lib/services/carry-over-read";

export type CarryChoice = "carry" | "done" | "drop";
const CHOICES: readonly CarryChoice[] = ["carry", "done", "drop"];

export interface PlannerObjective extends CarryCandidate {
  /** Whether this person may place it in the target cycle (the permission table, asked by the page). */
  mayCarry: boolean;
}

interface Props {
  orgSlug: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  objectives: PlannerObjective[];
}

/**
 * Per objective of a cycle: carry it into the next one (its key results' targets editable),
 * or leave it behind as done or dropped; a summary, and one save for all of it.
 */
export function CarryOverPlanner({ orgSlug, from, to, objectives }: Props) {
  const t = useTranslations("carryOver");
  const locale = useLocale();
  const router = useRouter();
  const notify = useToast();
  const [choices, setChoices] = useState<Record<string, CarryChoice>>({});
  const [targets, setTargets] = useState<Record<string, string>>({});
  // Key results unticked: they stay behind with their objective's old quarter.
  const [leftBehind, setLeftBehind] = useState<Record<string, boolean>>({});
  const [fields, setFields] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<CarryOverResult | null>(null);

  const open = objectives.filter((objective) => !objective.carriedInto && objective.mayCarry);
  const chosen = (choice: CarryChoice) => open.filter((objective) => choices[objective.id] === choice);
  const carrying = chosen("carry");
  const keyResultCount = carrying.reduce((sum, objective) => sum + objective.keyResults.filter((kr) => !leftBehind[kr.id]).length, 0);
  const undecided = open.length - carrying.length - chosen("done").length - chosen("drop").length;

  async function save() {
    setPending(true);
    setAlert(null);
    setFields({});
    try {
      const body = {
        toCycleId: to.id,
        items: carrying.map((objective) => ({
          objectiveId: objective.id,
          keyResults: objective.keyResults.flatMap((kr): Array<{ keyResultId: string; carry?: false; targetValue?: string }> => {
            if (leftBehind[kr.id]) return [{ keyResultId: kr.id, carry: false }];
            const target = targets[kr.id];
            return target !== undefined && target !== kr.targetValue ? [{ keyResultId: kr.id, targetValue: target }] : [];
          }),
        })),
      };
      const answer = await api<CarryOverResult>(`/api/orgs/${orgSlug}/cycles/${from.id}/carry-over`, { body });
      setResult(answer);
      // Done and dropped stay as chosen; what was carried now shows where it went.
      const carried = new Set(answer.objectives.map((objective) => objective.carriedFromId));
      setChoices((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !carried.has(id))));
      notify({
        title: t("saved", { count: answer.objectives.length, to: to.name }),
      });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setFields(error.fields);
        setAlert(Object.keys(error.fields).some((key) => key.startsWith("keyResults.")) ? t("fixKeyResults") : error.message);
      } else {
        setAlert(String(error));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <Card className="self-start">
        <ul className="divide-y divide-border">
          {objectives.map((objective) => (
            <ObjectiveRow
              key={objective.id}
              orgSlug={orgSlug}
              objective={objective}
              to={to}
              choice={choices[objective.id]}
              onChoose={(choice) =>
                setChoices((current) => ({
                  ...current,
                  [objective.id]: choice,
                }))
              }
              targets={targets}
              onTarget={(id, value) => setTargets((current) => ({ ...current, [id]: value }))}
              leftBehind={leftBehind}
              onCarryKeyResult={(id, carry) => setLeftBehind((current) => ({ ...current, [id]: !carry }))}
              fields={fields}
              locale={locale}
            />
          ))}
        </ul>
      </Card>

      <aside aria-labelledby="carry-summary" className="flex flex-col gap-4 lg:sticky lg:top-20 lg:self-start">
        <Card>
          <CardHeader>
            <CardTitle id="carry-summary">{t("summary")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <p className="font-medium text-fg">
              {t("summaryCarry", { count: carrying.length })}
              {carrying.length > 0 ? <span className="font-normal text-muted"> · {t("summaryKeyResults", { count: keyResultCount })}</span> : null}
            </p>
            <ul className="flex flex-col gap-1 text-muted">
              <li>{t("summaryDone", { count: chosen("done").length })}</li>
              <li>{t("summaryDropped", { count: chosen("drop").length })}</li>
              <li>{t("summaryUndecided", { count: undecided })}</li>
            </ul>
            <p className="text-xs text-subtle">{t("summaryHint", { from: from.name })}</p>
            <FormAlert message={alert} />
            <Button onClick={save} loading={pending} disabled={carrying.length === 0}>
              {t("save", { to: to.name })}
              <ArrowRight aria-hidden />
            </Button>
          </CardContent>
        </Card>
        {result ? <ResultCard orgSlug={orgSlug} to={to} result={result} /> : null}
      </aside>
    </div>
  );
}

interface RowProps {
  orgSlug: string;
  objective: PlannerObjective;
  to: { id: string; name: string };
  choice: CarryChoice | undefined;
  onChoose: (choice: CarryChoice) => void;
  targets: Record<string, string>;
  onTarget: (keyResultId: string, value: string) => void;
  leftBehind: Record<string, boolean>;
  onCarryKeyResult: (keyResultId: string, carry: boolean) => void;
  fields: FieldErrors;
  locale: string;
}

function ObjectiveRow({ orgSlug, objective, to, choice, onChoose, targets, onTarget, leftBehind, onCarryKeyResult, fields, locale }: RowProps) {
  const t = useTranslations("carryOver");
  const result =
    objective.score !== null
      ? t("score", { score: formatScore(objective.score, locale) })
      : t("progress", { progress: formatPercent(objective.progress, locale) });
  const objectiveErrors = Object.entries(fields)
    .filter(([key]) => key.startsWith(`objectives.${objective.id}.`))
    .flatMap(([, messages]) => messages);
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:px-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <Link href={`/${orgSlug}/okrs/${objective.id}`} className="font-medium text-fg hover:underline">
            {objective.title}
          </Link>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
            <LevelBadge level={objective.level} label={objective.level === "team" ? objective.teamName : undefined} />
            <span>{t("owner", { name: objective.ownerName })}</span>
            <span className="tabular-nums">{result}</span>
          </div>
        </div>
        {objective.carriedInto ? (
          <Link href={`/${orgSlug}/okrs/${objective.carriedInto.objectiveId}`} className="shrink-0">
            <Badge tone="success">{t("carriedAlready", { cycle: objective.carriedInto.cycleName })}</Badge>
          </Link>
        ) : objective.mayCarry ? (
          <fieldset className="shrink-0">
            <legend className="sr-only">{t("choiceLegend", { title: objective.title })}</legend>
            <div className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
              {CHOICES.map((option) => (
                <label key={option} className="relative">
                  <input
                    type="radio"
                    name={`choice-${objective.id}`}
                    value={option}
                    checked={choice === option}
                    onChange={() => onChoose(option)}
                    className="peer absolute inset-0 cursor-pointer opacity-0"
                  />
                  <span
                    className={cn(
                      "inline-flex h-7 cursor-pointer items-center rounded px-2.5 text-xs font-medium text-muted transition-colors select-none hover:text-fg",
                      "peer-focus-visible:ring-2 peer-focus-visible:ring-accent peer-focus-visible:ring-offset-1",
                      choice === option && (option === "carry" ? "bg-accent-soft text-accent-text" : "bg-surface-muted text-fg"),
                    )}
                  >
                    {t(option)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="max-w-56 shrink-0 text-xs text-subtle sm:text-right">{t("notYours")}</p>
        )}
      </div>
      {objectiveErrors.length > 0 ? <p className="text-xs font-medium text-danger">{objectiveErrors.join(" ")}</p> : null}
      {choice === "carry" && !objective.carriedInto ? (
        <div className="ml-0 flex flex-col gap-2 rounded-md border border-border bg-surface-muted/50 p-3 sm:ml-4">
          <p className="flex items-center gap-1.5 text-xs font-medium text-muted">
            <CornerDownRight className="size-3.5" aria-hidden />
            {t("keyResults", { to: to.name })}
          </p>
          {objective.keyResults.length === 0 ? (
            <p className="text-xs text-subtle">{t("noKeyResults")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {objective.keyResults.map((kr) => (
                <KeyResultLine
                  key={kr.id}
                  kr={kr}
                  value={targets[kr.id] ?? kr.targetValue}
                  onChange={(value) => onTarget(kr.id, value)}
                  carry={!leftBehind[kr.id]}
                  onCarry={(carry) => onCarryKeyResult(kr.id, carry)}
                  error={fields[`keyResults.${kr.id}.targetValue`]}
                  ownerError={fields[`keyResults.${kr.id}.ownerUserId`]}
                  locale={locale}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </li>
  );
}

function KeyResultLine({
  kr,
  value,
  onChange,
  carry,
  onCarry,
  error,
  ownerError,
  locale,
}: {
  kr: CarryCandidateKeyResult;
  value: string;
  onChange: (value: string) => void;
  carry: boolean;
  onCarry: (carry: boolean) => void;
  error?: string[];
  /** The owner has left: the key result cannot be carried until someone else owns it. */
  ownerError?: string[];
  locale: string;
}) {
  const t = useTranslations("carryOver");
  const id = `target-${kr.id}`;
  const start = carriedStart(kr);
  const unit = kr.unit === "percent" ? "%" : kr.unit === "currency" ? kr.currencyCode : kr.unit === "custom" ? kr.unitLabel : null;
  const threshold = kr.direction === "stay_above" || kr.direction === "stay_below";
  return (
    <li className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col">
        <label className="flex items-start gap-2 text-sm text-fg">
          <input
            type="checkbox"
            className="mt-1 shrink-0 accent-accent"
            aria-label={t("carryKeyResult", { title: kr.title })}
            checked={carry}
            onChange={(event) => onCarry(event.target.checked)}
          />
          <span className={cn(!carry && "text-subtle line-through")}>{kr.title}</span>
        </label>
        <span className="pl-6 text-xs text-subtle tabular-nums">
          {!carry
            ? t("keyResultStays")
            : kr.direction === "milestone"
            ? t("milestoneStart")
            : `${t("startsAt", { value: formatMeasure(start, kr, locale) })} (${t("was", { value: formatMeasure(kr.currentValue, kr, locale) })})`}
        </span>
        {ownerError ? <p className="pl-6 text-xs font-medium text-danger">{ownerError.join(" ")}</p> : null}
      </div>
      {kr.direction === "milestone" ? null : (
        <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
          <div className="flex items-center gap-2">
            <span className="text-xs text-muted" aria-hidden>
              {threshold ? t("threshold") : t("target")}
            </span>
            <Input
              id={id}
              inputMode="decimal"
              aria-label={t("targetFor", { title: kr.title })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId(id) : undefined}
              value={value}
              disabled={!carry}
              onChange={(event) => onChange(event.target.value)}
              className="h-8 w-28 text-right tabular-nums"
            />
            {unit ? <span className="w-8 text-xs text-muted">{unit}</span> : <span className="w-8" aria-hidden />}
          </div>
          {error ? (
            <p id={errorId(id)} className="text-xs font-medium text-danger">
              {error.join(" ")}
            </p>
          ) : null}
        </div>
      )}
    </li>
  );
}

function ResultCard({ orgSlug, to, result }: { orgSlug: string; to: { name: string }; result: CarryOverResult }) {
  const t = useTranslations("carryOver");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("result", { to: to.name })}</CardTitle>
          <CardDescription>{t("saved", { count: result.objectives.length, to: to.name })}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2 text-sm">
          {result.objectives.map((objective) => (
            <li key={objective.id} className="flex flex-col">
              <Link href={`/${orgSlug}/okrs/${objective.id}`} className="text-fg hover:underline">
                {objective.title}
              </Link>
              {objective.alignment === "unaligned" ? <span className="text-xs text-warning">{t("unaligned", { title: objective.title })}</span> : null}
            </li>
          ))}
        </ul>
        {result.realigned.length > 0 ? (
          <ul className="mt-3 flex flex-col gap-1 border-t border-border pt-3 text-xs text-muted">
            {result.realigned.map((objective) => (
              <li key={objective.id}>
                <Link href={`/${orgSlug}/okrs/${objective.id}`} className="hover:underline">
                  {t("realigned", { title: objective.title })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
