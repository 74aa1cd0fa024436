import { getTranslations } from "next-intl/server";
import { ActivityFeed } from "@/components/activity/feed";
import { ProgressDeltasCard } from "@/components/activity/progress-deltas";
import { PageHeader } from "@/components/shell/page-header";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("activityPage"))("title") };
}

/** "What changed" across the organisation: the feed, and how the company objectives of the chosen cycle moved. */
export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ cycle?: string }> }) {
  const ctx = await requireMember((await params).org);
  const [cycles, t, query] = await Promise.all([listCycles(ctx), getTranslations("activityPage"), searchParams]);
  const cycle = pickCycle(cycles, query.cycle);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: ctx.orgName })} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {/* The summary comes first when read or tabbed through; wide screens show it beside the feed. */}
        {cycle ? (
          <div className="lg:sticky lg:top-20 lg:col-start-2 lg:row-start-1">
            <ProgressDeltasCard ctx={ctx} scope={{ organisation: true, cycleId: cycle.id }} title={t("deltasTitle")} />
          </div>
        ) : null}
        <div className="lg:col-start-1 lg:row-start-1">
          <ActivityFeed ctx={ctx} scope={{ organisation: true }} title={t("feedTitle")} />
        </div>
      </div>
    </>
  );
}
