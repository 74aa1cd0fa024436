import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api/api-reference";
import { currentTheme } from "@/lib/theme-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** The API reference: Scalar over /api/openapi.json, which the routes' own zod schemas generate. */
export default async function ApiDocsPage() {
  const [t, theme] = await Promise.all([getTranslations("apiDocs"), currentTheme()]);
  return (
    <div className="flex flex-1 flex-col">
      <div className="mx-auto w-full max-w-6xl px-4 pt-8 pb-4 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-muted">{t("intro")}</p>
        <p className="mt-2 text-sm">
          <a href="/api/openapi.json" className="font-medium text-accent-text hover:underline">
            {t("document")}
          </a>
        </p>
      </div>
      <ApiReference theme={theme} />
    </div>
  );
}
