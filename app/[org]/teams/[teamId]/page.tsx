import { ChevronRight, Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { DeleteTeamDialog } from "@/components/teams/delete-team-dialog";
import { TeamFormDialog } from "@/components/teams/team-form-dialog";
import { TeamMembers } from "@/components/teams/team-members";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { memberOptions } from "@/lib/services/members";
import { flattenTree, getTeam, listTeams, teamTree } from "@/lib/services/teams";
import { requireMember } from "@/lib/tenant";
import { uuid } from "@/lib/validation/common";

async function loadTeam(ctx: Awaited<ReturnType<typeof requireMember>>, teamId: string) {
  if (!uuid.safeParse(teamId).success) notFound();
  try {
    return await getTeam(ctx, teamId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function TeamPage({ params }: { params: Promise<{ org: string; teamId: string }> }) {
  const { org, teamId } = await params;
  const ctx = await requireMember(org);
  const team = await loadTeam(ctx, teamId);
  const manages = can(ctx, "team.manage");
  const [teams, members, t] = await Promise.all([listTeams(ctx), manages ? memberOptions(ctx) : Promise.resolve([]), getTranslations("teams")]);
  const flat = flattenTree(teamTree(teams));
  const here = flat.find((node) => node.team.id === team.id);
  const below = new Set(here ? flattenTree([here]).map((node) => node.team.id) : [team.id]);
  const parent = teams.find((candidate) => candidate.id === team.parentTeamId);
  const subTeams = teams.filter((candidate) => candidate.parentTeamId === team.id);

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
                members={members}
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
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>{t("objectivesHeading")}</CardTitle>
            <Link href={`/${ctx.orgSlug}/okrs?team=${team.id}`} className="text-xs font-medium text-accent-text hover:underline">
              {t("openInExplorer")}
            </Link>
          </CardHeader>
          <CardContent>
            <p className="text-sm text-muted">{t("objectiveCount", { count: team.objectiveCount })}</p>
          </CardContent>
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("membersHeading", { count: team.memberCount })}</CardTitle>
            </CardHeader>
            <CardContent>
              <TeamMembers orgSlug={ctx.orgSlug} teamId={team.id} leadUserId={team.leadUserId} members={team.members} candidates={members} manages={manages} />
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
        </div>
      </div>
    </>
  );
}
