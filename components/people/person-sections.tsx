import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StatusBadge, statusTone } from "@/components/okr/status-badge";
import { TargetText } from "@/components/okr/target-text";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatMeasure, formatPercent } from "@/lib/format";
import type { KeyResultElsewhere, PersonCheckIn } from "@/lib/services/people";

/** Key results someone carries on other people's objectives: what, whose, how far. */
export function KeyResultsElsewhere({ orgSlug, keyResults }: { orgSlug: string; keyResults: KeyResultElsewhere[] }) {
  const t = useTranslations("people");
  const tOkr = useTranslations("okr");
  const locale = useLocale();
  return (
    <ul className="flex flex-col divide-y divide-border">
      {keyResults.map((kr) => (
        <li key={kr.id} className="grid gap-2 py-3 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] md:items-center md:gap-6">
          <div className="flex min-w-0 flex-col gap-1">
            <span className="text-sm font-medium text-fg">{kr.title}</span>
            <span className="text-xs text-subtle">
              {t.rich("onObjective", {
                title: kr.objectiveTitle,
                owner: kr.objectiveOwnerName,
                objective: (chunks) => (
                  <Link href={`/${orgSlug}/okrs/${kr.objectiveId}`} className="text-muted hover:text-fg hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </span>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
              <span>
                <TargetText {...kr} />
              </span>
              <StatusBadge status={kr.status} />
            </div>
          </div>
          <div className="flex items-center gap-3">
            <ProgressBar value={kr.progress} tone={statusTone(kr.status)} label={tOkr("progressOf", { title: kr.title })} valueText={formatPercent(kr.progress, locale)} size="sm" className="flex-1" />
            <span className="w-10 shrink-0 text-right text-xs font-semibold text-fg tabular-nums">{formatPercent(kr.progress, locale)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function measure(checkIn: PersonCheckIn, value: string, locale: string, done: string, notDone: string) {
  if (checkIn.direction === "milestone") return Number(value) >= 1 ? done : notDone;
  return formatMeasure(value, checkIn, locale);
}

/** Someone's latest check-ins: the value they reported, how confident they were, what they said. */
export function CheckInList({ orgSlug, checkIns }: { orgSlug: string; checkIns: PersonCheckIn[] }) {
  const t = useTranslations("people");
  const tTarget = useTranslations("okr.target");
  const format = useFormatter();
  const locale = useLocale();
  const done = tTarget("done");
  const notDone = tTarget("notDone");
  return (
    <ol className="flex flex-col gap-3">
      {checkIns.map((checkIn) => (
        <li key={checkIn.id} className="flex flex-col gap-1 border-l-2 border-border pl-3">
          <Link href={`/${orgSlug}/okrs/${checkIn.objectiveId}`} className="text-sm font-medium text-fg hover:underline">
            {checkIn.keyResultTitle}
          </Link>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
            <span className="tabular-nums">
              {checkIn.previousValue !== null
                ? t("valueChange", {
                    from: measure(checkIn, checkIn.previousValue, locale, done, notDone),
                    to: measure(checkIn, checkIn.value, locale, done, notDone),
                  })
                : measure(checkIn, checkIn.value, locale, done, notDone)}
            </span>
            <StatusBadge status={checkIn.confidence} />
          </div>
          {checkIn.note ? <p className="text-xs whitespace-pre-line text-muted">{checkIn.note}</p> : null}
          <time dateTime={checkIn.createdAt.toISOString()} className="text-xs text-subtle">
            {format.relativeTime(checkIn.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
