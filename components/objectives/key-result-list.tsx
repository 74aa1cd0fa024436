import { CalendarClock, Pencil, Trash2 } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { KeyResultHistoryButton } from "@/components/charts/key-result-history";
import { CheckInDialog } from "@/components/check-ins/check-in-dialog";
import { KeyResultBar } from "@/components/okr/key-result-bar";
import { StatusBadge, statusTone } from "@/components/okr/status-badge";
import { TargetText } from "@/components/okr/target-text";
import { Button } from "@/components/ui/button";
import { formatMeasure, formatPercent } from "@/lib/format";
import type { KeyResultView } from "@/lib/services/objective-detail";
import { DeleteKeyResultButton } from "./delete-key-result-button";
import { KeyResultFormDialog } from "./key-result-form-dialog";
import { cycleIsOpen } from "@/lib/okr/cycles";

interface Props {
  orgSlug: string;
  objectiveId: string;
  keyResults: KeyResultView[];
  cycle: { id: string; startDate: string; endDate: string; status: "planning" | "active" | "closed" };
  canEdit: boolean;
  /** Key results this person may check in on. */
  canCheckIn: (keyResult: KeyResultView) => boolean;
  expected?: number;
}

/** Each key result: what it aims for, where it stands, how it is going, and what its owner can do. */
export async function KeyResultList({ orgSlug, objectiveId, keyResults, cycle, canEdit, canCheckIn, expected }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations("objectivePage"), getFormatter(), getLocale()]);
  return (
    <ol className="flex flex-col divide-y divide-border">
      {keyResults.map((kr) => {
        const overAchieved = kr.achievement > 1;
        return (
          <li key={kr.id} id={`kr-${kr.id}`} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
              <h3 className="min-w-0 flex-1 text-sm font-medium text-fg">{kr.title}</h3>
              <StatusBadge status={kr.status} />
            </div>
            <div className="flex items-center gap-3">
              <KeyResultBar {...kr} expected={expected} tone={statusTone(kr.status)} className="flex-1" />
              <span className={`w-12 text-right text-xs font-semibold tabular-nums ${overAchieved ? "text-success" : "text-fg"}`}>
                {formatPercent(kr.achievement, locale)}
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
              <span className="tabular-nums">
                <TargetText {...kr} />
              </span>
              <span>{kr.ownerName}</span>
              <span className="inline-flex items-center gap-1">
                <CalendarClock className="size-3.5" aria-hidden />
                {t("due", { date: format.dateTime(new Date(`${kr.dueDate}T12:00:00Z`), { dateStyle: "medium" }) })}
              </span>
              <span>
                {kr.lastCheckInAt ? t("lastCheckIn", { when: format.relativeTime(kr.lastCheckInAt) }) : t("noCheckInYet")}
              </span>
              {Number(kr.weight) !== 1 ? <span>{t("weight", { weight: formatMeasure(kr.weight, { unit: "number", currencyCode: null, unitLabel: null }, locale) })}</span> : null}
              <span className="ml-auto flex items-center gap-1">
                <KeyResultHistoryButton orgSlug={orgSlug} keyResultId={kr.id} title={kr.title} version={kr.lastCheckInAt?.toISOString() ?? null} />
                {cycleIsOpen(cycle) && canCheckIn(kr) ? (
                  <CheckInDialog
                    orgSlug={orgSlug}
                    keyResult={{
                      id: kr.id,
                      title: kr.title,
                      direction: kr.direction,
                      unit: kr.unit,
                      currencyCode: kr.currencyCode,
                      unitLabel: kr.unitLabel,
                      currentValue: kr.currentValue,
                      lastConfidence: kr.lastConfidence,
                    }}
                  />
                ) : null}
                {canEdit && cycleIsOpen(cycle) ? (
                  <>
                    <KeyResultFormDialog
                      orgSlug={orgSlug}
                      objectiveId={objectiveId}
                      cycle={cycle}
                      defaultOwnerId={kr.ownerUserId}
                      keyResult={kr}
                      trigger={
                        <Button size="sm" variant="ghost" aria-label={t("editKeyResult", { title: kr.title })}>
                          <Pencil aria-hidden />
                        </Button>
                      }
                    />
                    <DeleteKeyResultButton
                      orgSlug={orgSlug}
                      keyResultId={kr.id}
                      title={kr.title}
                      trigger={
                        <Button size="sm" variant="ghost" aria-label={t("deleteKeyResult", { title: kr.title })}>
                          <Trash2 aria-hidden />
                        </Button>
                      }
                    />
                  </>
                ) : null}
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
