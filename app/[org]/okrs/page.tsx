import { CalendarArrowUp, List, Network, Plus, SearchX, Target, X } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ExplorerFilters } from "@/components/explorer/explorer-filters";
import { ExplorerKeyResultList } from "@/components/explorer/explorer-key-result-list";
import { ExplorerList } from "@/components/explorer/explorer-list";
import { Pager } from "@/components/explorer/pager";
import { ImportDialog } from "@/components/objectives/import-dialog";
import { ObjectiveFormDialog } from "@/components/objectives/objective-form-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { formatPercent } from "@/lib/format";
import { previousCycle } from "@/lib/okr/carry-over";
import { cycleIsOpen } from "@/lib/okr/cycles";
import { expectedProgress } from "@/lib/okr/progress";
import { actorOf, can, companyObjectiveOf } from "@/lib/permissions";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { exploreObjectives, explorerFilterOptions } from "@/lib/services/explorer";
import { exploreKeyResults } from "@/lib/services/explorer-key-results";
import { requireMember } from "@/lib/tenant";
import {
  explorerFilterKeys,
  explorerQueryFromSearchParams,
  explorerSearchString,
  explorerViews,
  hasExplorerFilters,
  keyResultOnlyFilters,
  objectiveOnlyFilters,
  progressRange,
  type ExplorerQuery,
} from "@/lib/validation/explorer";
import { now } from "@/lib/clock";

