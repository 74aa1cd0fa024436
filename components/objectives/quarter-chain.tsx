import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { scoreTone } from "@/components/cycles/score";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatPercent, formatScore } from "@/lib/format";
import type { QuarterLink } from "@/lib/services/carry-over-read";

/**
 * An objective across quarters: each cycle it was carried through, oldest first, with its score
 * (closed) or progress, linking to the objective it was then. Shown only when there is a chain.
 */
export async function QuarterChain({ orgSlug, objectiveId, quarters }: { orgSlug: string; objectiveId: string; quarters: QuarterLink[] }) {
  if (quarters.length < 2) return null;
  const [t, locale] = await Promise.all([getTranslations("objectivePage"), getLocale()]);
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("quarters")}</CardTitle>
          <CardDescription>{t("quartersHint")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-wrap items-stretch gap-1.5">
          {quarters.map((quarter, index) => {
            const current = quarter.objectiveId === objectiveId;
            const figure =
              quarter.score !== null ? t("quarterScore", { score: formatScore(quarter.score, locale) }) : t("quarterProgress", { progress: formatPercent(quarter.progress, locale) });
            const body = (
              <>
                <span className="text-xs font-medium text-fg">{quarter.cycleName}</span>
                <span className={cn("text-xs tabular-nums", quarter.score !== null ? scoreTone(quarter.score) : "text-muted")}>{figure}</span>
              </>
            );
            return (
              <li key={quarter.objectiveId} className="flex items-center gap-1.5">
                {index > 0 ? <ChevronRight className="size-3.5 text-subtle" aria-hidden /> : null}
                {current ? (
                  <span aria-current="page" className="flex flex-col rounded-md border border-accent bg-accent-soft px-2.5 py-1.5">
                    {body}
                    <span className="sr-only">({t("quarterNow")})</span>
                  </span>
                ) : (
                  <Link
                    href={`/${orgSlug}/okrs/${quarter.objectiveId}`}
                    title={quarter.title}
                    className="flex flex-col rounded-md border border-border bg-surface px-2.5 py-1.5 hover:border-border-strong hover:bg-surface-muted"
                  >
                    {body}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
