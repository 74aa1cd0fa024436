import { Archive, CornerLeftUp } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { LevelBadge } from "@/components/okr/level-badge";
import { ObjectiveProgress } from "@/components/okr/objective-progress";
import { StatusBadge, statusTone } from "@/components/okr/status-badge";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatPercent } from "@/lib/format";
import type { ExplorerKeyResult, ExplorerRow } from "@/lib/services/explorer";

/** The explorer's results: each objective with who owns it, how it is going, and its key results. */
export function ExplorerList({ orgSlug, rows, expected }: { orgSlug: string; rows: ExplorerRow[]; expected?: number }) {
  const t = useTranslations("explorer");
  return (
    <ul aria-label={t("resultsLabel")} className="flex flex-col divide-y divide-border">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-col gap-3 px-4 py-4 sm:px-5">
          <div className="grid gap-2 md:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)] md:items-start md:gap-6">
            <div className="flex min-w-0 flex-col gap-1">
              <Link href={`/${orgSlug}/okrs/${row.id}`} className="text-sm font-medium text-balance text-fg hover:underline">
                {row.title}
              </Link>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
                <LevelBadge level={row.level} label={row.level === "team" ? row.teamName : undefined} />
                <Link href={`/${orgSlug}/people/${row.ownerUserId}`} className="hover:text-fg hover:underline">
                  {row.ownerName}
                </Link>
                <StatusBadge status={row.status} />
                {row.parentObjectiveId ? (
                  <span className="inline-flex items-center gap-1">
                    <CornerLeftUp className="size-3.5" aria-hidden />
                    {t("alignedBadge")}
                  </span>
                ) : null}
                {row.archived ? (
                  <Badge tone="outline">
                    <Archive aria-hidden />
                    {t("archivedBadge")}
                  </Badge>
                ) : null}
              </div>
            </div>
            <ObjectiveProgress title={row.title} progress={row.progress} expected={expected} status={row.status} size="sm" />
          </div>
          <KeyResultLines title={row.title} keyResults={row.keyResults} />
        </li>
      ))}
    </ul>
  );
}

function KeyResultLines({ title, keyResults }: { title: string; keyResults: ExplorerKeyResult[] }) {
  const t = useTranslations("explorer");
  const tOkr = useTranslations("okr");
  const locale = useLocale();
  if (keyResults.length === 0) return <p className="text-xs text-subtle">{t("noKeyResults")}</p>;
  return (
    <ul aria-label={t("keyResultsOf", { title })} className="flex flex-col gap-1.5 border-l-2 border-border pl-3">
      {keyResults.map((kr) => {
        const percent = formatPercent(kr.progress, locale);
        return (
          <li key={kr.id} className="grid grid-cols-[minmax(0,1fr)_4rem_2.5rem] items-center gap-3 text-xs sm:grid-cols-[minmax(0,1fr)_7rem_2.5rem]">
            {/* Wrapped, not cut: a key result's number is usually at the end of its title. */}
            <span className="break-words text-muted">{kr.title}</span>
            <ProgressBar value={kr.progress} tone={statusTone(kr.status)} label={tOkr("progressOf", { title: kr.title })} valueText={`${percent}, ${tOkr(`status.${kr.status}`)}`} size="sm" />
            <span className="text-right font-medium text-fg tabular-nums">{percent}</span>
          </li>
        );
      })}
    </ul>
  );
}
