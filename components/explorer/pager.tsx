import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";

/** Previous and next links of a keyset-paginated list; the cursors travel in the URL. */
export function Pager({ label, previousHref, nextHref }: { label: string; previousHref: string | null; nextHref: string | null }) {
  const t = useTranslations("common");
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {previousHref ? (
        <Link href={previousHref} className={buttonClasses("secondary", "sm")}>
          <ChevronLeft aria-hidden />
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={buttonClasses("secondary", "sm")}>
          {t("next")}
          <ChevronRight aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
