import { ChevronRight, Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityFeed } from "@/components/activity/feed";
import { ProgressDeltasCard } from "@/components/activity/progress-deltas";
import { QuarterStatsCard } from "@/components/quarters/quarter-stats-card";
import { PageHeader } from "@/components/shell/page-header";
import { DeleteTeamDialog } from "@/components/teams/delete-team-dialog";
import { ObjectiveRowList } from "@/components/objectives/objective-row-list";
import { AlignmentChains } from "@/components/teams/alignment-chains";
import { TeamFormDialog } from "@/components/teams/team-form-dialog";
import { TeamMembers } from "@/components/teams/team-members";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { expectedProgress } from "@/lib/okr/progress";
import { can } from "@/lib/permissions";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { loadQuarterStats } from "@/lib/services/quarter-stats";
import { teamObjectives } from "@/lib/services/team-objectives";
import { flattenTree, getTeam, listTeams, teamTree } from "@/lib/services/teams";
import { requireMember } from "@/lib/tenant";
import { uuid } from "@/lib/validation/common";
import { now } from "@/lib/clock";

async function loadTeam(ctx: Awaited<ReturnType<typeof requireMember>>, teamId: string) {
  if (!uuid.safeParse(teamId).success) notFound();
  try {
    return await getTeam(ctx, teamId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

type SearchParams = Promise<{ cycle?: string | string[] }>;

export default async function TeamPage({ params, searchParams }: { params: Promise<{ org: string; teamId: string }>; searchParams: SearchParams }) {
  const { org, teamId } = await params;
  const ctx = await requireMember(org);
  const team = await loadTeam(ctx, teamId);
  const manages = can(ctx, "team.manage");
  const requested = (await searchParams).cycle;
  const [teams, cycles, t] = await Promise.all([
    listTeams(ctx),
    listCycles(ctx),
    getTranslations("teams"),
  ]);
  const cycle = pickCycle(cycles, Array.isArray(requested) ? requested[0] : requested);
  // Quarter statistics need a closed cycle; without one the page does not ask.
  const [goals, quarters] = await Promise.all([
    cycle ? teamObjectives(ctx, team.id, cycle.id) : { objectives: [], truncated: false, chains: {} },
    cycles.some((candidate) => candidate.status === "closed") ? loadQuarterStats(ctx, { kind: "team", teamId: team.id }) : [],
  ]);
  const expected = cycle?.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const flat = flattenTree(teamTree(teams));
  const here = flat.find((node) => node.team.id === team.id);
  const subtree = here ? flattenTree([here]) : [];
  const below = new Set(subtree.length ? subtree.map((node) => node.team.id) : [team.id]);
  const parent = teams.find((candidate) => candidate.id === team.parentTeamId);
  const subTeams = teams.filter((candidate) => candidate.parentTeamId === team.id);
  const own = goals.objectives.filter((objective) => objective.teamId === team.id);
  const bySubTeam = subtree
    .filter((node) => node.team.id !== team.id)
    .map((node) => ({ team: node.team, objectives: goals.objectives.filter((objective) => objective.teamId === node.team.id) }))
    .filter((group) => group.objectives.length > 0);
  const cycleQuery = cycle && requested ? `cycle=${cycle.id}&` : "";

  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label={t("breadcrumb")} className="flex items-center gap-1">
            <Link href={`/${ctx.orgSlug}/teams`} className="hover:underline">
              {t("title")}
            </Link>
            {parent ? (
              <>
                <ChevronRight className="size-3" aria-hidden />
                <Link href={`/${ctx.orgSlug}/teams/${parent.id}`} className="hover:underline">
                  {parent.name}
                </Link>
              </>
            ) : null}
          </nav>
        }
        title={team.name}
        description={team.description || undefined}
        actions={
          manages ? (
            <>
              <TeamFormDialog
                orgSlug={ctx.orgSlug}
                team={team}
                teams={flat.map((node) => ({ id: node.team.id, name: node.team.name, depth: node.depth }))}
                excludedParents={[...below]}
                trigger={
                  <Button variant="secondary">
                    <Pencil aria-hidden />
                    {t("edit")}
                  </Button>
                }
              />
              <DeleteTeamDialog
                orgSlug={ctx.orgSlug}
                team={team}
                otherTeams={teams.filter((other) => other.id !== team.id).map(({ id, name }) => ({ id, name }))}
              />
            </>
          ) : null
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{cycle ? t("objectivesIn", { cycle: cycle.name }) : t("objectivesHeading")}</CardTitle>
                {bySubTeam.length > 0 ? <CardDescription>{t("objectivesWithSubTeams")}</CardDescription> : null}
              </div>
              <Link href={`/${ctx.orgSlug}/okrs?${cycleQuery}team=${team.id}`} className="shrink-0 text-xs font-medium text-accent-text hover:underline">
                {t("openInExplorer")}
              </Link>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              {own.length > 0 ? (
                <ObjectiveRowList orgSlug={ctx.orgSlug} objectives={own} expected={expected} showLevel={false} />
              ) : (
                <p className="text-sm text-subtle">{cycle ? t("noObjectivesIn", { team: team.name, cycle: cycle.name }) : t("objectiveCount", { count: 0 })}</p>
              )}
              {own.length > 0 ? (
                <section aria-labelledby="team-alignment" className="flex flex-col gap-2 border-t border-border pt-4">
                  <h3 id="team-alignment" className="text-xs font-semibold tracking-wide text-muted uppercase">
                    {t("alignmentHeading")}
                  </h3>
                  <AlignmentChains orgSlug={ctx.orgSlug} objectives={own} chains={goals.chains} />
                </section>
              ) : null}
              {bySubTeam.map((group) => (
                <section key={group.team.id} aria-labelledby={`sub-${group.team.id}`} className="flex flex-col gap-2 border-t border-border pt-4">
                  <h3 id={`sub-${group.team.id}`} className="text-xs font-semibold tracking-wide text-muted uppercase">
                    <Link href={`/${ctx.orgSlug}/teams/${group.team.id}${cycleQuery ? `?cycle=${cycle?.id}` : ""}`} className="hover:text-fg hover:underline">
                      {group.team.name}
                    </Link>
                  </h3>
                  <ObjectiveRowList orgSlug={ctx.orgSlug} objectives={group.objectives} expected={expected} showLevel={false} />
                </section>
              ))}
              {goals.truncated ? (
                <Link href={`/${ctx.orgSlug}/okrs?${cycleQuery}team=${team.id}`} className="text-sm font-medium text-accent-text hover:underline">
                  {t("moreInExplorer")}
                </Link>
              ) : null}
            </CardContent>
          </Card>
          <QuarterStatsCard orgSlug={ctx.orgSlug} stats={quarters} scope={{ kind: "team", id: team.id, name: team.name }} manages={can(ctx, "cycle.manage")} />
          <ActivityFeed ctx={ctx} scope={{ teamId: team.id, includeSubTeams: true }} limit={15} />
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("membersHeading", { count: team.memberCount })}</CardTitle>
            </CardHeader>
            <CardContent>
              <TeamMembers orgSlug={ctx.orgSlug} teamId={team.id} leadUserId={team.leadUserId} members={team.members} manages={manages} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("subTeams")}</CardTitle>
            </CardHeader>
            <CardContent>
              {subTeams.length > 0 ? (
                <ul className="flex flex-col gap-1.5">
                  {subTeams.map((sub) => (
                    <li key={sub.id}>
                      <Link href={`/${ctx.orgSlug}/teams/${sub.id}`} className="text-sm font-medium text-fg hover:underline">
                        {sub.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-subtle">{t("noSubTeams")}</p>
              )}
            </CardContent>
          </Card>
          {cycle ? <ProgressDeltasCard ctx={ctx} scope={{ teamId: team.id, includeSubTeams: true, cycleId: cycle.id }} /> : null}
        </div>
      </div>
    </>
  );
}
