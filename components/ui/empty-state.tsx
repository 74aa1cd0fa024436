import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

interface EmptyStateProps {
  icon?: LucideIcon;
  title: ReactNode;
  /** What to do next: an empty state always says it. */
  description: ReactNode;
  action?: ReactNode;
  className?: string;
}

export function EmptyState({ icon: Icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center gap-3 rounded-lg border border-dashed border-border-strong px-6 py-10 text-center", className)}>
      {Icon ? (
        <div className="flex size-10 items-center justify-center rounded-full bg-surface-muted text-subtle">
          <Icon className="size-5" aria-hidden />
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1">
        <p className="text-sm font-semibold text-fg">{title}</p>
        <p className="text-sm text-muted">{description}</p>
      </div>
      {action ? <div className="pt-1">{action}</div> : null}
    </div>
  );
}
