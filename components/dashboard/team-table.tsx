"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { explorerHref } from "@/lib/dashboard-links";
import { formatPercent, formatPoints } from "@/lib/format";
import type { TeamRow } from "@/lib/services/dashboard";
import type { ExplorerQuery } from "@/lib/validation/explorer";
import { paceTone } from "./company-progress";
import { Sparkline } from "./sparkline";
import { STATUS_ORDER, StatusSwatch } from "./status-mix";
import { TeamCheckedIn, TeamName, TeamProgress, TeamStatuses } from "./team-figures";

interface Props {
  orgSlug: string;
  cycleId: string;
  /** Every team, or (`complete` false) only the top level: the rest is fetched when opened. */
  rows: TeamRow[];
  complete: boolean;
  expected: number | null;
  caption: string;
}

/**
 * Teams in hierarchy order, each row indented by depth; a team with teams below it has a
 * disclosure button that hides or shows its branch. A large organisation's page carries only the
 * top level (a thousand teams are hundreds of kilobytes); opening a team fetches its branch once.
 */
export function TeamTable({ orgSlug, cycleId, rows: topRows, complete, expected, caption }: Props) {
  const t = useTranslations("dashboard.teams");
  const tOkr = useTranslations("okr");
  const tStatus = useTranslations("okr.status");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [branches, setBranches] = useState<ReadonlyMap<string, TeamRow[]>>(new Map());
  const [fetchedAll, setFetchedAll] = useState<TeamRow[] | null>(null);
  // Every row, when the page carried them all (kept in step with a refreshed page) or "Expand all" fetched them.
  const everyRow = complete ? topRows : fetchedAll;
  const [loading, setLoading] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const rows = useMemo(
    () => everyRow ?? topRows.flatMap((row) => [row, ...(branches.get(row.id) ?? [])]),
    [everyRow, topRows, branches],
  );
  const parents = useMemo(() => rows.filter((row) => row.hasChildren).map((row) => row.id), [rows]);
  // Loaded at once, a small organisation's table opens in full; a large one's opens folded.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set(complete ? [] : topRows.filter((row) => row.hasChildren).map((row) => row.id)));
  const parentOf = useMemo(() => new Map(rows.map((row) => [row.id, row.parentTeamId])), [rows]);
  const loaded = (id: string) => everyRow !== null || rows.some((row) => row.parentTeamId === id);

  /** Fetches the branch below `parent` (or every row), cached for a minute like other lookups. */
  const fetchRows = async (parent: string | null) => {
    setLoading(parent ?? "");
    setFailed(false);
    try {
      return await queryClient.fetchQuery({
        queryKey: ["team-rows", orgSlug, cycleId, parent],
        queryFn: async () =>
          (await api<{ teams: TeamRow[] }>(`/api/orgs/${orgSlug}/cycles/${cycleId}/team-rows${parent ? `?parent=${parent}` : ""}`)).teams,
        staleTime: 60_000,
      });
    } catch {
      setFailed(true);
      return null;
    } finally {
      setLoading(null);
    }
  };

  const hidden = (row: TeamRow) => {
    for (let parent = row.parentTeamId, guard = 0; parent && guard < 64; parent = parentOf.get(parent) ?? null, guard++) {
      if (collapsed.has(parent)) return true;
    }
    return false;
  };
  const toggle = async (id: string) => {
    if (loading !== null) return;
    if (collapsed.has(id) && !loaded(id)) {
      const branch = await fetchRows(id);
      if (!branch) return;
      setBranches((current) => new Map(current).set(id, branch));
      // Its branch arrives folded below the first level, as the table first opened.
      setCollapsed((current) => {
        const next = new Set(current);
        next.delete(id);
        for (const row of branch) if (row.hasChildren) next.add(row.id);
        return next;
      });
      return;
    }
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const expandAll = async () => {
    if (everyRow === null) {
      const all = await fetchRows(null);
      if (!all) return;
      setFetchedAll(all);
    }
    setCollapsed(new Set());
  };

  const visible = rows.filter((row) => !hidden(row));
  const explorer = (view: ExplorerQuery) => explorerHref(orgSlug, cycleId, view);

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
          <Button variant="ghost" size="sm" onClick={() => void expandAll()} disabled={(everyRow !== null && collapsed.size === 0) || loading !== null} aria-busy={loading === ""}>
            {loading === "" ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            {t("expandAll")}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set(parents))} disabled={collapsed.size === parents.length}>
            {t("collapseAll")}
          </Button>
        </div>
        ) : null}
      </div>
      {failed ? (
        <p role="alert" className="text-sm text-danger">
          {t("loadFailed")}
        </p>
      ) : null}
      {/* Under 640 px each team is a stacked block; from there up, a table with a column per figure. */}
      <ul aria-label={caption} className="flex flex-col divide-y divide-border sm:hidden">
        {visible.map((row) => (
          <li key={row.id} className="flex flex-col gap-2 py-3" style={{ paddingLeft: `${row.depth * 0.75}rem` }}>
            <TeamName row={row} href={`/${orgSlug}/teams/${row.id}`} open={!collapsed.has(row.id)} loading={loading === row.id} onToggle={() => void toggle(row.id)} />
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 pl-7 text-xs">
              <dt className="text-subtle">{t("progress")}</dt>
              <dd className="flex items-center gap-2">
                <TeamProgress row={row} expected={expected} />
              </dd>
              <dt className="text-subtle">{t("confidence")}</dt>
              <dd>
                <TeamStatuses row={row} explorer={explorer} />
              </dd>
              <dt className="text-subtle">{t("checkedIn")}</dt>
              <dd className="tabular-nums">
                <TeamCheckedIn row={row} explorer={explorer} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
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
            {visible.map((row) => {
              const pace = row.progress !== null && expected !== null ? row.progress - expected : null;
              const values = row.trend.filter((value): value is number => value !== null);
              return (
                <Tr key={row.id}>
                  <Th scope="row" className="py-2.5 font-normal whitespace-normal">
                    <div style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
                      <TeamName row={row} href={`/${orgSlug}/teams/${row.id}`} open={!collapsed.has(row.id)} loading={loading === row.id} onToggle={() => void toggle(row.id)} />
                    </div>
                  </Th>
                  <Td>
                    <div className="flex items-center gap-2">
                      <TeamProgress row={row} expected={expected} />
                    </div>
                  </Td>
                  <Td className={cn("text-xs whitespace-nowrap tabular-nums", pace === null ? "text-subtle" : paceTone(pace))}>
                    {pace === null ? "–" : pace >= 0 ? tOkr("ahead", { points: formatPoints(pace, locale, false) }) : tOkr("behind", { points: formatPoints(pace, locale, false) })}
                  </Td>
                  <Td>
                    <TeamStatuses row={row} explorer={explorer} />
                  </Td>
                  <Td className="text-xs whitespace-nowrap tabular-nums">
                    <TeamCheckedIn row={row} explorer={explorer} />
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
    </div>
  );
}

