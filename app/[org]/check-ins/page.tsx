import { CalendarOff, CircleCheck, PenLine, Target } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MyWeekForm } from "@/components/check-ins/my-week-form";
import { ReflectionPrompt } from "@/components/cycles/reflection-prompt";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { listOwedReflections } from "@/lib/services/cycles";
import { listMyWeek } from "@/lib/services/my-week";
import { requireMember } from "@/lib/tenant";
import { now } from "@/lib/clock";
import { weekStart } from "@/lib/okr/week";

export async function generateMetadata() {
  return { title: (await getTranslations("myWeek"))("title") };
}

/** The weekly rhythm: every key result I report on, what is still owed this week, one form to report it all. */
export default async function MyWeekPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const [week, reflections, t, format] = await Promise.all([listMyWeek(ctx), listOwedReflections(ctx), getTranslations("myWeek"), getFormatter()]);
  const objectivesLink = (
    <Link href={`/${ctx.orgSlug}/okrs`} className={buttonClasses("secondary")}>
      <Target aria-hidden />
      {t("seeObjectives")}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        eyebrow={t("weekOf", { date: format.dateTime(weekStart(now()), { day: "numeric", month: "long", timeZone: "UTC" }) })}
        description={t("description")}
      />
      <div className="flex flex-col gap-6">
        {reflections.length > 0 ? (
          <section aria-labelledby="owed-reflections" className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <h2 id="owed-reflections" className="flex items-center gap-2 text-sm font-semibold text-fg">
                <PenLine className="size-4 text-subtle" aria-hidden />
                {t("reflectionsHeading", { count: reflections.length })}
              </h2>
              <p className="text-sm text-muted">{t("reflectionsHint")}</p>
            </div>
            {reflections.map((owed) => (
              <ReflectionPrompt key={owed.objectiveId} orgSlug={ctx.orgSlug} objectiveId={owed.objectiveId} title={owed.title} score={owed.score} headingLevel="h3" />
            ))}
          </section>
        ) : null}

        {!week.hasActiveCycle ? (
          <EmptyState
            icon={CalendarOff}
            title={t("noCycleTitle")}
            description={can(ctx, "cycle.manage") ? t("noCycleAdmin") : t("noCycleMember")}
            action={
              can(ctx, "cycle.manage") ? (
                <Link href={`/${ctx.orgSlug}/settings/cycles`} className={buttonClasses("secondary")}>
                  {t("openCycles")}
                </Link>
              ) : null
            }
          />
        ) : week.rows.length === 0 ? (
          <EmptyState icon={Target} title={t("nothingOwnedTitle")} description={t("nothingOwned")} action={objectivesLink} />
        ) : (
          <>
            {week.owedCount > 0 ? null : (
              <div role="status" className="flex items-start gap-3 rounded-lg border border-border bg-success-soft px-4 py-3">
                <CircleCheck className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
                <div className="flex flex-col gap-0.5">
                  <p className="text-base font-semibold text-success">{t("allCaughtUp")}</p>
                  <p className="text-sm text-fg">{t("allCaughtUpHint")}</p>
                </div>
              </div>
            )}
            <MyWeekForm orgSlug={ctx.orgSlug} rows={week.rows} me={ctx.userId} now={now().getTime()} />
          </>
        )}
      </div>
    </>
  );
}
