import { CalendarRange } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateCycleButton } from "@/components/cycles/create-cycle-button";
import { CycleTable, utcDay } from "@/components/cycles/cycle-table";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { listCyclesWithStats, previewNextCycle } from "@/lib/services/cycles";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("cycles"))("title") };
}

export default async function CyclesSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const manages = can(ctx, "cycle.manage");
  const [cycles, next, t, format] = await Promise.all([
    listCyclesWithStats(ctx),
    manages ? previewNextCycle(ctx) : Promise.resolve(null),
    getTranslations("cycles"),
    getFormatter(),
  ]);
  const nextCycle = next
    ? { name: next.name, dates: format.dateTimeRange(utcDay(next.startDate), utcDay(next.endDate), { dateStyle: "medium", timeZone: "UTC" }) }
    : null;

  return (
    <section aria-labelledby="cycles-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex max-w-2xl flex-col gap-1">
          <h2 id="cycles-heading" className="text-base font-semibold text-fg">
            {t("title")}
          </h2>
          <p className="text-sm text-muted">{t("description")}</p>
          {manages ? null : <p className="text-sm text-subtle">{t("readOnly")}</p>}
        </div>
        {nextCycle && cycles.length > 0 ? <CreateCycleButton orgSlug={ctx.orgSlug} next={nextCycle} /> : null}
      </div>
      {cycles.length > 0 ? (
        <CycleTable orgSlug={ctx.orgSlug} cycles={cycles} manages={manages} />
      ) : (
        <EmptyState
          icon={CalendarRange}
          title={t("emptyTitle")}
          description={manages ? t("emptyDescription") : t("emptyDescriptionReadOnly")}
          action={nextCycle ? <CreateCycleButton orgSlug={ctx.orgSlug} next={nextCycle} align="center" /> : null}
        />
      )}
    </section>
  );
}
