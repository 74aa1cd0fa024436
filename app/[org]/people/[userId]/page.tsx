import { Target, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ObjectiveRowList } from "@/components/objectives/objective-row-list";
import { initials } from "@/components/people/people-list";
import { CheckInList, KeyResultsElsewhere } from "@/components/people/person-sections";
import { QuarterStatsCard } from "@/components/quarters/quarter-stats-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { expectedProgress } from "@/lib/okr/progress";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { getPerson } from "@/lib/services/people";
import { loadQuarterStats } from "@/lib/services/quarter-stats";
import { can } from "@/lib/permissions";
import { requireMember } from "@/lib/tenant";
import type { TenantContext } from "@/lib/tenant-context";
import { uuid } from "@/lib/validation/common";
import { now } from "@/lib/clock";

type Params = Promise<{ org: string; userId: string }>;
type SearchParams = Promise<{ cycle?: string | string[] }>;

async function load(ctx: TenantContext, userId: string, cycleId: string | null) {
  if (!uuid.safeParse(userId).success) notFound();
  try {
    return await getPerson(ctx, userId, cycleId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, userId } = await params;
  const ctx = await requireMember(org);
  return { title: (await load(ctx, userId, null)).person.name };
}

export default async function PersonPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { org, userId } = await params;
  const ctx = await requireMember(org);
  const requested = (await searchParams).cycle;
  const [cycles, t, tRole] = await Promise.all([listCycles(ctx), getTranslations("people"), getTranslations("roles")]);
  const cycle = pickCycle(cycles, Array.isArray(requested) ? requested[0] : requested);
  // Quarter statistics need a closed cycle; without one the page does not ask. A malformed id
  // is answered by load() (404) before the statistics are looked at.
  const [detail, quarters] = await Promise.all([
    load(ctx, userId, cycle?.id ?? null),
    uuid.safeParse(userId).success && cycles.some((candidate) => candidate.status === "closed") ? loadQuarterStats(ctx, { kind: "person", userId }) : [],
  ]);
  const { person } = detail;
  const expected = cycle?.status === "active" ? expectedProgress(cycle, now()) : undefined;
  const cycleQuery = cycle && requested ? `cycle=${cycle.id}&` : "";
  const firstName = person.name.split(/\s+/u)[0] ?? person.name;

  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label={t("breadcrumb")} className="flex items-center gap-1">
            <Link href={`/${ctx.orgSlug}/people`} className="hover:underline">
              {t("title")}
            </Link>
          </nav>
        }
        title={
          <span className="flex items-center gap-3">
            <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent-text">
              {initials(person.name)}
            </span>
            {person.name}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <a href={`mailto:${person.email}`} className="hover:underline">
              {person.email}
            </a>
            {person.role !== "member" ? <Badge tone="neutral">{tRole(person.role)}</Badge> : null}
          </span>
        }
        actions={
          <Link href={`/${ctx.orgSlug}/okrs?${cycleQuery}owner=${person.userId}`} className={buttonClasses("secondary")}>
            <Target aria-hidden />
            {t("openInExplorer")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{cycle ? t("objectivesIn", { cycle: cycle.name }) : t("objectives")}</CardTitle>
                <CardDescription>{t("objectivesHint", { name: firstName })}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {detail.objectives.length > 0 ? (
                <ObjectiveRowList orgSlug={ctx.orgSlug} objectives={detail.objectives} expected={expected} />
              ) : (
                <p className="text-sm text-subtle">{t("noObjectives", { name: firstName })}</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("keyResultsElsewhere")}</CardTitle>
                <CardDescription>{t("keyResultsElsewhereHint", { name: firstName })}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {detail.keyResultsElsewhere.length > 0 ? (
                <KeyResultsElsewhere orgSlug={ctx.orgSlug} keyResults={detail.keyResultsElsewhere} />
              ) : (
                <p className="text-sm text-subtle">{t("noKeyResultsElsewhere")}</p>
              )}
            </CardContent>
          </Card>
          <QuarterStatsCard orgSlug={ctx.orgSlug} stats={quarters} scope={{ kind: "person", id: person.userId, name: person.name }} manages={can(ctx, "cycle.manage")} />
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("teams")}</CardTitle>
            </CardHeader>
            <CardContent>
              {detail.teams.length > 0 ? (
                <ul className="flex flex-col gap-1.5">
                  {detail.teams.map((team) => (
                    <li key={team.id} className="flex items-center gap-2">
                      <Users className="size-3.5 text-subtle" aria-hidden />
                      <Link href={`/${ctx.orgSlug}/teams/${team.id}`} className="text-sm font-medium text-fg hover:underline">
                        {team.name}
                      </Link>
                      {team.leads ? <Badge tone="accent">{t("lead")}</Badge> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-subtle">{t("noTeams", { name: firstName })}</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("checkIns")}</CardTitle>
                <CardDescription>{t("checkInsHint")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              {detail.checkIns.length > 0 ? (
                <CheckInList orgSlug={ctx.orgSlug} checkIns={detail.checkIns} />
              ) : (
                <p className="text-sm text-subtle">{t("noCheckIns", { name: firstName })}</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
