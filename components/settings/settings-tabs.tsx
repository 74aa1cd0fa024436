"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("settings");
  const pathname = usePathname();
  const tabs = [
    { href: `/${orgSlug}/settings`, label: t("general") },
    { href: `/${orgSlug}/settings/cycles`, label: t("cycles") },
    { href: `/${orgSlug}/settings/members`, label: t("members") },
    { href: `/${orgSlug}/settings/notifications`, label: t("notifications") },
    { href: `/${orgSlug}/settings/api`, label: t("api") },
  ];
  return (
    <nav aria-label={t("sections")} className="mb-6 flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
