"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Something broke while rendering: say so plainly, keep the way back open, show no internals. */
export default function ErrorPage({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main" className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-danger-soft text-danger">
        <TriangleAlert className="size-6" aria-hidden />
      </span>
      <h1 className="text-xl font-semibold text-fg">{t("title")}</h1>
      <p className="max-w-md text-sm text-muted">{t("body")}</p>
      {error.digest ? <p className="text-xs text-subtle">{t("reference", { digest: error.digest })}</p> : null}
      <Button onClick={reset}>{t("retry")}</Button>
    </main>
  );
}
