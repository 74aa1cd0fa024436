import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A native checkbox with its label beside it (and an optional line of explanation under the label). */
export function CheckboxField({ id, label, hint, className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <input id={id} type="checkbox" className="mt-0.5 size-4 shrink-0 rounded border-border-strong accent-accent" aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-subtle">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
