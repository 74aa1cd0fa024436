"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatPercent } from "@/lib/format";
import type { CycleStatus } from "@/lib/domain";
import { firstPoint } from "@/lib/okr/history";
import { expectedProgress } from "@/lib/okr/progress";
import { ChartLegend } from "./chart-legend";
import { LazyTimeChart } from "./lazy-time-chart";
import { progressSeries } from "./series";

interface Props {
  title: string;
  cycle: { startDate: string; endDate: string; status: CycleStatus };
  /** Daily points, oldest first (objective_progress_history). */
  points: ReadonlyArray<{ day: string; progress: number }>;
  /** Progress now, 0–1. */
  progress: number;
  /** The server's clock, so the words read the same before and after hydration. */
  now: Date;
}

const atNoon = (day: string) => new Date(`${day}T12:00:00Z`);
const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** An objective's progress through its cycle against the expected straight line, in words, picture and table. */
export function ObjectiveProgressHistory({ title, cycle, points, progress, now }: Props) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const locale = useLocale();
  const headingId = useId();
  const percent = (value: number) => formatPercent(value, locale);
  const time = now.getTime();
  const series = progressSeries({ cycle, points, progress, now: time });
  const first = firstPoint(points);
  const active = cycle.status === "active";
  const sentences = [
    !first
      ? t("progressNone", { to: percent(progress) })
      : points.length === 1 && active && first.day === now.toISOString().slice(0, 10)
        ? t("progressToday", { to: percent(progress) })
        : active
          ? t("progressSummary", { from: percent(first.progress), since: format.relativeTime(atNoon(first.day), now), to: percent(progress) })
          : t("progressSummaryClosed", { from: percent(first.progress), since: format.relativeTime(atNoon(first.day), now), to: percent(progress) }),
    active ? t("progressExpected", { expected: percent(expectedProgress(cycle, now)) }) : null,
  ].filter(Boolean);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 border-t border-border pt-4">
      <h2 id={headingId} className="text-sm font-semibold text-fg">
        {t("progressTitle")}
      </h2>
      <figure className="flex flex-col gap-3">
        <figcaption className="text-sm text-muted">{sentences.join(" ")}</figcaption>
        <div aria-hidden className="h-40 w-full">
          <LazyTimeChart
            actual={series.actual}
            expected={series.expected}
            domainX={series.domainX}
            domainY={[0, 1]}
            yTicks={PERCENT_TICKS}
            formatTick={percent}
            formatValue={percent}
            formatDate={(value) => format.dateTime(new Date(value), { day: "numeric", month: "short" })}
            labels={{ today: t("today") }}
            now={active ? time : undefined}
            height={160}
          />
        </div>
        <ChartLegend
          label={t("legend")}
          items={[
            { kind: "actual", text: t("legendProgress") },
            { kind: "expected", text: t("legendProgressExpected") },
          ]}
        />
        {points.length > 0 ? (
          <details className="rounded-md border border-border">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-fg select-none hover:bg-surface-hover">{t("showTable")}</summary>
            <Table caption={t("progressCaption", { title })}>
              <THead>
                <tr>
                  <Th>{t("day")}</Th>
                  <Th className="text-right">{t("progress")}</Th>
                  <Th className="text-right">{t("expected")}</Th>
                </tr>
              </THead>
              <TBody>
                {[...points].reverse().map((point) => (
                  <Tr key={point.day}>
                    <Td>
                      <time dateTime={point.day}>{format.dateTime(atNoon(point.day), { dateStyle: "medium" })}</time>
                    </Td>
                    <Td className="text-right tabular-nums">{percent(point.progress)}</Td>
                    <Td className="text-right text-muted tabular-nums">{percent(expectedProgress(cycle, new Date(`${point.day}T23:59:59Z`)))}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </details>
        ) : null}
      </figure>
    </section>
  );
}
