import { Compass } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/shell/logo";
import { buttonClasses } from "@/components/ui/button";

/** One page for "does not exist" and "not yours": existence is never revealed to the wrong person. */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-6">
        <Logo />
      </header>
      <main id="main" className="flex flex-1 flex-col items-center justify-center gap-4 px-4 pb-24 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-surface-muted text-subtle">
          <Compass className="size-6" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold text-fg">{t("title")}</h1>
        <p className="max-w-md text-sm text-muted">{t("body")}</p>
        <Link href="/account/organisations" className={buttonClasses("primary")}>
          {t("home")}
        </Link>
      </main>
    </div>
  );
}
