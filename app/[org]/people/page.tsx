import { Search, UserRound } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/explorer/pager";
import { PeopleList } from "@/components/people/people-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { listPeople } from "@/lib/services/people";
import { requireMember } from "@/lib/tenant";
import { peopleQueryFromSearchParams } from "@/lib/validation/people";

export async function generateMetadata() {
  return { title: (await getTranslations("people"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const ctx = await requireMember((await params).org);
  const query = peopleQueryFromSearchParams(await searchParams);
  const [cycles, t] = await Promise.all([listCycles(ctx), getTranslations("people")]);
  const cycle = pickCycle(cycles, query.cycle);
  const page = await listPeople(ctx, { q: query.q, after: query.after, before: query.before, cycleId: cycle?.id ?? null });
  const base = `/${ctx.orgSlug}/people`;
  const link = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ cycle: query.cycle, q: query.q, ...extra })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  const cycleParam = query.cycle ? `?cycle=${query.cycle}` : "";

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { organisation: ctx.orgName })} />
      <div className="flex flex-col gap-4">
        <Card className="p-4 sm:p-5">
          <form role="search" aria-label={t("searchLabel")} action={base} className="flex flex-col gap-3">
            {query.cycle ? <input type="hidden" name="cycle" value={query.cycle} /> : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="people-q">{t("search")}</Label>
              <div className="flex gap-2">
                <div className="relative flex-1">
                  <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-subtle" />
                  <Input id="people-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} className="pl-9" />
                </div>
                <Button type="submit" variant="secondary">
                  {t("searchButton")}
                </Button>
              </div>
            </div>
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3">
              <p role="status" className="text-sm font-medium text-fg">
                {query.q ? t("countMatching", { count: page.total }) : t("count", { count: page.total })}
              </p>
              {query.q ? (
                <Link href={link({ q: undefined })} className="text-sm font-medium text-accent-text hover:underline">
                  {t("clear")}
                </Link>
              ) : null}
            </div>
          </form>
        </Card>
        {page.items.length > 0 ? (
          <Card>
            <h2 className="sr-only">{cycle ? t("listHeading", { cycle: cycle.name }) : t("title")}</h2>
            <PeopleList orgSlug={ctx.orgSlug} people={page.items} cycleParam={cycleParam} cycleName={cycle?.name ?? null} />
          </Card>
        ) : (
          <EmptyState
            icon={UserRound}
            title={t("noneTitle")}
            description={t("noneDescription")}
            action={
              query.q ? (
                <Link href={link({ q: undefined })} className="text-sm font-medium text-accent-text hover:underline">
                  {t("clear")}
                </Link>
              ) : undefined
            }
          />
        )}
        <Pager
          label={t("pages")}
          previousHref={page.prevCursor ? link({ before: page.prevCursor }) : null}
          nextHref={page.nextCursor ? link({ after: page.nextCursor }) : null}
        />
      </div>
    </>
  );
}
