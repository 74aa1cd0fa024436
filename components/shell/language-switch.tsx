"use client";

import { useMutation } from "@tanstack/react-query";
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { api } from "@/lib/api-client";
import { locales, type Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/cn";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const change = useMutation({
    mutationFn: (next: Locale) => api("/api/preferences", { body: { locale: next } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className={cn("relative flex items-center", className)}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <Languages className="pointer-events-none absolute left-2 size-4 text-subtle" aria-hidden />
      <select
        id={id}
        value={locale}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value as Locale)}
        className="h-8 appearance-none rounded-md border border-transparent bg-transparent pr-2 pl-7 text-xs font-medium text-muted hover:bg-surface-hover hover:text-fg"
      >
        {locales.map((option) => (
          <option key={option} value={option}>
            {t(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
