"use client";

import { useTranslations } from "next-intl";
import { CopyLink } from "../copy-link";

/** A signing secret, right after it was made: shown this once, never again. */
export function SecretNotice({ secret, url }: { secret: string; url: string }) {
  const t = useTranslations("integrations");
  return (
    <div role="status" className="flex flex-col gap-3 rounded-md border border-accent/30 bg-accent-soft/60 p-4">
      <p className="text-sm text-fg">{t("secretOnce")}</p>
      <CopyLink url={secret} label={t("secretLabel", { url })} />
    </div>
  );
}
