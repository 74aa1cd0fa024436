import type { ReactNode } from "react";

export function AuthCard({ title, description, children, footer }: { title: string; description?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 px-4 py-12 sm:py-20">
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      <div className="rounded-lg border border-border bg-surface p-6 shadow-card">{children}</div>
      {footer ? <p className="text-center text-sm text-muted">{footer}</p> : null}
    </div>
  );
}