export async function generateMetadata() {
  return { title: (await getTranslations("explorer"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const without = (keys: ReadonlyArray<keyof ExplorerQuery>) => Object.fromEntries(keys.map((key) => [key, undefined]));

export default async function ExplorerPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const ctx = await requireMember((await params).org);
  const query = explorerQueryFromSearchParams(await searchParams);
  const [cycles, t, tCoach, locale] = await Promise.all([listCycles(ctx), getTranslations("explorer"), getTranslations("coach"), getLocale()]);
  const cycle = pickCycle(cycles, query.cycle);
  if (!cycle) return <EmptyState icon={Target} title={t("noCycleTitle")} description={t("noCycle")} />;

  const view = query.show ?? "objectives";
  const inCycle = { ...query, cycle: cycle.id };
  const [page, options] = await Promise.all([
    view === "key-results" ? exploreKeyResults(ctx, inCycle).then((result) => ({ kind: "key-results" as const, ...result })) : exploreObjectives(ctx, inCycle).then((result) => ({ kind: "objectives" as const, ...result })),
    explorerFilterOptions(ctx, { cycleId: cycle.id, team: query.team, owner: query.owner }),
  ]);
  const base = `/${ctx.orgSlug}/okrs`;
  // Links keep the URL's own cycle (or none, meaning "the current one") so they stay shareable.
  const href = (changes: Partial<ExplorerQuery>) => `${base}${explorerSearchString({ ...query, after: undefined, before: undefined, ...changes })}`;
  const cleared = without(explorerFilterKeys);
  const filtered = hasExplorerFilters(query);
  const expected = cycle.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const cycleParam = query.cycle ? `?cycle=${cycle.id}` : "";
  const objectivesView = view === "objectives";

  // Filters only the dashboard's links set (no control of their own): shown, each with a way out.
  const range = query.progress ? progressRange(query.progress) : null;
  const chips = [
    query.krs && objectivesView ? { name: t("withoutKeyResults"), href: href({ krs: undefined }) } : null,
    query.coach && objectivesView
      ? { name: query.coach === "any" ? t("coachAny") : t("coachFilter", { warning: tCoach(`${query.coach}.title`) }), href: href({ coach: undefined }) }
      : null,
    range && objectivesView
      ? {
          name:
            range.from === 0
              ? t("progressBelow", { to: formatPercent(range.to / 10, locale) })
              : range.to === 10
                ? t("progressFrom", { from: formatPercent(range.from / 10, locale) })
                : t("progressRange", { from: formatPercent(range.from / 10, locale), to: formatPercent(range.to / 10, locale) }),
          href: href({ progress: undefined }),
        }
      : null,
  ].filter((chip): chip is { name: string; href: string } => chip !== null);

  const summary =
    page.kind === "key-results"
      ? page.totalIsLowerBound
        ? filtered
          ? t("countKeyResultsFilteredMany", { count: page.total })
          : t("countKeyResultsMany", { count: page.total, cycle: cycle.name })
        : filtered
          ? t("countKeyResultsFiltered", { count: page.total })
          : t("countKeyResults", { count: page.total, cycle: cycle.name })
      : page.totalIsLowerBound
        ? filtered
          ? t("countFilteredMany", { count: page.total })
          : t("countMany", { count: page.total, cycle: cycle.name })
        : filtered
          ? t("countFiltered", { count: page.total })
          : t("count", { count: page.total, cycle: cycle.name });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { cycle: cycle.name })}
        actions={
          <>
            <nav aria-label={t("view")} className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-card">
              <Link href={`${base}${cycleParam}`} aria-current="page" className={cn(buttonClasses("ghost", "sm"), "bg-surface-muted text-fg")}>
                <List aria-hidden />
                {t("list")}
              </Link>
              <Link href={`${base}/tree${cycleParam}`} className={buttonClasses("ghost", "sm")}>
                <Network aria-hidden />
                {t("tree")}
              </Link>
            </nav>
            {cycle.status === "closed" ? (
              <Link href={`${base}/carry-over?from=${cycle.id}`} className={buttonClasses("secondary")}>
                <CalendarArrowUp aria-hidden />
                {t("carryOver")}
              </Link>
            ) : null}
            {cycle.status === "planning" && cycles.some((other) => other.startDate < cycle.startDate) ? (
              <Link href={`${base}/carry-over?to=${cycle.id}`} className={buttonClasses("secondary")}>
                <CalendarArrowUp aria-hidden />
                {t("carryOverFrom", { cycle: previousCycle(cycle, cycles)?.name ?? "" })}
              </Link>
            ) : null}
            {cycleIsOpen(cycle) ? <ImportDialog orgSlug={ctx.orgSlug} cycleId={cycle.id} cycleName={cycle.name} /> : null}
            {cycleIsOpen(cycle) ? (
              <ObjectiveFormDialog
                orgSlug={ctx.orgSlug}
                cycleId={cycle.id}
                actor={actorOf(ctx)}
                trigger={
                  <Button>
                    <Plus aria-hidden />
                    {t("newObjective")}
                  </Button>
                }
              />
            ) : null}
          </>
        }
      />
      <div className="flex flex-col gap-4">
        <Card className="flex flex-col gap-4 p-4 sm:p-5">
          <nav aria-label={t("show")} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">{t("show")}:</span>
            <span className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
              {explorerViews.map((option) => (
                <Link
                  key={option}
                  href={href({ ...without(option === "objectives" ? keyResultOnlyFilters : objectiveOnlyFilters), show: option === "objectives" ? undefined : option })}
                  aria-current={option === view ? "page" : undefined}
                  className={cn(buttonClasses("ghost", "sm"), option === view && "bg-surface-muted text-fg")}
                >
                  {t(`views.${option}`)}
                </Link>
              ))}
            </span>
          </nav>
          <ExplorerFilters
            view={view}
            teams={options.teams}
            owners={options.owners}
            ownersComplete={options.ownersComplete}
            showPace={cycle.status === "active"}
            clearHref={href(cleared)}
            hasFilters={filtered}
            summary={summary}
          />
          {chips.length > 0 ? (
            <ul aria-label={t("otherFilters")} className="flex flex-wrap gap-2">
              {chips.map((chip) => (
                <li key={chip.name}>
                  <Link
                    href={chip.href}
                    replace
                    scroll={false}
                    aria-label={t("removeFilter", { name: chip.name })}
                    className="inline-flex items-center gap-1.5 rounded-full border border-border-strong bg-surface-muted px-3 py-1 text-xs font-medium text-fg hover:bg-surface-hover"
                  >
                    {chip.name}
                    <X className="size-3.5" aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        {page.items.length > 0 ? (
          <Card>
            {page.kind === "key-results" ? (
              <ExplorerKeyResultList orgSlug={ctx.orgSlug} rows={page.items} />
            ) : (
              <ExplorerList orgSlug={ctx.orgSlug} rows={page.items} expected={expected} />
            )}
          </Card>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={t("noneTitle")}
            description={objectivesView ? t("noneDescription") : t("noneKeyResultsDescription")}
            action={
              <Link href={href(cleared)} className={buttonClasses("secondary", "sm")}>
                {t("clear")}
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={Target}
            title={t("emptyTitle", { cycle: cycle.name })}
            description={can(ctx, "objective.create", companyObjectiveOf(ctx)) ? t("emptyAdmin") : t("emptyMember")}
            action={
              <Link href={`${base}/tree${cycleParam}`} className={buttonClasses("secondary", "sm")}>
                <Network aria-hidden />
                {t("openTree")}
              </Link>
            }
          />
        )}
        <Pager
          label={objectivesView ? t("pages") : t("keyResultPages")}
          previousHref={page.prevCursor ? href({ before: page.prevCursor }) : null}
          nextHref={page.nextCursor ? href({ after: page.nextCursor }) : null}
        />
      </div>
    </>
  );
}
