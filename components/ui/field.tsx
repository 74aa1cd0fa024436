import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Label } from "./label";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | readonly string[];
  className?: string;
  /** The control; give it `id`, and `aria-describedby={describedBy(id, …)}` from this file. */
  children: ReactNode;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The ids a control should name in aria-describedby, given what its Field shows. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [hint ? hintId(id) : null, hasError(error) ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function hasError(error: unknown): boolean {
  return Array.isArray(error) ? error.length > 0 : Boolean(error);
}

/** Label, control, hint and error in one column; the error is announced with the control. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const message = Array.isArray(error) ? error.join(" ") : error;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={hintId(id)} className="text-xs text-subtle">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId(id)} className="text-xs font-medium text-danger">
          {message}
        </p>
      ) : null}
    </div>
  );
}
