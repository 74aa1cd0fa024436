import { List, Network, Plus, SearchX, Target } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExplorerFilters } from "@/components/explorer/explorer-filters";
import { ExplorerList } from "@/components/explorer/explorer-list";
import { Pager } from "@/components/explorer/pager";
import { ObjectiveFormDialog } from "@/components/objectives/objective-form-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { expectedProgress } from "@/lib/okr/progress";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { exploreObjectives, explorerFilterOptions } from "@/lib/services/explorer";
import { cycleIsOpen } from "@/lib/okr/cycles";
import { actorOf, can, companyObjectiveOf } from "@/lib/permissions";
import { requireMember } from "@/lib/tenant";
import { explorerFilterKeys, explorerQueryFromSearchParams, explorerSearchString, hasExplorerFilters, type ExplorerQuery } from "@/lib/validation/explorer";
import { now } from "@/lib/clock";

export async function generateMetadata() {
  return { title: (await getTranslations("explorer"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExplorerPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const ctx = await requireMember((await params).org);
  const query = explorerQueryFromSearchParams(await searchParams);
  const [cycles, t] = await Promise.all([listCycles(ctx), getTranslations("explorer")]);
  const cycle = pickCycle(cycles, query.cycle);
  if (!cycle) return <EmptyState icon={Target} title={t("noCycleTitle")} description={t("noCycle")} />;

  const [page, options] = await Promise.all([exploreObjectives(ctx, { ...query, cycle: cycle.id }), explorerFilterOptions(ctx, { cycleId: cycle.id, team: query.team, owner: query.owner })]);
  const base = `/${ctx.orgSlug}/okrs`;
  // Links keep the URL's own cycle (or none, meaning "the current one") so they stay shareable.
  const href = (changes: Partial<ExplorerQuery>) => `${base}${explorerSearchString({ ...query, after: undefined, before: undefined, ...changes })}`;
  const cleared = Object.fromEntries(explorerFilterKeys.map((key) => [key, undefined]));
  const filtered = hasExplorerFilters(query);
  const expected = cycle.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const cycleParam = query.cycle ? `?cycle=${cycle.id}` : "";

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
        <Card className="p-4 sm:p-5">
          <ExplorerFilters
            teams={options.teams}
            owners={options.owners}
            ownersComplete={options.ownersComplete}
            showPace={cycle.status === "active"}
            clearHref={href(cleared)}
            hasFilters={filtered}
            summary={
              page.totalIsLowerBound
                ? filtered
                  ? t("countFilteredMany", { count: page.total })
                  : t("countMany", { count: page.total, cycle: cycle.name })
                : filtered
                  ? t("countFiltered", { count: page.total })
                  : t("count", { count: page.total, cycle: cycle.name })
            }
          />
        </Card>
        {page.items.length > 0 ? (
          <Card>
            <ExplorerList orgSlug={ctx.orgSlug} rows={page.items} expected={expected} />
          </Card>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={t("noneTitle")}
            description={t("noneDescription")}
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
          label={t("pages")}
          previousHref={page.prevCursor ? href({ before: page.prevCursor }) : null}
          nextHref={page.nextCursor ? href({ after: page.nextCursor }) : null}
        />
      </div>
    </>
  );
}
