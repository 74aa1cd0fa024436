"use client";

import {
  CalendarCheck,
  History,
  LayoutDashboard,
  Network,
  Presentation,
  Settings,
  Target,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

type NavKey = "dashboard" | "okrs" | "tree" | "activity" | "checkIns" | "review" | "teams" | "people" | "settings";

const items: Array<{ key: NavKey; path: string; icon: LucideIcon; keepsCycle?: boolean; exact?: boolean }> = [
  { key: "dashboard", path: "dashboard", icon: LayoutDashboard, keepsCycle: true },
  { key: "okrs", path: "okrs", icon: Target, keepsCycle: true, exact: true },
  { key: "tree", path: "okrs/tree", icon: Network, keepsCycle: true },
  { key: "activity", path: "activity", icon: History, keepsCycle: true },
  { key: "checkIns", path: "check-ins", icon: CalendarCheck },
  { key: "review", path: "review", icon: Presentation, keepsCycle: true },
  { key: "teams", path: "teams", icon: Users },
  { key: "people", path: "people", icon: UserRound },
  { key: "settings", path: "settings", icon: Settings },
];

/** The workspace's sections; the chosen cycle travels along to the pages that show one. */
export function SidebarNav({ orgSlug, owed, onNavigate }: { orgSlug: string; owed: number; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const cycle = useSearchParams().get("cycle");
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map(({ key, path, icon: Icon, keepsCycle, exact }) => {
        const href = `/${orgSlug}/${path}`;
        const active = exact ? pathname === href || (pathname.startsWith(`${href}/`) && !pathname.startsWith(`${href}/tree`)) : pathname.startsWith(href);
        return (
          <li key={key}>
            <Link
              href={keepsCycle && cycle ? `${href}?cycle=${cycle}` : href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
                active ? "bg-surface-muted text-fg" : "text-muted hover:bg-surface-hover hover:text-fg",
              )}
            >
              <Icon className={cn("size-4 shrink-0", active ? "text-accent-text" : "text-subtle")} aria-hidden />
              <span className="flex-1">{t(key)}</span>
              {key === "checkIns" && owed > 0 ? (
                <span className="rounded-full bg-accent px-1.5 text-[11px] leading-5 font-semibold text-accent-fg tabular-nums" aria-label={t("owed", { count: owed })}>
                  {owed}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
