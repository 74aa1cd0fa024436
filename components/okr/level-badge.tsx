import { Building2, User, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ObjectiveLevel } from "@/lib/domain";
import { cn } from "@/lib/cn";

const icons = { company: Building2, team: Users, individual: User } as const;

export function LevelBadge({ level, label, className }: { level: ObjectiveLevel; label?: string | null; className?: string }) {
  const t = useTranslations("okr.level");
  const Icon = icons[level];
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs text-subtle", className)}>
      <Icon className="size-3.5" aria-hidden />
      {label ?? t(level)}
    </span>
  );
}
