import { CalendarRange, Target } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CarryOverPlanner } from "@/components/carry-over/carry-over-planner";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { carryRefusal, nextOpenCycle, previousCycle } from "@/lib/okr/carry-over";
import { can } from "@/lib/permissions";
import { listCarryCandidates } from "@/lib/services/carry-over-read";
import { listCycles } from "@/lib/services/cycles";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("carryOver"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * "Next quarter from this one": a cycle's objectives, each to carry into a later open cycle, or to
 * leave behind as done or dropped. Reached from a closed cycle (`?from=`) or from the next cycle's
 * planning view (`?to=`); the other side is the next open cycle, or the latest one before.
 */
export default async function CarryOverPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const ctx = await requireMember((await params).org);
  const query = await searchParams;
  const [cycles, t] = await Promise.all([listCycles(ctx), getTranslations("carryOver")]);
  const requestedTo = cycles.find((cycle) => cycle.id === one(query.to));
  const from =
    cycles.find((cycle) => cycle.id === one(query.from)) ??
    (requestedTo ? previousCycle(requestedTo, cycles) : cycles.find((cycle) => cycle.status === "closed"));
  if (!from) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState icon={Target} title={t("noPreviousTitle", { to: requestedTo?.name ?? "" })} description={t("noPrevious")} />
      </>
    );
  }
  const to = requestedTo && carryRefusal(from, requestedTo) === null ? requestedTo : nextOpenCycle(from, cycles);
  if (!to) {
    const manages = can(ctx, "cycle.manage");
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState
          icon={CalendarRange}
          title={t("noNextTitle", { from: from.name })}
          description={manages ? t("noNext") : t("noNextReader")}
          action={
            manages ? (
              <Link href={`/${ctx.orgSlug}/settings/cycles`} className={buttonClasses("secondary")}>
                {t("goToCycles")}
              </Link>
            ) : null
          }
        />
      </>
    );
  }
  const targets = cycles.filter((cycle) => carryRefusal(from, cycle) === null).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const candidates = await listCarryCandidates(ctx, from.id);
  const objectives = candidates.map((objective) => ({
    ...objective,
    mayCarry: can(ctx, "objective.create", {
      level: objective.level,
      teamId: objective.teamId,
      ownerUserId: objective.ownerUserId,
      ownerLeadIds: objective.ownerLeadIds,
    }),
  }));
  const base = `/${ctx.orgSlug}/okrs/carry-over`;

  return (
    <>
      <PageHeader
        eyebrow={t("title")}
        title={t("heading", { from: from.name, to: to.name })}
        description={t("description", { from: from.name, to: to.name })}
        actions={
          targets.length > 1 ? (
            <nav aria-label={t("toLabel")} className="inline-flex items-center gap-2 text-sm">
              <span className="text-muted">{t("toLabel")}:</span>
              <span className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
                {targets.map((cycle) => (
                  <Link
                    key={cycle.id}
                    href={`${base}?from=${from.id}&to=${cycle.id}`}
                    aria-current={cycle.id === to.id ? "page" : undefined}
                    className={cn(buttonClasses("ghost", "sm"), cycle.id === to.id && "bg-surface-muted text-fg")}
                  >
                    {cycle.name}
                  </Link>
                ))}
              </span>
            </nav>
          ) : null
        }
      />
      {objectives.length === 0 ? (
        <EmptyState icon={Target} title={t("emptyTitle")} description={t("empty", { from: from.name })} />
      ) : (
        <CarryOverPlanner orgSlug={ctx.orgSlug} from={{ id: from.id, name: from.name }} to={{ id: to.id, name: to.name }} objectives={objectives} />
      )}
    </>
  );
}
