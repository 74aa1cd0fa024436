import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { Status } from "@/lib/okr/progress";

export const STATUS_ORDER = ["on_track", "at_risk", "off_track", "stale", "not_started"] as const satisfies readonly Status[];

/**
 * Each status has a fill and a texture, so neighbouring segments differ in more than hue: stale is
 * striped, not started is hollow. The legend and the accessible name say the counts in words.
 */
export const segmentClasses: Record<Status, string> = {
  on_track: "bg-success-bar",
  at_risk: "bg-warning-bar",
  off_track: "bg-danger-bar",
  stale: "bg-stale-bar bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgb(255_255_255/0.45)_3px_5px)]",
  not_started: "bg-surface border border-dashed border-border-strong",
};

type Counts = Record<Status, number>;

/** "On track: 4, At risk: 1, …": the words behind a stacked bar. */
export function useStatusSummary() {
  const t = useTranslations("dashboard.status");
  const tStatus = useTranslations("okr.status");
  return (counts: Counts) => STATUS_ORDER.map((status) => t("item", { status: tStatus(status), count: counts[status] })).join(", ");
}

/** A stacked bar of key results by status; `size="sm"` for table cells. */
export function StatusBar({ counts, label, size = "md", className }: { counts: Counts; label: string; size?: "sm" | "md"; className?: string }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <div role="img" aria-label={label} className={cn("flex w-full gap-px overflow-hidden rounded-sm bg-progress-track", size === "sm" ? "h-2" : "h-5", className)}>
      {total > 0
        ? STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => (
            <div key={status} className={cn("h-full first:rounded-l-sm last:rounded-r-sm", segmentClasses[status])} style={{ width: `${(counts[status] / total) * 100}%` }} />
          ))
        : null}
    </div>
  );
}

export function StatusSwatch({ status, className }: { status: Status; className?: string }) {
  return <span aria-hidden className={cn("inline-block size-3 shrink-0 rounded-sm", segmentClasses[status], className)} />;
}

/** The legend in words, each status linking to the explorer filtered on it. */
export function StatusLegend({ counts, hrefFor }: { counts: Counts; hrefFor: (status: Status) => string }) {
  const t = useTranslations("dashboard.status");
  const tStatus = useTranslations("okr.status");
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-3">
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <Link
            href={hrefFor(status)}
            className="group inline-flex items-center gap-2 rounded-sm text-muted hover:text-fg"
            title={t("open", { status: tStatus(status).toLowerCase() })}
          >
            <StatusSwatch status={status} />
            <span className="group-hover:underline">{tStatus(status)}</span>
            <span className="font-semibold text-fg tabular-nums">{counts[status]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
