import { CircleAlert, CircleCheck, CircleDashed, CircleX, Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProgressTone } from "@/components/ui/progress-bar";
import type { Status } from "@/lib/okr/progress";

const look: Record<Status, { tone: BadgeTone; bar: ProgressTone; icon: typeof CircleCheck }> = {
  on_track: { tone: "success", bar: "success", icon: CircleCheck },
  at_risk: { tone: "warning", bar: "warning", icon: CircleAlert },
  off_track: { tone: "danger", bar: "danger", icon: CircleX },
  stale: { tone: "stale", bar: "stale", icon: Clock },
  not_started: { tone: "outline", bar: "accent", icon: CircleDashed },
};

export function statusTone(status: Status | null): ProgressTone {
  return status ? look[status].bar : "accent";
}

/** A status in words with an icon: colour is never the only cue. */
export function StatusBadge({ status, className }: { status: Status | null; className?: string }) {
  const t = useTranslations("okr.status");
  if (!status) return null;
  const { tone, icon: Icon } = look[status];
  return (
    <Badge tone={tone} className={className}>
      <Icon aria-hidden />
      {t(status)}
    </Badge>
  );
}
