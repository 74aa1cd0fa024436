import { Plus, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { TeamFormDialog } from "@/components/teams/team-form-dialog";
import { TeamTree, type TeamTreeNode } from "@/components/teams/team-tree";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { flattenTree, listTeams, teamTree, type TeamNode, type TeamSummary } from "@/lib/services/teams";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("teams"))("title") };
}

const toView = (node: TeamNode<TeamSummary>): TeamTreeNode => ({
  id: node.team.id,
  name: node.team.name,
  leadName: node.team.leadName,
  memberCount: node.team.memberCount,
  objectiveCount: node.team.objectiveCount,
  children: node.children.map(toView),
});

export default async function TeamsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const manages = can(ctx, "team.manage");
  const [teams, t] = await Promise.all([listTeams(ctx), getTranslations("teams")]);
  const roots = teamTree(teams);
  const options = flattenTree(roots).map((node) => ({ id: node.team.id, name: node.team.name, depth: node.depth }));
  const newTeam = manages ? (
    <TeamFormDialog
      orgSlug={ctx.orgSlug}
      teams={options}
      trigger={
        <Button>
          <Plus aria-hidden />
          {t("new")}
        </Button>
      }
    />
  ) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newTeam} />
      {roots.length > 0 ? (
        <TeamTree orgSlug={ctx.orgSlug} nodes={roots.map(toView)} />
      ) : (
        <EmptyState icon={Users} title={t("emptyTitle")} description={manages ? t("emptyDescriptionAdmin") : t("emptyDescription")} action={newTeam} />
      )}
    </>
  );
}
