"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/okr/status-badge";
import { TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatCompact, formatMeasure } from "@/lib/format";
import type { CheckInPoint, KeyResultHistory } from "@/lib/services/history";
import { ChartLegend } from "./chart-legend";
import { LazyTimeChart } from "./lazy-time-chart";
import { ScrollTable } from "./scroll-table";
import { expectedValueAt, keyResultSeries } from "./series";

/** KeyResultHistory as it arrives over JSON. */
export type KeyResultHistoryData = Omit<KeyResultHistory, "checkIns"> & { checkIns: Array<Omit<CheckInPoint, "createdAt"> & { createdAt: string }> };

const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** A key result's value over time: a sentence, the chart, a legend in words and the check-ins as a table. */
export function KeyResultHistoryView({ history, now }: { history: KeyResultHistoryData; now: number }) {
  const t = useTranslations("charts");
  const tCheckIn = useTranslations("checkIn");
  const format = useFormatter();
  const locale = useLocale();
  const { keyResult: kr, cycle, checkIns } = history;
  const milestone = kr.direction === "milestone";
  const value = (raw: number | string) => (milestone ? (Number(raw) >= 1 ? tCheckIn("done") : tCheckIn("notDone")) : formatMeasure(raw, kr, locale));
  const tick = (raw: number) => (milestone ? value(raw) : kr.unit === "percent" ? formatMeasure(raw, kr, locale) : formatCompact(raw, locale));
  const shortDate = (time: number) => format.dateTime(new Date(time), { day: "numeric", month: "short" });
  const series = keyResultSeries({ ...kr, cycle, checkIns });
  const latest = checkIns[0];
  const due = format.dateTime(atNoon(kr.dueDate), { dateStyle: "medium" });

  const sentences = [
    latest
      ? t("summary", { count: checkIns.length, from: value(milestone ? 0 : kr.startValue), to: value(latest.value), since: format.relativeTime(new Date(checkIns.at(-1)?.createdAt ?? latest.createdAt), now) })
      : t("summaryNone", { from: value(milestone ? 0 : kr.startValue) }),
    series.expected
      ? cycle.status === "closed"
        ? t("expectedLine", { target: value(kr.targetValue), due })
        : t("expectedNow", { target: value(kr.targetValue), due, value: value(expectedValueAt({ ...kr, cycle }, now)) })
      : series.threshold !== null
        ? t(kr.direction === "stay_above" ? "thresholdAbove" : "thresholdBelow", { value: value(kr.targetValue) })
        : t("milestoneDue", { due }),
  ];

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="text-sm text-fg">{sentences.join(" ")}</figcaption>
      <div aria-hidden className="h-56 w-full">
        <LazyTimeChart
          actual={series.actual}
          expected={series.expected}
          threshold={series.threshold}
          domainX={series.domainX}
          domainY={series.domainY}
          yTicks={milestone ? [0, 1] : undefined}
          formatTick={tick}
          formatValue={value}
          formatDate={shortDate}
          labels={{ today: t("today") }}
          now={cycle.status === "active" ? now : undefined}
        />
      </div>
      <ChartLegend
        label={t("legend")}
        items={[
          { kind: "actual", text: t("legendActual") },
          ...(series.expected ? [{ kind: "expected" as const, text: t("legendExpected") }] : []),
          ...(series.threshold !== null ? [{ kind: "expected" as const, text: t("legendThreshold") }] : []),
        ]}
      />
      <details className="group rounded-md border border-border">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-fg select-none hover:bg-surface-hover">{t("showTable")}</summary>
        {checkIns.length === 0 ? (
          <p className="px-3 pb-3 text-sm text-muted">{t("noCheckIns")}</p>
        ) : (
          <>
            <ScrollTable caption={t("tableCaption", { title: kr.title })}>
              <THead>
                <tr>
                  <Th>{t("date")}</Th>
                  <Th>{t("value")}</Th>
                  <Th>{t("confidence")}</Th>
                  <Th>{t("note")}</Th>
                  <Th>{t("author")}</Th>
                </tr>
              </THead>
              <TBody>
                {checkIns.map((checkIn) => (
                  <Tr key={checkIn.id}>
                    <Td className="whitespace-nowrap">
                      <time dateTime={checkIn.createdAt}>{format.dateTime(new Date(checkIn.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">{value(checkIn.value)}</Td>
                    <Td>
                      <StatusBadge status={checkIn.confidence} />
                    </Td>
                    <Td className="min-w-48 text-muted">{checkIn.note}</Td>
                    <Td className="whitespace-nowrap">{checkIn.authorName}</Td>
                  </Tr>
                ))}
              </TBody>
            </ScrollTable>
            {history.truncated ? <p className="px-3 py-2 text-xs text-subtle">{t("truncated", { count: checkIns.length })}</p> : null}
          </>
        )}
      </details>
    </figure>
  );
}
