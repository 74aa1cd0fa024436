import Link from "next/link";
import { useTranslations } from "next-intl";
import { LevelBadge } from "@/components/okr/level-badge";
import { ObjectiveProgress } from "@/components/okr/objective-progress";
import { StatusBadge } from "@/components/okr/status-badge";
import type { ObjectiveCard } from "@/lib/services/objective-cards";

/** Objectives as compact rows: what, whose, how far, and how it is going. */
export function ObjectiveRowList({ orgSlug, objectives, expected, showLevel = true }: { orgSlug: string; objectives: ObjectiveCard[]; expected?: number; showLevel?: boolean }) {
  const t = useTranslations("objectiveRow");
  return (
    <ul className="flex flex-col divide-y divide-border">
      {objectives.map((objective) => (
        <li key={objective.id} className="grid gap-2 py-3 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] md:items-center md:gap-6">
          <div className="flex min-w-0 flex-col gap-1">
            <Link href={`/${orgSlug}/okrs/${objective.id}`} className="text-sm font-medium break-words text-fg hover:underline">
              {objective.title}
            </Link>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
              {showLevel ? <LevelBadge level={objective.level} label={objective.level === "team" ? objective.teamName : undefined} /> : null}
              <span>{objective.ownerName}</span>
              <span>{t("keyResults", { count: objective.keyResultCount })}</span>
              <StatusBadge status={objective.status} />
            </div>
          </div>
          <ObjectiveProgress title={objective.title} progress={objective.progress} expected={expected} status={objective.status} size="sm" />
        </li>
      ))}
    </ul>
  );
}
