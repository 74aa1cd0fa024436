"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatPercent, formatPoints } from "@/lib/format";
import type { TeamRow } from "@/lib/services/dashboard";
import { paceTone } from "./company-progress";
import { Sparkline } from "./sparkline";
import { STATUS_ORDER, StatusBar, StatusSwatch, useStatusSummary } from "./status-mix";

interface Props {
  orgSlug: string;
  rows: TeamRow[];
  expected: number | null;
  caption: string;
}

/** Past this many teams, the table opens with only the top level showing. */
const OPEN_ALL_UP_TO = 25;

/**
 * Teams in hierarchy order, each row indented by depth; a team with teams below it has a
 * disclosure button that hides or shows its branch.
 */
export function TeamTable({ orgSlug, rows, expected, caption }: Props) {
  const t = useTranslations("dashboard.teams");
  const tOkr = useTranslations("okr");
  const tStatus = useTranslations("okr.status");
  const locale = useLocale();
  const summary = useStatusSummary();
  const parents = useMemo(() => rows.filter((row) => row.hasChildren).map((row) => row.id), [rows]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set(rows.length > OPEN_ALL_UP_TO ? parents : []));
  const parentOf = useMemo(() => new Map(rows.map((row) => [row.id, row.parentTeamId])), [rows]);

  const hidden = (row: TeamRow) => {
    for (let parent = row.parentTeamId, guard = 0; parent && guard < 64; parent = parentOf.get(parent) ?? null, guard++) {
      if (collapsed.has(parent)) return true;
    }
    return false;
  };
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted" aria-label={t("legend")}>
          {STATUS_ORDER.map((status) => (
            <li key={status} className="inline-flex items-center gap-1.5">
              <StatusSwatch status={status} className="size-2.5" />
              {tStatus(status)}
            </li>
          ))}
        </ul>
        {parents.length > 0 ? (
        <div className="flex justify-end gap-1">
          <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set())} disabled={collapsed.size === 0}>
            {t("expandAll")}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set(parents))} disabled={collapsed.size === parents.length}>
            {t("collapseAll")}
          </Button>
        </div>
        ) : null}
      </div>
      <Table caption={caption}>
        <THead>
          <tr>
            <Th className="min-w-48">{t("team")}</Th>
            <Th className="min-w-40">{t("progress")}</Th>
            <Th>{t("pace")}</Th>
            <Th className="min-w-44">{t("confidence")}</Th>
            <Th>{t("checkedIn")}</Th>
            <Th>{t("trend")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.filter((row) => !hidden(row)).map((row) => {
            const open = !collapsed.has(row.id);
            const pace = row.progress !== null && expected !== null ? row.progress - expected : null;
            const values = row.trend.filter((value): value is number => value !== null);
            const kr = row.keyResults;
            return (
              <Tr key={row.id}>
                <Th scope="row" className="py-2.5 font-normal whitespace-normal">
                  <div className="flex items-center gap-1" style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
                    {row.hasChildren ? (
                      <button
                        type="button"
                        onClick={() => toggle(row.id)}
                        aria-expanded={open}
                        aria-label={t(open ? "collapse" : "expand", { team: row.name })}
                        className="flex size-6 shrink-0 items-center justify-center rounded-sm text-subtle hover:bg-surface-hover hover:text-fg"
                      >
                        <ChevronRight className={cn("size-4 transition-transform", open && "rotate-90")} aria-hidden />
                      </button>
                    ) : (
                      <span className="size-6 shrink-0" aria-hidden />
                    )}
                    <Link href={`/${orgSlug}/teams/${row.id}`} className="font-medium text-fg hover:underline">
                      {row.name}
                    </Link>
                  </div>
                </Th>
                <Td>
                  {row.progress !== null ? (
                    <div className="flex items-center gap-2">
                      <ProgressBar
                        value={row.progress}
                        expected={expected ?? undefined}
                        label={tOkr("progressOf", { title: row.name })}
                        valueText={expected === null ? formatPercent(row.progress, locale) : tOkr("progressValueText", { progress: formatPercent(row.progress, locale), expected: formatPercent(expected, locale) })}
                        size="sm"
                        className="min-w-16 flex-1"
                      />
                      <span className="w-10 text-right text-xs font-semibold tabular-nums">{formatPercent(row.progress, locale)}</span>
                    </div>
                  ) : (
                    <span className="text-xs text-subtle">{t("noObjectives")}</span>
                  )}
                </Td>
                <Td className={cn("text-xs whitespace-nowrap tabular-nums", pace === null ? "text-subtle" : paceTone(pace))}>
                  {pace === null ? "–" : pace >= 0 ? tOkr("ahead", { points: formatPoints(pace, locale, false) }) : tOkr("behind", { points: formatPoints(pace, locale, false) })}
                </Td>
                <Td>
                  {kr.total > 0 ? (
                    <div className="flex flex-col gap-1">
                      <StatusBar counts={kr} size="sm" label={summary(kr)} />
                      <span className="flex gap-2 text-[11px] text-muted tabular-nums" aria-hidden>
                        {STATUS_ORDER.filter((status) => kr[status] > 0).map((status) => (
                          <span key={status} className="inline-flex items-center gap-1">
                            <StatusSwatch status={status} className="size-2" />
                            {kr[status]}
                          </span>
                        ))}
                      </span>
                    </div>
                  ) : (
                    <span className="text-xs text-subtle">{t("noKeyResults")}</span>
                  )}
                </Td>
                <Td className="text-xs whitespace-nowrap tabular-nums">
                  {kr.total > 0 ? t("share", { share: formatPercent(kr.checkedInThisWeek / kr.total, locale), count: kr.checkedInThisWeek, total: kr.total }) : "–"}
                </Td>
                <Td>
                  {values.length > 1 ? (
                    <Sparkline
                      values={row.trend}
                      label={t("trendLabel", {
                        team: row.name,
                        from: formatPercent(values[0] ?? 0, locale),
                        to: formatPercent(values.at(-1) ?? 0, locale),
                        weeks: values.length,
                      })}
                    />
                  ) : (
                    <span className="text-xs text-subtle">{t("trendNone")}</span>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
