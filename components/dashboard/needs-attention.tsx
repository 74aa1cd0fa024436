import { CircleAlert, CircleX, Clock, Lightbulb, ListPlus, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LevelBadge } from "@/components/okr/level-badge";
import { cn } from "@/lib/cn";
import { countViews, explorerHref } from "@/lib/dashboard-links";
import { formatPercent } from "@/lib/format";
import { coachCodes } from "@/lib/okr/coach";
import type { AttentionKeyResult, DashboardData } from "@/lib/services/dashboard";

interface Props {
  orgSlug: string;
  cycleId: string;
  attention: DashboardData["attention"];
}

/**
 * What the leadership meeting should talk about first, each item linking to where it is fixed:
 * a key result's row on its objective page, an objective; and every count to the explorer
 * listing exactly what it counts (lib/dashboard-links.ts).
 */
export function NeedsAttention({ orgSlug, cycleId, attention }: Props) {
  const t = useTranslations("dashboard.attention");
  const tCoach = useTranslations("coach");
  const explorer = (view: Parameters<typeof explorerHref>[2]) => explorerHref(orgSlug, cycleId, view);
  const coach = coachCodes.filter((code) => attention.coach[code] > 0);
  const clear =
    attention.off_track.total + attention.at_risk.total + attention.stale.total + attention.withoutKeyResults.total === 0 && coach.length === 0;
  if (clear) return <p className="text-sm text-muted">{t("allClear")}</p>;

  return (
    <div className="grid gap-x-8 gap-y-6 md:grid-cols-2">
      {(["off_track", "at_risk", "stale"] as const).map((status) => (
        <Group
          key={status}
          icon={status === "off_track" ? CircleX : status === "at_risk" ? CircleAlert : Clock}
          tone={status === "off_track" ? "text-danger" : status === "at_risk" ? "text-warning" : "text-stale"}
          title={t(status)}
          total={attention[status].total}
          more={explorer(countViews.keyResults({ status }))}
        >
          {attention[status].items.map((kr) => (
            <KeyResultItem key={kr.id} orgSlug={orgSlug} kr={kr} />
          ))}
        </Group>
      ))}
      <Group
        icon={ListPlus}
        tone="text-accent-text"
        title={t("withoutKeyResults")}
        total={attention.withoutKeyResults.total}
        more={explorer(countViews.withoutKeyResults())}
      >
        {attention.withoutKeyResults.items.map((objective) => (
          <li key={objective.id} className="flex flex-col gap-0.5">
            <Link href={`/${orgSlug}/okrs/${objective.id}`} className="text-sm font-medium text-fg hover:underline">
              {objective.title}
            </Link>
            <span className="flex flex-wrap items-center gap-x-2 text-xs text-subtle">
              <LevelBadge level={objective.level} label={objective.teamName} />
              <span>{objective.ownerName}</span>
            </span>
          </li>
        ))}
      </Group>
      <div className="md:col-span-2">
        <Group icon={Lightbulb} tone="text-accent-text" title={t("coach")} total={attention.coach.objectivesWithWarnings} more={explorer(countViews.coach("any"))}>
          {coach.length === 0 ? <li className="text-sm text-muted">{t("coachNone")}</li> : null}
          {coach.map((code) => (
            <li key={code} className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="text-fg">{tCoach(`${code}.title`)}</span>
              <Link href={explorer(countViews.coach(code))} className="text-xs font-medium text-accent-text tabular-nums hover:underline">
                {t("coachCount", { count: attention.coach[code] })}
              </Link>
            </li>
          ))}
        </Group>
      </div>
    </div>
  );
}

function Group({ icon: Icon, tone, title, total, more, children }: { icon: LucideIcon; tone: string; title: string; total: number; more: string; children: ReactNode }) {
  const t = useTranslations("dashboard.attention");
  return (
    <section className="flex flex-col gap-2">
      <h3 className="flex items-center gap-2 text-sm font-semibold text-fg">
        <Icon className={cn("size-4", tone)} aria-hidden />
        {title}
        <Link
          href={more}
          aria-label={t("showGroup", { count: total, title })}
          className="rounded-full bg-surface-muted px-1.5 text-xs font-medium text-accent-text tabular-nums hover:underline"
        >
          {total}
        </Link>
      </h3>
      {total === 0 ? <p className="text-sm text-subtle">{t("none")}</p> : <ul className="flex flex-col gap-2.5">{children}</ul>}
      {total > 0 ? (
        <Link href={more} className="text-xs font-medium text-accent-text hover:underline">
          {t("seeAll", { count: total })}
        </Link>
      ) : null}
    </section>
  );
}

function KeyResultItem({ orgSlug, kr }: { orgSlug: string; kr: AttentionKeyResult }) {
  const t = useTranslations("dashboard.attention");
  const locale = useLocale();
  return (
    <li className="flex flex-col gap-0.5">
      <Link href={`/${orgSlug}/okrs/${kr.objectiveId}#kr-${kr.id}`} className="text-sm font-medium text-fg hover:underline">
        {kr.title}
      </Link>
      <span className="text-xs text-subtle">
        {t("inObjective", { objective: kr.objectiveTitle, owner: kr.ownerName })} · {formatPercent(kr.progress, locale)}
        {kr.status === "stale" ? ` · ${kr.neverCheckedIn ? t("neverCheckedIn", { days: kr.daysSince }) : t("daysSince", { days: kr.daysSince })}` : null}
      </span>
    </li>
  );
}
