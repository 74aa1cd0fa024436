import { CalendarArrowUp, ChevronRight, History, Network, Pencil, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActivityFeed } from "@/components/activity/feed";
import { ObjectiveProgressHistory } from "@/components/charts/objective-progress-history";
import { ObjectiveComments } from "@/components/comments/objective-comments";
import { CascadeDialog, type CascadeTarget } from "@/components/objectives/cascade-dialog";
import { KeyResultFormDialog } from "@/components/objectives/key-result-form-dialog";
import { KeyResultList } from "@/components/objectives/key-result-list";
import { ObjectiveFormDialog } from "@/components/objectives/objective-form-dialog";
import { ObjectiveMenu } from "@/components/objectives/objective-menu";
import { ObjectiveRowList } from "@/components/objectives/objective-row-list";
import { QuarterChain } from "@/components/objectives/quarter-chain";
import { CoachHints } from "@/components/okr/coach-hints";
import { LevelBadge } from "@/components/okr/level-badge";
import { ObjectiveProgress } from "@/components/okr/objective-progress";
import { StatusBadge } from "@/components/okr/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AppError } from "@/lib/errors";
import { formatPercent, formatScore } from "@/lib/format";
import { expectedProgress, SUCCESS_SCORE } from "@/lib/okr/progress";
import { actorOf, can } from "@/lib/permissions";
import { coachForObjectives } from "@/lib/services/coach";
import { listCycles } from "@/lib/services/cycles";
import { getObjectiveDetail } from "@/lib/services/objective-detail";
import { flattenTree, getTeam, listTeams, teamTree } from "@/lib/services/teams";
import { requireMember } from "@/lib/tenant";
import type { TenantContext } from "@/lib/tenant-context";
import { uuid } from "@/lib/validation/common";
import { cycleIsOpen } from "@/lib/okr/cycles";
import { now } from "@/lib/clock";

type Params = Promise<{ org: string; objectiveId: string }>;

