import { List, Network, Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AlignmentTree } from "@/components/objectives/alignment-tree";
import { ObjectiveFormDialog } from "@/components/objectives/objective-form-dialog";
import { ObjectiveRowList } from "@/components/objectives/objective-row-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { expectedProgress } from "@/lib/okr/progress";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { loadTree } from "@/lib/services/tree";
import { actorOf, can, companyObjectiveOf } from "@/lib/permissions";
import { requireMember } from "@/lib/tenant";
import { uuid } from "@/lib/validation/common";
import { cycleIsOpen } from "@/lib/okr/cycles";
import { now } from "@/lib/clock";

export async function generateMetadata() {
  return { title: (await getTranslations("tree"))("title") };
}

export default async function TreePage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ cycle?: string; focus?: string }> }) {
  const ctx = await requireMember((await params).org);
  const query = await searchParams;
  const [cycles, t] = await Promise.all([listCycles(ctx), getTranslations("tree")]);
  const cycle = pickCycle(cycles, query.cycle);
  if (!cycle) return <EmptyState icon={Network} title={t("noCycleTitle")} description={t("noCycle")} />;
  const focus = query.focus && uuid.safeParse(query.focus).success ? query.focus : undefined;
  const writable = cycleIsOpen(cycle);
  const tree = await loadTree(ctx, cycle.id, focus);
  const expected = cycle.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const create = writable ? (
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
  ) : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { cycle: cycle.name })}
        actions={
          <>
            <Link href={`/${ctx.orgSlug}/okrs?cycle=${cycle.id}`} className={buttonClasses("secondary")}>
              <List aria-hidden />
              {t("asList")}
            </Link>
            {create}
          </>
        }
      />
      {tree.roots.length === 0 && tree.unalignedTotal === 0 ? (
        <EmptyState icon={Network} title={t("emptyTitle")} description={can(ctx, "objective.create", companyObjectiveOf(ctx)) ? t("emptyAdmin") : t("emptyMember")} action={create} />
      ) : (
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("cascade")}</CardTitle>
                <CardDescription>{expected !== undefined ? t("legend") : t("legendClosed")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {tree.roots.length > 0 ? (
                <AlignmentTree
                  orgSlug={ctx.orgSlug}
                  roots={tree.roots}
                  initialChildren={tree.children}
                  initialExpanded={tree.expanded}
                  focusId={focus}
                  expected={expected}
                  label={t("treeLabel", { cycle: cycle.name })}
                />
              ) : (
                <p className="text-sm text-subtle">{t("noCompany")}</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("unaligned", { count: tree.unalignedTotal })}</CardTitle>
                <CardDescription>{t("unalignedHint")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {tree.unaligned.length > 0 ? (
                <>
                  <ObjectiveRowList orgSlug={ctx.orgSlug} objectives={tree.unaligned} expected={expected} />
                  {tree.unalignedTotal > tree.unaligned.length ? (
                    <Link href={`/${ctx.orgSlug}/okrs?cycle=${cycle.id}&aligned=no`} className="mt-3 inline-block text-sm font-medium text-accent-text hover:underline">
                      {t("allUnaligned", { count: tree.unalignedTotal })}
                    </Link>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-subtle">{t("allAligned")}</p>
              )}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
