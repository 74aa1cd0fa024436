import { CalendarCheck, Download } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatCount, formatPercent, formatScore } from "@/lib/format";
import { SUCCESS_SCORE } from "@/lib/okr/progress";
import type { QuarterStats } from "@/lib/services/quarter-stats";
import { LazyQuarterChart } from "./lazy-quarter-chart";

/** Whose figures these are: the card's description and its CSV follow from it. */
export type QuarterCardScope = { kind: "organisation" } | { kind: "team"; id: string; name: string } | { kind: "person"; id: string; name: string };

interface QuarterStatsCardProps {
  orgSlug: string;
  stats: QuarterStats[];
  scope: QuarterCardScope;
  /** Whether the reader may close cycles (the empty state says where). */
  manages: boolean;
}

/** The statistics export (app/api/orgs/[org]/export, `kind=quarters`) for a scope. */
export function quarterCsvHref(orgSlug: string, scope: QuarterCardScope): string {
  const base = `/api/orgs/${orgSlug}/export?kind=quarters`;
  return scope.kind === "organisation" ? base : `${base}&${scope.kind}=${scope.id}`;
}

/**
 * The last closed cycles side by side: the latest in words, all of them as a chart (score bars
 * against the 0.7 line, the check-in rate as a line) and as a table, and the same as a CSV.
 */
export function QuarterStatsCard({ orgSlug, stats, scope, manages }: QuarterStatsCardProps) {
  const t = useTranslations("quarterStats");
  const description =
    scope.kind === "organisation"
      ? t("description.organisation")
      : scope.kind === "team"
        ? t("description.team", { team: scope.name })
        : t("description.person", { name: scope.name });
  const locale = useLocale();
  const threshold = formatScore(SUCCESS_SCORE, locale);
  const score = (value: number | null) => (value === null ? "—" : formatScore(value, locale));
  const percent = (value: number | null) => (value === null ? "—" : formatPercent(value, locale));
  const latest = stats.at(-1);
  // Closed cycles, but none with anything counted here: words, not an empty chart.
  const counted = stats.some((row) => row.objectiveCount > 0);

  return (
    <Card data-testid="quarter-stats">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {latest && counted ? (
          <a href={quarterCsvHref(orgSlug, scope)} download className={buttonClasses("ghost", "sm")} title={t("downloadHint")}>
            <Download aria-hidden />
            {t("download")}
          </a>
        ) : null}
      </CardHeader>
      <CardContent>
        {!latest ? (
          <EmptyState
            icon={CalendarCheck}
            title={t("emptyTitle")}
            description={manages ? t("emptyAdmin") : t("emptyMember")}
            action={
              manages ? (
                <Link href={`/${orgSlug}/settings/cycles`} className={buttonClasses("secondary", "sm")}>
                  {t("manageCycles")}
                </Link>
              ) : null
            }
          />
        ) : !counted ? (
          <p className="text-sm text-muted">{t("noneInScope", { count: stats.length })}</p>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted" data-testid="quarter-summary">
              {latest.objectiveCount === 0 || latest.averageScore === null || latest.successShare === null
                ? t("summaryNone", { cycle: latest.cycleName })
                : t(latest.checkInRate === null ? "summaryNoRate" : "summary", {
                    cycle: latest.cycleName,
                    score: score(latest.averageScore),
                    success: percent(latest.successShare),
                    count: latest.objectiveCount,
                    threshold,
                    rate: percent(latest.checkInRate),
                  })}
            </p>
            <div aria-hidden className="h-[220px]">
              <LazyQuarterChart
                points={stats.map((row) => ({ label: row.cycleName, score: row.averageScore, rate: row.checkInRate }))}
                threshold={SUCCESS_SCORE}
                scoreTicks={[0, 0.5, SUCCESS_SCORE, 1].map((value) => ({ value, label: formatScore(value, locale) }))}
                rateTicks={[0, 0.5, 1].map((value) => ({ value, label: formatPercent(value, locale) }))}
              />
            </div>
            <ul aria-label={t("legendLabel")} className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
              <li className="flex items-center gap-2">
                <span aria-hidden className="inline-block size-2.5 rounded-[2px] bg-progress-fill opacity-85" />
                {t("legendScore")}
              </li>
              <li className="flex items-center gap-2">
                <svg aria-hidden width="28" height="10" viewBox="0 0 28 10" className="shrink-0">
                  <line x1="0" y1="5" x2="28" y2="5" stroke="var(--expected)" strokeOpacity="0.75" strokeWidth="2" />
                  <circle cx="14" cy="5" r="3" fill="var(--surface)" stroke="var(--expected)" strokeWidth="2" />
                </svg>
                {t("legendRate")}
              </li>
              <li className="flex items-center gap-2">
                <svg aria-hidden width="28" height="10" viewBox="0 0 28 10" className="shrink-0">
                  <line x1="0" y1="5" x2="28" y2="5" stroke="var(--success-bar)" strokeWidth="1.5" strokeDasharray="6 4" />
                </svg>
                {t("legendSuccess", { threshold })}
              </li>
            </ul>
            <p className="text-xs text-subtle">{t("rateHint")}</p>
            <details className="text-sm">
              <summary className="cursor-pointer rounded-sm text-xs font-medium text-accent-text hover:underline">{t("showTable")}</summary>
              <div className="mt-2">
                <Table caption={t("caption")}>
                  <THead>
                    <tr>
                      <Th className="text-left">{t("cycle")}</Th>
                      <Th className="text-right">{t("objectives")}</Th>
                      <Th className="text-right">{t("averageScore")}</Th>
                      <Th className="text-right">{t("success", { threshold })}</Th>
                      <Th className="text-right">{t("checkInRate")}</Th>
                      <Th className="text-right">{t("carriedOver")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {stats.map((row) => (
                      <Tr key={row.cycleId}>
                        <Th scope="row" className="text-left font-normal">
                          {row.cycleName}
                        </Th>
                        <Td className="text-right tabular-nums">{formatCount(row.objectiveCount, locale)}</Td>
                        <Td className="text-right tabular-nums">{score(row.averageScore)}</Td>
                        <Td className="text-right tabular-nums">{percent(row.successShare)}</Td>
                        <Td className="text-right tabular-nums">{percent(row.checkInRate)}</Td>
                        <Td className="text-right tabular-nums">
                          {formatCount(row.carriedOver, locale)}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            </details>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
