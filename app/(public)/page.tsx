import { CalendarCheck, Eye, GitBranch, LayoutDashboard } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { LandingPreview } from "@/components/landing/landing-preview";

const features = [
  { key: "cascade", icon: GitBranch },
  { key: "transparency", icon: Eye },
  { key: "checkIns", icon: CalendarCheck },
  { key: "dashboard", icon: LayoutDashboard },
] as const;

export default async function LandingPage() {
  const t = await getTranslations("landing");
  return (
    <>
      <section className="mx-auto grid w-full max-w-6xl items-center gap-12 px-4 pt-16 pb-20 sm:px-6 lg:grid-cols-[1.05fr_1fr] lg:pt-24">
        <div className="flex flex-col gap-6">
          <p className="w-fit rounded-full border border-border bg-surface px-3 py-1 text-xs font-medium text-muted">{t("eyebrow")}</p>
          <h1 className="text-4xl leading-[1.1] font-semibold tracking-tight text-balance text-fg sm:text-5xl">{t("title")}</h1>
          <p className="max-w-xl text-base leading-relaxed text-muted sm:text-lg">{t("lead")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className={buttonClasses("primary", "lg")}>
              {t("primaryCta")}
            </Link>
            <Link href="/sign-in" className={buttonClasses("secondary", "lg")}>
              {t("secondaryCta")}
            </Link>
          </div>
          <p className="text-xs text-subtle">{t("reassurance")}</p>
        </div>
        <LandingPreview />
      </section>

      <section aria-labelledby="features-heading" className="border-t border-border/70 bg-surface">
        <div className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features-heading" className="max-w-2xl text-2xl font-semibold tracking-tight text-fg">
            {t("featuresTitle")}
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {features.map(({ key, icon: Icon }) => (
              <li key={key} className="flex flex-col gap-2">
                <span className="flex size-9 items-center justify-center rounded-md bg-accent-soft text-accent-text">
                  <Icon className="size-4" aria-hidden />
                </span>
                <h3 className="text-sm font-semibold text-fg">{t(`features.${key}.title`)}</h3>
                <p className="text-sm leading-relaxed text-muted">{t(`features.${key}.body`)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="method-heading" className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6">
        <h2 id="method-heading" className="text-2xl font-semibold tracking-tight text-fg">
          {t("methodTitle")}
        </h2>
        <dl className="mt-8 grid gap-6 md:grid-cols-3">
          {(["objective", "keyResults", "stretch"] as const).map((key) => (
            <div key={key} className="rounded-lg border border-border bg-surface p-5">
              <dt className="text-sm font-semibold text-fg">{t(`method.${key}.title`)}</dt>
              <dd className="mt-2 text-sm leading-relaxed text-muted">{t(`method.${key}.body`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