async function load(ctx: TenantContext, objectiveId: string) {
  if (!uuid.safeParse(objectiveId).success) notFound();
  try {
    return await getObjectiveDetail(ctx, objectiveId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, objectiveId } = await params;
  const ctx = await requireMember(org);
  return { title: (await load(ctx, objectiveId)).objective.title };
}

export default async function ObjectivePage({ params }: { params: Params }) {
  const { org, objectiveId } = await params;
  const ctx = await requireMember(org);
  const detail = await load(ctx, objectiveId);
  const { objective, cycle } = detail;
  const canEdit = can(ctx, "objective.write", objective) && cycleIsOpen(cycle);
  // The edit dialogs fetch their people and objectives when opened; the page reads only what
  // cascading offers: every team for a company objective, the team's members for a team's.
  const [t, tRollup, locale, cycles, coach, cascadeTeams, cascadeTeam] = await Promise.all([
    getTranslations("objectivePage"),
    getTranslations("okr.rollup"),
    getLocale(),
    canEdit ? listCycles(ctx) : Promise.resolve([]),
    coachForObjectives(ctx, [objective.id]),
    canEdit && objective.level === "company" ? listTeams(ctx) : Promise.resolve([]),
    canEdit && objective.level === "team" && objective.teamId ? getTeam(ctx, objective.teamId) : Promise.resolve(null),
  ]);
  const expected = cycle.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const warnings = coach.get(objective.id) ?? [];
  const krOptions = detail.keyResults.map(({ id, title }) => ({ id, title }));
  const here = detail.quarters.findIndex((quarter) => quarter.objectiveId === objective.id);
  const carriedFrom = here > 0 ? detail.quarters[here - 1] : undefined;
  const carriedTo = here >= 0 ? detail.quarters[here + 1] : undefined;
  // A closed quarter's objective not carried yet: whoever may place it in the next one is offered the way.
  const mayCarry = cycle.status === "closed" && !carriedTo && !objective.archived && can(ctx, "objective.create", objective);

  // Exactly the teams and people this person may give an objective to, asked of the permission table.
  const cascadeTargets: CascadeTarget[] =
    objective.level === "company"
      ? flattenTree(teamTree(cascadeTeams))
          .filter(({ team }) => can(ctx, "objective.create", { level: "team", teamId: team.id, ownerUserId: team.leadUserId ?? ctx.userId, ownerLeadIds: [] }))
          .map(({ team }) => ({
            key: `team:${team.id}`,
            label: team.name,
            detail: team.leadName ? t("ownedBy", { name: team.leadName }) : t("noLead"),
            already: detail.children.some((child) => child.level === "team" && child.teamId === team.id),
          }))
      : (cascadeTeam?.members ?? [])
          .filter((member) => can(ctx, "objective.create", { level: "individual", teamId: null, ownerUserId: member.userId, ownerLeadIds: member.leadIds }))
          .map((member) => ({
            key: `user:${member.userId}`,
            label: member.name,
            detail: t("individualObjective"),
            already: detail.children.some((child) => child.level === "individual" && child.ownerUserId === member.userId),
          }));

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("chain")} className="flex flex-wrap items-center gap-1 text-xs text-subtle">
        <Link href={`/${ctx.orgSlug}/okrs/tree?cycle=${cycle.id}&focus=${objective.id}`} className="inline-flex items-center gap-1 hover:text-fg hover:underline">
          <Network className="size-3.5" aria-hidden />
          {cycle.name}
        </Link>
        {detail.ancestors.map((ancestor) => (
          <span key={ancestor.id} className="inline-flex min-w-0 items-center gap-1">
            <ChevronRight className="size-3 shrink-0" aria-hidden />
            <Link href={`/${ctx.orgSlug}/okrs/${ancestor.id}`} className="max-w-64 truncate hover:text-fg hover:underline">
              {ancestor.title}
            </Link>
          </span>
        ))}
      </nav>

      <header className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <LevelBadge level={objective.level} label={objective.level === "team" ? objective.teamName : undefined} />
            <span className="text-xs text-subtle">{t("owner", { name: objective.ownerName })}</span>
            {objective.archived ? <Badge tone="outline">{t("archived")}</Badge> : null}
            {cycle.status === "closed" ? <Badge tone="neutral">{t("closedCycle")}</Badge> : null}
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-balance text-fg">{objective.title}</h1>
          {objective.description ? <p className="max-w-3xl text-sm whitespace-pre-line text-muted">{objective.description}</p> : null}
          {carriedFrom || carriedTo ? (
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-subtle">
              {carriedFrom ? (
                <Link href={`/${ctx.orgSlug}/okrs/${carriedFrom.objectiveId}`} className="inline-flex items-center gap-1 hover:text-fg hover:underline">
                  <History className="size-3.5" aria-hidden />
                  {t("carriedFrom", { cycle: carriedFrom.cycleName })}
                </Link>
              ) : null}
              {carriedTo ? (
                <Link href={`/${ctx.orgSlug}/okrs/${carriedTo.objectiveId}`} className="inline-flex items-center gap-1 hover:text-fg hover:underline">
                  <CalendarArrowUp className="size-3.5" aria-hidden />
                  {t("carriedTo", { cycle: carriedTo.cycleName })}
                </Link>
              ) : null}
            </p>
          ) : null}
          {detail.parentKeyResult ? (
            <p className="text-xs text-subtle">{t("contributesTo", { title: detail.parentKeyResult.title })}</p>
          ) : null}
        </div>
        {mayCarry ? (
          <div className="flex shrink-0 flex-wrap gap-2">
            <Link href={`/${ctx.orgSlug}/okrs/carry-over?from=${cycle.id}`} className={buttonClasses("secondary")}>
              <CalendarArrowUp aria-hidden />
              {t("carryOver")}
            </Link>
          </div>
        ) : null}
        {canEdit ? (
          <div className="flex shrink-0 flex-wrap gap-2">
            <ObjectiveFormDialog
              orgSlug={ctx.orgSlug}
              cycleId={cycle.id}
              actor={actorOf(ctx)}
              objective={{ ...objective }}
              trigger={
                <Button variant="secondary">
                  <Pencil aria-hidden />
                  {t("edit")}
                </Button>
              }
            />
            {objective.level !== "individual" ? (
              <CascadeDialog
                orgSlug={ctx.orgSlug}
                objectiveId={objective.id}
                targets={cascadeTargets}
                keyResults={krOptions}
                kind={objective.level === "company" ? "teams" : "people"}
                defaultTitle={objective.title}
              />
            ) : null}
            <ObjectiveMenu orgSlug={ctx.orgSlug} objective={objective} cycles={cycles.map(({ id, name, status }) => ({ id, name, status }))} />
          </div>
        ) : null}
      </header>

      <Card>
        <CardContent className="flex flex-col gap-4 pt-5">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <div className="flex items-baseline gap-3">
              <span className="text-3xl font-semibold tracking-tight text-fg tabular-nums">{formatPercent(objective.progress, locale)}</span>
              <StatusBadge status={objective.status} />
            </div>
            <div className="text-right text-xs text-subtle">
              <p>
                {objective.rollupMode === "manual" && objective.manualProgressReason
                  ? t("manual", { reason: objective.manualProgressReason })
                  : tRollup(objective.rollupMode)}
              </p>
              {objective.score !== null ? (
                <p className="mt-0.5 font-medium text-fg">
                  {t("score", { score: formatScore(objective.score, locale) })} {objective.score >= SUCCESS_SCORE ? `· ${t("success")}` : ""}
                </p>
              ) : null}
            </div>
          </div>
          <ObjectiveProgress title={objective.title} progress={objective.progress} expected={expected} status={objective.status} />
          {expected !== undefined ? <p className="text-xs text-subtle">{t("expectedToday", { value: formatPercent(expected, locale) })}</p> : null}
          <ObjectiveProgressHistory title={objective.title} cycle={cycle} points={detail.progressHistory} progress={objective.progress} now={now()} />
        </CardContent>
      </Card>

      <QuarterChain orgSlug={ctx.orgSlug} objectiveId={objective.id} quarters={detail.quarters} />

      {canEdit && warnings.length > 0 ? <CoachHints warnings={warnings} heading={2} /> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("keyResults", { count: detail.keyResults.length })}</CardTitle>
                <CardDescription>{t("keyResultsHint")}</CardDescription>
              </div>
              {canEdit ? (
                <KeyResultFormDialog
                  orgSlug={ctx.orgSlug}
                  objectiveId={objective.id}
                  cycle={cycle}
                  defaultOwnerId={objective.ownerUserId}
                  trigger={
                    <Button size="sm">
                      <Plus aria-hidden />
                      {t("addKeyResult")}
                    </Button>
                  }
                />
              ) : null}
            </CardHeader>
            <CardContent>
              {detail.keyResults.length > 0 ? (
                <KeyResultList
                  orgSlug={ctx.orgSlug}
                  objectiveId={objective.id}
                  keyResults={detail.keyResults}
                  cycle={cycle}
                  canEdit={canEdit}
                  canCheckIn={(kr) => can(ctx, "checkIn.create", { keyResultOwnerId: kr.ownerUserId, objective })}
                  expected={expected}
                />
              ) : (
                <EmptyState title={t("noKeyResults")} description={canEdit ? t("noKeyResultsHint") : t("noKeyResultsReader")} />
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("alignedBelow", { count: detail.children.length })}</CardTitle>
                <CardDescription>{t("alignedBelowHint")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {detail.children.length > 0 ? (
                <ObjectiveRowList orgSlug={ctx.orgSlug} objectives={detail.children} expected={expected} />
              ) : (
                <p className="text-sm text-subtle">{objective.level === "individual" ? t("nothingBelowIndividual") : t("nothingBelow")}</p>
              )}
            </CardContent>
          </Card>

          <ObjectiveComments ctx={ctx} objectiveId={objective.id} />
        </div>

        <div className="flex flex-col gap-6">
          <ActivityFeed ctx={ctx} scope={{ objectiveId: objective.id }} title={t("history")} limit={15} />
        </div>
      </div>
    </div>
  );
}
