import { CalendarRange, LayoutDashboard, Presentation } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReviewDeck } from "@/components/review/review-deck";
import { ReviewSlideContent } from "@/components/review/review-slide";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { loadReview } from "@/lib/services/review";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

/**
 * The weekly meeting, as slides. `?present=1` renders the deck alone, covering the workspace
 * around it; printing gives one slide per page.
 */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ cycle?: string; present?: string }> }) {
  const ctx = await requireMember((await params).org);
  const query = await searchParams;
  const [cycles, t, tDashboard] = await Promise.all([listCycles(ctx), getTranslations("review"), getTranslations("dashboard")]);
  const cycle = pickCycle(cycles, query.cycle);
  const manages = can(ctx, "cycle.manage");
  if (!cycle) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState icon={CalendarRange} title={tDashboard("noCycleTitle")} description={manages ? tDashboard("noCycleAdmin") : tDashboard("noCycleMember")} />
      </>
    );
  }

  const review = await loadReview(ctx, cycle.id);
  const base = `/${ctx.orgSlug}/review?cycle=${cycle.id}`;
  const expected = review.cycle.expected ?? undefined;
  const deck =
    review.slides.length > 0 ? (
      <ReviewDeck
        titles={review.slides.map((slide) => slide.title)}
        present={query.present === "1"}
        exitHref={base}
        presentHref={`${base}&present=1`}
      >
        {review.slides.map((slide) => (
          <ReviewSlideContent key={`${slide.kind}-${slide.id}`} orgSlug={ctx.orgSlug} slide={slide} cycleName={cycle.name} expected={expected} />
        ))}
      </ReviewDeck>
    ) : null;
  if (query.present === "1" && deck) return deck;

  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title={t("title")}
          description={t("description", { cycle: cycle.name })}
          actions={
            <Link href={`/${ctx.orgSlug}/dashboard?cycle=${cycle.id}`} className={buttonClasses("secondary")}>
              <LayoutDashboard aria-hidden />
              {tDashboard("title")}
            </Link>
          }
        />
      </div>
      {deck ?? (
        <EmptyState
          icon={Presentation}
          title={t("emptyTitle")}
          description={manages ? t("emptyAdmin") : t("emptyMember", { cycle: cycle.name })}
          action={
            <Link href={`/${ctx.orgSlug}/dashboard?cycle=${cycle.id}`} className={buttonClasses("secondary")}>
              {tDashboard("title")}
            </Link>
          }
        />
      )}
    </>
  );
}
