import { CalendarCheck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { CyclePicker } from "@/components/shell/cycle-picker";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MobileNav } from "@/components/shell/mobile-nav";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceNav } from "@/components/shell/workspace-nav";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { countOwedCheckIns } from "@/lib/services/my-week";
import { listMyOrganisations } from "@/lib/services/organisations";
import { requireMember } from "@/lib/tenant";
import { currentTheme } from "@/lib/theme-server";

/** The workspace of one organisation: resolved once per request, shared by every page below. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMember(org);
  const [user, organisations, cycles, owed, theme, t] = await Promise.all([
    getCurrentUser(),
    listMyOrganisations(ctx.userId),
    listCycles(ctx),
    countOwedCheckIns(ctx),
    currentTheme(),
    getTranslations("shell"),
  ]);
  const navProps = {
    current: { slug: ctx.orgSlug, name: ctx.orgName },
    organisations: organisations.map(({ slug, name }) => ({ slug, name })),
    owed,
  };
  const defaultCycle = pickCycle(cycles, null);

  return (
    <div className="flex min-h-dvh">
      <aside className="no-print sticky top-0 hidden h-dvh w-60 shrink-0 flex-col justify-between border-r border-border bg-surface px-3 py-3 lg:flex">
        <WorkspaceNav {...navProps} />
        <div className="flex items-center gap-1 px-1">
          <LanguageSwitch />
          <ThemeSwitch initial={theme} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-bg/85 px-3 backdrop-blur sm:px-6">
          <MobileNav {...navProps} theme={theme} />
          <div className="min-w-0">
            <Suspense>
              <CyclePicker cycles={cycles.map(({ id, name, status }) => ({ id, name, status }))} defaultCycleId={defaultCycle?.id ?? null} />
            </Suspense>
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {/* My week at every width: on a phone the icon and the count, the words for screen readers. */}
            <Link href={`/${ctx.orgSlug}/check-ins`} className={buttonClasses("secondary", "sm", "relative px-2.5 sm:px-3")}>
              <CalendarCheck aria-hidden />
              <span className="sr-only sm:not-sr-only">{owed > 0 ? t("checkInOwed", { count: owed }) : t("checkIn")}</span>
              {owed > 0 ? (
                <span
                  aria-hidden
                  data-count={owed}
                  className="absolute -top-1.5 -right-1.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-accent px-1 text-[10px] leading-none font-semibold text-accent-fg after:content-[attr(data-count)] sm:hidden"
                />
              ) : null}
            </Link>
            <div className="hidden items-center sm:flex lg:hidden">
              <LanguageSwitch />
            </div>
            {user ? <UserMenu name={user.name} email={user.email} /> : null}
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
