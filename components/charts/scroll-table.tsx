import type { ReactNode } from "react";

/**
 * A table that may be wider than its dialog: its scrolling box is a named region in the tab order,
 * so keyboard users can scroll it too (components/ui/table's box is not focusable).
 */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="w-full overflow-x-auto rounded-b-md">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
