import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { countViews, DISTRIBUTION_RANGES, explorerHref } from "@/lib/dashboard-links";
import { formatPercent } from "@/lib/format";
import type { DashboardData } from "@/lib/services/dashboard";
import { LazyDistributionBars, LazyProgressLines } from "./lazy-charts";

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** The same numbers as the picture above it, for screen readers and anyone who prefers a table. */
function TableFallback({ caption, children }: { caption: string; children: ReactNode }) {
  const t = useTranslations("dashboard.charts");
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer rounded-sm text-xs font-medium text-accent-text hover:underline">{t("showTable")}</summary>
      <div className="mt-2">
        <Table caption={caption}>{children}</Table>
      </div>
    </details>
  );
}

/** Small multiples: one weekly progress chart per company objective, each with its story in words. */
export function CompanyOverTime({ orgSlug, data }: { orgSlug: string; data: Pick<DashboardData, "weeks" | "companySeries" | "cycle"> }) {
  const t = useTranslations("dashboard.charts");
  const locale = useLocale();
  const format = useFormatter();
  const { weeks, companySeries, cycle } = data;
  if (companySeries.length === 0 || weeks.length === 0) return <p className="text-sm text-muted">{t("overTimeNone")}</p>;
  const shortWeek = (week: string) => format.dateTime(utcDay(week), { day: "numeric", month: "short", timeZone: "UTC" });
  const labels = weeks.map((week) => shortWeek(week.week));
  const expected = weeks.map((week) => week.expected);
  const current = weeks.at(-1)?.expected ?? null;
  return (
    <div>
      <ul className="grid gap-x-6 gap-y-5 sm:grid-cols-2">
        {companySeries.map((series) => {
          const values = series.points.filter((value): value is number => value !== null);
          return (
            <li key={series.id} className="flex min-w-0 flex-col gap-1">
              <h3 className="truncate text-sm font-medium">
                <Link href={`/${orgSlug}/okrs/${series.id}`} className="text-fg hover:underline">
                  {series.title}
                </Link>
              </h3>
              <p className="text-xs text-muted">
                {cycle.status === "closed" || current === null
                  ? t("seriesSummaryClosed", { title: series.title, progress: formatPercent(series.progress, locale) })
                  : t("seriesSummary", { title: series.title, progress: formatPercent(series.progress, locale), expected: formatPercent(current, locale) })}{" "}
                {values.length > 1 && series.first !== null
                  ? t("seriesChange", { from: formatPercent(series.first, locale), to: formatPercent(series.progress, locale), weeks: values.length - 1 })
                  : null}
              </p>
              <div aria-hidden className="h-[150px]">
                <LazyProgressLines weeks={labels} expected={expected} points={series.points} />
              </div>
            </li>
          );
        })}
      </ul>
      <ChartKey />
      <TableFallback caption={t("overTime")}>
        <THead>
          <tr>
            <Th>{t("week")}</Th>
            <Th>{t("expected")}</Th>
            {companySeries.map((series) => (
              <Th key={series.id} className="max-w-48 truncate">
                {series.title}
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {weeks.map((week, index) => (
            <Tr key={week.week}>
              <Th scope="row" className="font-normal">
                {t("weekOf", { date: format.dateTime(utcDay(week.week), { dateStyle: "medium", timeZone: "UTC" }) })}
              </Th>
              <Td className="tabular-nums">{week.expected === null ? "–" : formatPercent(week.expected, locale)}</Td>
              {companySeries.map((series) => {
                const value = series.points[index];
                return (
                  <Td key={series.id} className="tabular-nums">
                    {value === null || value === undefined ? "–" : formatPercent(value, locale)}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </TBody>
      </TableFallback>
    </div>
  );
}

/** The legend in words; the line samples repeat what the words say. */
function ChartKey() {
  const t = useTranslations("dashboard.charts");
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
      <li className="flex items-center gap-2">
        <svg aria-hidden width="28" height="10" viewBox="0 0 28 10">
          <line x1="0" y1="5" x2="28" y2="5" stroke="var(--progress-fill)" strokeWidth="2.5" />
          <circle cx="14" cy="5" r="3" fill="var(--surface)" stroke="var(--progress-fill)" strokeWidth="2" />
        </svg>
        {t("actual")}
      </li>
      <li className="flex items-center gap-2">
        <svg aria-hidden width="28" height="10" viewBox="0 0 28 10">
          <line x1="0" y1="5" x2="28" y2="5" stroke="var(--expected)" strokeOpacity="0.7" strokeWidth="1.5" strokeDasharray="6 4" />
        </svg>
        {t("expected")}
      </li>
    </ul>
  );
}

/** A histogram of objective progress in 10 % buckets, with a summary in words and a table; every count opens its list. */
export function ProgressDistribution({ orgSlug, cycleId, distribution }: { orgSlug: string; cycleId: string; distribution: number[] }) {
  const t = useTranslations("dashboard.charts");
  const locale = useLocale();
  const percent = (tenths: number) => formatPercent(tenths / 10, locale);
  const href = (from: number, to: number) => explorerHref(orgSlug, cycleId, countViews.progress(from, to));
  const buckets = distribution.map((count, index) => ({
    label: t("bucket", { from: percent(index), to: percent(index + 1) }),
    count,
    href: href(index, index + 1),
  }));
  const sum = ([from, to]: readonly [number, number]) => distribution.slice(from, to).reduce((total, count) => total + count, 0);
  const link = (range: readonly [number, number]) =>
    function CountLink(chunks: ReactNode) {
      return (
        <Link href={href(range[0], range[1])} className="font-medium text-accent-text tabular-nums hover:underline">
          {chunks}
        </Link>
      );
    };
  const { low, middle, high } = DISTRIBUTION_RANGES;
  return (
    <div>
      <p className="text-xs text-muted">
        {t.rich("distributionSummary", {
          count: sum([0, 10]),
          low: sum(low),
          middle: sum(middle),
          high: sum(high),
          lowTo: percent(low[1]),
          highFrom: percent(high[0]),
          all: function AllLink(chunks: ReactNode) {
            return (
              <Link href={explorerHref(orgSlug, cycleId, countViews.objectives())} className="font-medium text-accent-text tabular-nums hover:underline">
                {chunks}
              </Link>
            );
          },
          lowLink: link(low),
          middleLink: link(middle),
          highLink: link(high),
        })}
      </p>
      <div aria-hidden className="mt-2 h-[220px]">
        <LazyDistributionBars buckets={buckets} />
      </div>
      <TableFallback caption={t("distribution")}>
        <THead>
          <tr>
            <Th>{t("range")}</Th>
            <Th className="text-right">{t("objectives")}</Th>
          </tr>
        </THead>
        <TBody>
          {buckets.map((bucket) => (
            <Tr key={bucket.label}>
              <Th scope="row" className="font-normal">
                {bucket.label}
              </Th>
              <Td className="text-right tabular-nums">
                <Link href={bucket.href} aria-label={t("openBucket", { count: bucket.count, range: bucket.label })} className="font-medium text-accent-text hover:underline">
                  {bucket.count}
                </Link>
              </Td>
            </Tr>
          ))}
        </TBody>
      </TableFallback>
    </div>
  );
}
