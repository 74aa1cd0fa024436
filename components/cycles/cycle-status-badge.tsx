import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CycleStatus } from "@/lib/domain";

const tones: Record<CycleStatus, BadgeTone> = { planning: "outline", active: "accent", closed: "neutral" };

/** A cycle's status; the label comes translated from the "cycleStatus" messages. */
export function CycleStatusBadge({ status, label }: { status: CycleStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
