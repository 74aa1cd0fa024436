import { Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export interface TeamTreeNode {
  id: string;
  name: string;
  leadName: string | null;
  memberCount: number;
  objectiveCount: number;
  children: TeamTreeNode[];
}

/** The team hierarchy as nested lists: departments hold their teams, drawn with guide lines. */
export async function TeamTree({ orgSlug, nodes, nested = false }: { orgSlug: string; nodes: TeamTreeNode[]; nested?: boolean }) {
  const t = await getTranslations("teams");
  return (
    <ul className={nested ? "ml-4 border-l border-border pl-4" : "flex flex-col gap-2"}>
      {nodes.map((node) => (
        <li key={node.id} className={nested ? "pt-2" : undefined}>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-border bg-surface px-4 py-3 shadow-card">
            <Users className="size-4 text-subtle" aria-hidden />
            <Link href={`/${orgSlug}/teams/${node.id}`} className="font-medium text-fg hover:underline">
              {node.name}
            </Link>
            <span className="text-xs text-subtle">{node.leadName ? t("ledBy", { name: node.leadName }) : t("noLeadYet")}</span>
            <span className="ml-auto flex gap-4 text-xs text-muted tabular-nums">
              <span>{t("memberCount", { count: node.memberCount })}</span>
              <span>{t("objectiveCount", { count: node.objectiveCount })}</span>
            </span>
          </div>
          {node.children.length > 0 ? <TeamTree orgSlug={orgSlug} nodes={node.children} nested /> : null}
        </li>
      ))}
    </ul>
  );
}
