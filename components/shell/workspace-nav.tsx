"use client";

import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";

export interface WorkspaceNavProps {
  current: { slug: string; name: string };
  organisations: Array<{ slug: string; name: string }>;
  owed: number;
}

/** The sidebar's contents, shared by the desktop sidebar and the mobile drawer. */
export function WorkspaceNav({ current, organisations, owed, onNavigate }: WorkspaceNavProps & { onNavigate?: () => void }) {
  const t = useTranslations("shell");
  return (
    <div className="flex flex-col gap-4">
      <OrgSwitcher current={current} organisations={organisations} />
      <nav aria-label={t("workspaceNavigation")}>
        <Suspense>
          <SidebarNav orgSlug={current.slug} owed={owed} onNavigate={onNavigate} />
        </Suspense>
      </nav>
    </div>
  );
}
