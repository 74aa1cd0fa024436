import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { KeyResultBar } from "@/components/okr/key-result-bar";
import { LevelBadge } from "@/components/okr/level-badge";
import { StatusBadge, statusTone } from "@/components/okr/status-badge";
import { TargetText } from "@/components/okr/target-text";
import { formatPercent } from "@/lib/format";
import type { ExplorerKeyResultRow } from "@/lib/services/explorer-key-results";

/** The explorer's key-result list: each key result with where it stands, whose it is, and the objective it serves. */
export function ExplorerKeyResultList({ orgSlug, rows }: { orgSlug: string; rows: ExplorerKeyResultRow[] }) {
  const t = useTranslations("explorer");
  const locale = useLocale();
  return (
    <ul aria-label={t("keyResultsFound")} className="flex flex-col divide-y divide-border">
      {rows.map((kr) => {
        const percent = formatPercent(kr.achievement, locale);
        return (
          <li key={kr.id} className="flex flex-col gap-2 px-4 py-4 sm:px-5">
            <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
              <Link href={`/${orgSlug}/okrs/${kr.objectiveId}#kr-${kr.id}`} className="min-w-0 flex-1 basis-56 text-sm font-medium break-words text-fg hover:underline">
                {kr.title}
              </Link>
              <StatusBadge status={kr.status} />
            </div>
            <div className="flex items-center gap-3">
              <KeyResultBar {...kr} tone={statusTone(kr.status)} size="sm" className="min-w-16 flex-1" />
              <span className="w-12 shrink-0 text-right text-xs font-semibold text-fg tabular-nums">{percent}</span>
            </div>
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
              <span className="text-muted tabular-nums">
                <TargetText {...kr} />
              </span>
              <Link href={`/${orgSlug}/people/${kr.ownerUserId}`} className="hover:text-fg hover:underline">
                {kr.ownerName}
              </Link>
              <LevelBadge level={kr.objectiveLevel} label={kr.objectiveLevel === "team" ? kr.teamName : undefined} />
              <Link href={`/${orgSlug}/okrs/${kr.objectiveId}`} className="min-w-0 break-words hover:text-fg hover:underline">
                {t("inObjective", { objective: kr.objectiveTitle })}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
