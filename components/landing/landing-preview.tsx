import { useLocale, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/format";

interface Row {
  key: "company" | "checkout" | "social" | "photos";
  depth: 0 | 1 | 2;
  progress: number;
  status: "on_track" | "at_risk";
}

const rows: Row[] = [
  { key: "company", depth: 0, progress: 0.58, status: "on_track" },
  { key: "checkout", depth: 1, progress: 0.7, status: "on_track" },
  { key: "photos", depth: 2, progress: 0.8, status: "on_track" },
  { key: "social", depth: 1, progress: 0.35, status: "at_risk" },
];

/** A picture of the product, drawn with its own components: a cascade with progress against today. */
export function LandingPreview() {
  const t = useTranslations("landing.preview");
  const locale = useLocale();
  const expected = 0.55;
  return (
    <figure className="rounded-xl border border-border bg-surface p-5 shadow-card" aria-label={t("label")}>
      <div className="mb-4 flex items-center justify-between">
        <span className="text-xs font-medium text-subtle">{t("cycle")}</span>
        <span className="text-xs text-subtle">{t("expected", { value: formatPercent(expected, locale) })}</span>
      </div>
      <ul className="flex flex-col gap-4">
        {rows.map((row) => (
          <li key={row.key} className="flex flex-col gap-2" style={{ paddingLeft: row.depth * 20 }}>
            <div className="flex items-center justify-between gap-3">
              <span className="text-sm font-medium text-fg">{t(`rows.${row.key}`)}</span>
              <span className="flex items-center gap-2">
                <Badge tone={row.status === "at_risk" ? "warning" : "success"}>{t(row.status)}</Badge>
                <span className="w-9 text-right text-xs font-medium tabular-nums text-muted">{formatPercent(row.progress, locale)}</span>
              </span>
            </div>
            <ProgressBar
              value={row.progress}
              expected={expected}
              tone={row.status === "at_risk" ? "warning" : "success"}
              label={t(`rows.${row.key}`)}
              valueText={formatPercent(row.progress, locale)}
              size="sm"
            />
          </li>
        ))}
      </ul>
      <figcaption className="mt-5 border-t border-border pt-3 text-xs text-subtle">{t("caption")}</figcaption>
    </figure>
  );
}
