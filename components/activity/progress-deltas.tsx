import { TrendingUp } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { formatPercent, formatPoints } from "@/lib/format";
import { progressDeltas, type DeltaScope } from "@/lib/services/feed";
import type { TenantContext } from "@/lib/tenant-context";

/** A change in progress in words and with an arrow: colour only repeats what they say. */
export function ProgressChange({ change, className }: { change: number; className?: string }) {
  const t = useTranslations("progressDeltas");
  const locale = useLocale();
  const points = Math.round(change * 100);
  const direction = points > 0 ? "up" : points < 0 ? "down" : "same";
  const arrow = { up: "▲", down: "▼", same: "–" }[direction];
  const tone = { up: "text-success", down: "text-danger", same: "text-muted" }[direction];
  return (
    <span className={cn("inline-flex items-baseline gap-1 whitespace-nowrap tabular-nums", tone, className)}>
      <span aria-hidden>{arrow}</span>
      {t(direction, { points: formatPoints(Math.abs(change), locale, false) })}
    </span>
  );
}

interface Props {
  ctx: TenantContext;
  scope: DeltaScope;
  days?: number;
  title?: string;
}

/**
 * "Since last week": each objective's progress now and how far it moved, biggest movers first;
 * for the organisation also the mean of its company objectives.
 */
export async function ProgressDeltasCard({ ctx, scope, days = 7, title }: Props) {
  const [deltas, t, locale] = await Promise.all([progressDeltas(ctx, scope, days), getTranslations("progressDeltas"), getLocale()]);
  const organisation = "organisation" in scope;
  const kind = "objectiveId" in scope ? "objective" : "teamId" in scope ? "team" : "organisation";
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{title ?? t("title")}</CardTitle>
          <CardDescription>{t("description", { days })}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {organisation && deltas.overall ? (
          <div className="flex flex-col gap-1 rounded-md bg-surface-muted px-3 py-2.5">
            <p className="text-xs text-subtle">{t("overall")}</p>
            <p className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-2xl font-semibold tracking-tight text-fg tabular-nums">
                <span className="sr-only">{t("now")} </span>
                {formatPercent(deltas.overall.now, locale)}
              </span>
              <ProgressChange change={deltas.overall.change} className="text-sm" />
            </p>
          </div>
        ) : null}
        {deltas.items.length === 0 ? (
          <EmptyState icon={TrendingUp} title={t("emptyTitle")} description={t(`empty.${kind}`)} />
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {deltas.items.map((item) => (
              <li key={item.objectiveId} className="flex items-baseline justify-between gap-3 py-2 first:pt-0 last:pb-0">
                <Link href={`/${ctx.orgSlug}/okrs/${item.objectiveId}`} className="min-w-0 text-sm text-fg hover:underline">
                  {item.title}
                  {item.teamName && !organisation ? <span className="block text-xs text-subtle">{item.teamName}</span> : null}
                </Link>
                <span className="flex shrink-0 flex-col items-end text-sm">
                  <span className="font-medium text-fg tabular-nums">
                    <span className="sr-only">{t("now")} </span>
                    {formatPercent(item.now, locale)}
                  </span>
                  <ProgressChange change={item.change} className="text-xs" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
