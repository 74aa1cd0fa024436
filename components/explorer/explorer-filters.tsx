"use client";

import { Search, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { objectiveLevels } from "@/lib/domain";
import {
  defaultDirection,
  explorerAlignments,
  explorerCheckIns,
  explorerPaces,
  explorerSorts,
  explorerStatuses,
  sortDirections,
  type ExplorerSort,
  type ExplorerView,
  type SortDirection,
} from "@/lib/validation/explorer";

const SEARCH_DELAY_MS = 300;

/** The filters behind the small screen's "Filters" button: everything but the search box. */
const SELECT_FILTERS = ["level", "team", "owner", "status", "checkin", "pace", "aligned", "archived"] as const;

interface Props {
  /** Objectives or key results: the status, owner and check-in filters read the list shown. */
  view: ExplorerView;
  teams: Array<{ id: string; name: string; depth: number }>;
  owners: Array<{ id: string; name: string }>;
  /** False when there were too many people to list: the owner filter asks for a team first. */
  ownersComplete: boolean;
  /** Pace compares with the expected line, which only an active cycle has. */
  showPace: boolean;
  clearHref: string;
  hasFilters: boolean;
  /** The results count, announced when it changes. */
  summary: ReactNode;
}

/**
 * The explorer's filters live in the URL, so a view is a link to share. Every change replaces the
 * URL (no history entry per keystroke) and starts again from the first page.
 */
export function ExplorerFilters({ view, teams, owners, ownersComplete, showPace, clearHref, hasFilters, summary }: Props) {
  const t = useTranslations("explorer");
  const tLevel = useTranslations("okr.level");
  const tStatus = useTranslations("okr.status");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const typed = useRef(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // On a phone the filters fold behind one button, so the results start on the first screen.
  const [open, setOpen] = useState(false);
  const activeCount = SELECT_FILTERS.filter((name) => params.get(name)).length;

  // "Clear filters" or the browser's back button changed q: show it in the box.
  const urlQuery = params.get("q") ?? "";
  useEffect(() => {
    if (urlQuery !== typed.current && searchRef.current) {
      searchRef.current.value = urlQuery;
      typed.current = urlQuery;
    }
  }, [urlQuery]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("after");
    next.delete("before");
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function search(value: string) {
    typed.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update({ q: value.trim() || null }), SEARCH_DELAY_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    update({ q: searchRef.current?.value.trim() || null });
  }

  const sort = (params.get("sort") as ExplorerSort | null) ?? "title";
  const dir = (params.get("dir") as SortDirection | null) ?? defaultDirection[sort];
  const field = (name: string) => `${id}-${name}`;
  const select = (name: string, label: string, options: ReactNode, all: string, hint?: string) => (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={field(name)}>{label}</Label>
      <Select
        id={field(name)}
        name={name}
        value={params.get(name) ?? ""}
        onChange={(event) => update({ [name]: event.target.value || null })}
        aria-describedby={hint ? `${field(name)}-hint` : undefined}
      >
        <option value="">{all}</option>
        {options}
      </Select>
      {hint ? (
        <p id={`${field(name)}-hint`} className="text-xs text-subtle">
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <form role="search" aria-label={t("filtersLabel")} action={pathname} onSubmit={submit} aria-busy={pending || undefined} className="flex flex-col gap-4">
      {params.get("cycle") ? <input type="hidden" name="cycle" value={params.get("cycle") ?? ""} /> : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={field("q")}>{t("search")}</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-subtle" />
          <Input
            ref={searchRef}
            id={field("q")}
            name="q"
            type="search"
            defaultValue={urlQuery}
            placeholder={t("searchPlaceholder")}
            aria-describedby={`${field("q")}-hint`}
            autoComplete="off"
            maxLength={200}
            onChange={(event) => search(event.target.value)}
            className="pl-9"
          />
        </div>
        <p id={`${field("q")}-hint`} className="text-xs text-subtle">
          {t("searchHint")}
        </p>
      </div>
      <div className="sm:hidden">
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={field("more")} onClick={() => setOpen((value) => !value)}>
          <SlidersHorizontal aria-hidden />
          {t("filters", { count: activeCount })}
        </Button>
      </div>
      <div id={field("more")} className={cn("grid-cols-2 gap-3 sm:grid lg:grid-cols-4", open ? "grid" : "hidden")}>
        {select("level", t("level"), objectiveLevels.map((level) => <option key={level} value={level}>{tLevel(level)}</option>), t("allLevels"))}
        {select(
          "team",
          t("team"),
          teams.map((team) => (
            <option key={team.id} value={team.id}>
              {`${"\u00a0\u00a0".repeat(team.depth)}${team.name}`}
            </option>
          )),
          t("allTeams"),
        )}
        {select(
          "owner",
          t("owner"),
          owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          )),
          t("allOwners"),
          ownersComplete ? (view === "key-results" ? t("krOwnerHint") : undefined) : t("ownersTooMany"),
        )}
        {select(
          "status",
          t("status"),
          explorerStatuses.map((status) => <option key={status} value={status}>{tStatus(status)}</option>),
          t("allStatuses"),
          view === "objectives" ? t("statusHint") : undefined,
        )}
        {view === "key-results"
          ? select("checkin", t("checkin"), explorerCheckIns.map((value) => <option key={value} value={value}>{t(`checkins.${value}`)}</option>), t("anyCheckin"))
          : null}
        {showPace ? select("pace", t("pace"), explorerPaces.map((pace) => <option key={pace} value={pace}>{t(`paces.${pace}`)}</option>), t("anyPace")) : null}
        {select("aligned", t("aligned"), explorerAlignments.map((value) => <option key={value} value={value}>{t(`alignments.${value}`)}</option>), t("anyAlignment"))}
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={field("sort")}>{t("sort")}</Label>
          <Select
            id={field("sort")}
            value={`${sort}:${dir}`}
            onChange={(event) => {
              const [nextSort = "title", nextDir = "asc"] = event.target.value.split(":");
              const natural = defaultDirection[nextSort as ExplorerSort] === nextDir;
              update({ sort: nextSort === "title" && natural ? null : nextSort, dir: natural ? null : nextDir });
            }}
          >
            {explorerSorts.flatMap((option) =>
              sortDirections.map((direction) => (
                <option key={`${option}:${direction}`} value={`${option}:${direction}`}>
                  {t(`sorts.${option}-${direction}`)}
                </option>
              )),
            )}
          </Select>
        </div>
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm text-fg">
            <input
              type="checkbox"
              name="archived"
              value="1"
              checked={params.get("archived") === "1"}
              onChange={(event) => update({ archived: event.target.checked ? "1" : null })}
              className="size-4 rounded border-border-strong accent-accent"
            />
            {t("includeArchived")}
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3">
        <p role="status" aria-live="polite" className={cn("text-sm font-medium text-fg", pending && "text-subtle")}>
          {summary}
        </p>
        <div className="flex items-center gap-3">
          <noscript>
            <button type="submit" className="text-sm font-medium text-accent-text hover:underline">
              {t("apply")}
            </button>
          </noscript>
          {hasFilters ? (
            <Link href={clearHref} replace scroll={false} className="text-sm font-medium text-accent-text hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
