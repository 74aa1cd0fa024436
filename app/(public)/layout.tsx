import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Logo } from "@/components/shell/logo";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { currentTheme } from "@/lib/theme-server";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, user, theme] = await Promise.all([getTranslations("common"), getCurrentUser(), currentTheme()]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border/70 bg-bg/80 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
          <Logo />
          <nav aria-label={t("mainNavigation")} className="ml-auto flex items-center gap-1">
            <LanguageSwitch />
            <ThemeSwitch initial={theme} />
            {user ? (
              <Link href="/account/organisations" className={buttonClasses("primary", "sm", "ml-1")}>
                {t("openWorkspace")}
              </Link>
            ) : (
              <>
                <Link href="/sign-in" className={buttonClasses("ghost", "sm")}>
                  {t("signIn")}
                </Link>
                <Link href="/sign-up" className={buttonClasses("primary", "sm", "ml-1")}>
                  {t("getStarted")}
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="flex flex-1 flex-col">
        {children}
      </main>
      <footer className="border-t border-border/70">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-xs text-subtle sm:px-6">
          <span>{t("footer")}</span>
          <span>{t("license")}</span>
        </div>
      </footer>
    </div>
  );
}
