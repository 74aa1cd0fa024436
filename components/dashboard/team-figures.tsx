"use client";

import { ChevronRight, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { cn } from "@/lib/cn";
import { countViews } from "@/lib/dashboard-links";
import { formatPercent } from "@/lib/format";
import type { TeamRow } from "@/lib/services/dashboard";
import type { ExplorerQuery } from "@/lib/validation/explorer";
import { STATUS_ORDER, StatusBar, StatusSwatch, useStatusSummary } from "./status-mix";

/** The cells of a team's row on the dashboard, shared by its table (wide screens) and its stacked list (phones). */
/** The team's name, linking to its page, with the button that folds its branch. */
export function TeamName({ row, href, open, loading, onToggle }: { row: TeamRow; href: string; open: boolean; loading: boolean; onToggle: () => void }) {
  const t = useTranslations("dashboard.teams");
  return (
    <div className="flex items-center gap-1">
      {row.hasChildren ? (
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          aria-busy={loading}
          aria-label={loading ? t("loading", { team: row.name }) : t(open ? "collapse" : "expand", { team: row.name })}
          className="flex size-6 shrink-0 items-center justify-center rounded-sm text-subtle hover:bg-surface-hover hover:text-fg"
        >
          {loading ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : <ChevronRight className={cn("size-4 transition-transform", open && "rotate-90")} aria-hidden />}
        </button>
      ) : (
        <span className="size-6 shrink-0" aria-hidden />
      )}
      <Link href={href} className="font-medium break-words text-fg hover:underline">
        {row.name}
      </Link>
    </div>
  );
}

/** The branch's mean progress against the expected line, or that it has no objectives. */
export function TeamProgress({ row, expected }: { row: TeamRow; expected: number | null }) {
  const t = useTranslations("dashboard.teams");
  const tOkr = useTranslations("okr");
  const locale = useLocale();
  if (row.progress === null) return <span className="text-xs text-subtle">{t("noObjectives")}</span>;
  return (
    <>
      <ProgressBar
        value={row.progress}
        expected={expected ?? undefined}
        label={tOkr("progressOf", { title: row.name })}
        valueText={expected === null ? formatPercent(row.progress, locale) : tOkr("progressValueText", { progress: formatPercent(row.progress, locale), expected: formatPercent(expected, locale) })}
        size="sm"
        className="min-w-16 flex-1"
      />
      <span className="w-10 text-right text-xs font-semibold tabular-nums">{formatPercent(row.progress, locale)}</span>
    </>
  );
}

/** The branch's key results by status: a bar, and each count linking to the key results it counts. */
export function TeamStatuses({ row, explorer }: { row: TeamRow; explorer: (view: ExplorerQuery) => string }) {
  const t = useTranslations("dashboard.teams");
  const tStatus = useTranslations("okr.status");
  const summary = useStatusSummary();
  const kr = row.keyResults;
  if (kr.total === 0) return <span className="text-xs text-subtle">{t("noKeyResults")}</span>;
  return (
    <div className="flex flex-col gap-1">
      <StatusBar counts={kr} size="sm" label={summary(kr)} />
      <span className="flex flex-wrap gap-x-2 text-[11px] text-muted tabular-nums">
        {STATUS_ORDER.filter((status) => kr[status] > 0).map((status) => (
          <Link
            key={status}
            href={explorer(countViews.keyResults({ status, team: row.id }))}
            aria-label={t("statusCount", { team: row.name, count: kr[status], status: tStatus(status).toLowerCase() })}
            className="inline-flex items-center gap-1 rounded-sm hover:text-fg hover:underline"
          >
            <StatusSwatch status={status} className="size-2" />
            {kr[status]}
          </Link>
        ))}
      </span>
    </div>
  );
}

/** How many of the branch's key results were checked in this week, each number linking to its list. */
export function TeamCheckedIn({ row, explorer }: { row: TeamRow; explorer: (view: ExplorerQuery) => string }) {
  const t = useTranslations("dashboard.teams");
  const locale = useLocale();
  const kr = row.keyResults;
  if (kr.total === 0) return <>–</>;
  const link = (view: ExplorerQuery, label: string) =>
    function CountLink(chunks: ReactNode) {
      return (
        <Link href={explorer(view)} aria-label={label} className="font-medium text-accent-text hover:underline">
          {chunks}
        </Link>
      );
    };
  return (
    <>
      {t.rich("share", {
        share: formatPercent(kr.checkedInThisWeek / kr.total, locale),
        count: kr.checkedInThisWeek,
        total: kr.total,
        done: link(countViews.checkedIn(row.id), t("openCheckedIn", { team: row.name, count: kr.checkedInThisWeek })),
        all: link(countViews.keyResults({ team: row.id }), t("openAll", { team: row.name, count: kr.total })),
      })}
    </>
  );
}
