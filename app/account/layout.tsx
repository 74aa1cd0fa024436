import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Logo } from "@/components/shell/logo";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { UserMenu } from "@/components/shell/user-menu";
import { requireSession } from "@/lib/auth/require-user";
import { landingPathFor } from "@/lib/services/landing";
import { currentTheme } from "@/lib/theme-server";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession("/account");
  const [home, theme, t] = await Promise.all([landingPathFor(user.id), currentTheme(), getTranslations("common")]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4">
          <Logo href={home} />
          <nav aria-label={t("mainNavigation")} className="ml-auto flex items-center gap-1">
            <LanguageSwitch />
            <ThemeSwitch initial={theme} />
            <UserMenu name={user.name} email={user.email} />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
