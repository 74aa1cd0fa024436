import { CalendarRange, Download, LayoutDashboard, Plus, Presentation, Target } from "lucide-react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CreateCycleButton } from "@/components/cycles/create-cycle-button";
import { CompanyOverTime, ProgressDistribution } from "@/components/dashboard/chart-sections";
import { CompanyProgressBar } from "@/components/dashboard/company-progress";
import { NeedsAttention } from "@/components/dashboard/needs-attention";
import { StatusBar, StatusLegend } from "@/components/dashboard/status-mix";
import { TeamTable } from "@/components/dashboard/team-table";
import { ObjectiveFormDialog } from "@/components/objectives/objective-form-dialog";
import { GettingStartedChecklist } from "@/components/onboarding/getting-started";
import { QuarterStatsCard } from "@/components/quarters/quarter-stats-card";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { countViews, explorerHref } from "@/lib/dashboard-links";
import { formatPercent } from "@/lib/format";
import { actorOf, can, companyObjectiveOf } from "@/lib/permissions";
import { listCycles, pickCycle, previewNextCycle } from "@/lib/services/cycles";
import { loadDashboard } from "@/lib/services/dashboard";
import { loadQuarterStats } from "@/lib/services/quarter-stats";
import { requireMember } from "@/lib/tenant";
import { cycleIsOpen } from "@/lib/okr/cycles";
import type { ExplorerQuery } from "@/lib/validation/explorer";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** Past this share of the cycle, admins are offered to create the next one from here. */
const PLAN_NEXT_FROM = 0.75;

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ cycle?: string }> }) {
  const ctx = await requireMember((await params).org);
  const query = await searchParams;
  const [cycles, t, locale, format] = await Promise.all([listCycles(ctx), getTranslations("dashboard"), getLocale(), getFormatter()]);
  const manages = can(ctx, "cycle.manage");
  const cycle = pickCycle(cycles, query.cycle);

  // Start small: until its steps are done, the first quarter's checklist leads the page.
  const checklist: ReactNode = <GettingStartedChecklist ctx={ctx} />;

  if (!cycle) {
    return (
      <>
        {checklist}
        <PageHeader title={t("title")} />
        <EmptyState
          icon={CalendarRange}
          title={t("noCycleTitle")}
          description={manages ? t("noCycleAdmin") : t("noCycleMember")}
          action={
            manages ? (
              <Link href={`/${ctx.orgSlug}/settings/cycles`} className={buttonClasses("primary")}>
                {t("manageCycles")}
              </Link>
            ) : null
          }
        />
      </>
    );
  }

  // Quarter statistics need a closed cycle; without one the page does not ask.
  const [data, quarters] = await Promise.all([
    loadDashboard(ctx, cycle.id),
    cycles.some((candidate) => candidate.status === "closed") ? loadQuarterStats(ctx, { kind: "organisation" }) : [],
  ]);
  const inCycle = (path: string, extra = "") => `/${ctx.orgSlug}/${path}?cycle=${cycle.id}${extra}`;
  // Every number on the page opens the explorer listing exactly what it counted (lib/dashboard-links.ts).
  const explorer = (view: ExplorerQuery) => explorerHref(ctx.orgSlug, cycle.id, view);
  const linkTo = (view: ExplorerQuery, label?: string) =>
    function CountLink(chunks: ReactNode) {
      return (
        <Link href={explorer(view)} aria-label={label} className="font-medium text-accent-text tabular-nums hover:underline">
          {chunks}
        </Link>
      );
    };
  const latest = cycles[0]?.id === cycle.id;
  const offerNext = manages && latest && (cycle.status === "closed" || (data.cycle.expected ?? 0) >= PLAN_NEXT_FROM);
  const next = offerNext ? await previewNextCycle(ctx) : null;

  const hasObjectives = data.objectiveCount > 0;
  const actions = (
    <>
      {hasObjectives ? (
        <>
          <Link href={inCycle("review")} className={buttonClasses("secondary")}>
            <Presentation aria-hidden />
            {t("weeklyReview")}
          </Link>
          <a href={`/api/orgs/${ctx.orgSlug}/export?cycle=${cycle.id}`} download className={buttonClasses("secondary")} title={t("exportHint")}>
            <Download aria-hidden />
            {t("exportCsv")}
          </a>
        </>
      ) : null}
      {manages ? (
        <Link href={`/${ctx.orgSlug}/settings/cycles`} className={buttonClasses("ghost")}>
          <CalendarRange aria-hidden />
          {t("manageCycles")}
        </Link>
      ) : null}
    </>
  );
  const quarterCard = (
<QuarterStatsCard orgSlug={ctx.orgSlug} stats={quarters} scope={{ kind: "organisation" }} manages={manages} />
  );
  const header = <PageHeader title={t("title")} description={t("description", { org: ctx.orgName, cycle: cycle.name })} actions={actions} />;

  if (!hasObjectives) {
    const canWrite = cycleIsOpen(cycle) && can(ctx, "objective.create", companyObjectiveOf(ctx));
    return (
      <>
        {checklist}
        {header}
        <EmptyState
          icon={LayoutDashboard}
          title={t("emptyTitle", { cycle: cycle.name })}
          description={canWrite ? t("emptyAdmin") : t("emptyMember", { cycle: cycle.name })}
          action={
            canWrite ? (
              <ObjectiveFormDialog
                orgSlug={ctx.orgSlug}
                cycleId={cycle.id}
                actor={actorOf(ctx)}
                defaults={{ level: "company" }}
                trigger={
                  <Button>
                    <Plus aria-hidden />
                    {t("writeFirst")}
                  </Button>
                }
              />
            ) : (
              <Link href={inCycle("okrs")} className={buttonClasses("secondary")}>
                <Target aria-hidden />
                {t("openOkrs")}
              </Link>
            )
          }
        />
        {quarters.length > 0 ? <div className="mt-6">{quarterCard}</div> : null}
      </>
    );
  }

  const kr = data.keyResults;
  const tStatus = await getTranslations("okr.status");
  const statusSummary = (["on_track", "at_risk", "off_track", "stale", "not_started"] as const)
    .map((status) => t("status.item", { status: tStatus(status), count: kr[status] }))
    .join(", ");

  return (
    <div className="flex flex-col gap-6">
      {checklist}
      {header}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("company.title")}</CardTitle>
              <CardDescription>
                {data.companyProgress === null ? t("company.none") : t.rich("company.basis", { count: data.companyObjectiveCount, link: linkTo(countViews.companyObjectives()) })}
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {data.companyProgress === null ? (
              <p className="text-sm text-muted">{t("company.noneHint")}</p>
            ) : (
              <CompanyProgressBar progress={data.companyProgress} expected={data.cycle.expected} />
            )}
            <p className="text-xs text-subtle">
              {data.cycle.expected !== null
                ? t("company.expectedToday", { value: formatPercent(data.cycle.expected, locale) })
                : cycle.status === "closed"
                  ? t("company.final", { cycle: cycle.name })
                  : t("company.notStarted", { cycle: cycle.name })}
              {" · "}
              {t.rich("company.objectives", { count: data.objectiveCount, link: linkTo(countViews.objectives()) })}
            </p>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("status.title")}</CardTitle>
              <CardDescription>{t("status.description")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {kr.total === 0 ? (
              <p className="text-sm text-muted">{t("status.none")}</p>
            ) : (
              <>
                <StatusBar counts={kr} label={t("status.barLabel", { summary: statusSummary })} />
                <StatusLegend counts={kr} hrefFor={(status) => explorer(countViews.keyResults({ status }))} />
                <p className="text-xs text-subtle">
                  {t.rich("status.checkedIn", {
                    share: formatPercent(kr.checkedInThisWeek / kr.total, locale),
                    count: kr.checkedInThisWeek,
                    total: kr.total,
                    done: linkTo(countViews.checkedIn(), t("status.openCheckedIn", { count: kr.checkedInThisWeek })),
                    all: linkTo(countViews.keyResults(), t("status.openAll", { count: kr.total })),
                  })}
                </p>
              </>
            )}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("attention.title")}</CardTitle>
            <CardDescription>{t("attention.description")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <NeedsAttention orgSlug={ctx.orgSlug} cycleId={cycle.id} attention={data.attention} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("teams.title")}</CardTitle>
            <CardDescription>{t("teams.description")}</CardDescription>
          </div>
          {manages ? (
            <Link href={`/${ctx.orgSlug}/teams`} className={buttonClasses("ghost", "sm")}>
              {t("teams.manageTeams")}
            </Link>
          ) : null}
        </CardHeader>
        <CardContent>
          {data.teams.length > 0 ? (
            <TeamTable
              orgSlug={ctx.orgSlug}
              cycleId={cycle.id}
              rows={data.teams}
              complete={data.teamsComplete}
              expected={data.cycle.expected}
              caption={t("teams.caption", { cycle: cycle.name })}
            />
          ) : (
            <EmptyState title={t("teams.empty")} description={manages ? t("teams.emptyAdmin") : t("teams.emptyMember")} />
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("charts.overTime")}</CardTitle>
              <CardDescription>{t("charts.overTimeDescription")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <CompanyOverTime orgSlug={ctx.orgSlug} data={data} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("charts.distribution")}</CardTitle>
              <CardDescription>{t("charts.distributionDescription", { step: formatPercent(0.1, locale) })}</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <ProgressDistribution orgSlug={ctx.orgSlug} cycleId={cycle.id} distribution={data.distribution} />
          </CardContent>
        </Card>
      </div>

      {quarterCard}

      {next ? (
        <div className="flex justify-end">
          <CreateCycleButton
            orgSlug={ctx.orgSlug}
            next={{ name: next.name, dates: format.dateTimeRange(new Date(`${next.startDate}T00:00:00Z`), new Date(`${next.endDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) }}
          />
        </div>
      ) : null}
    </div>
  );
}
