/** A legend in words; the small line samples repeat what the words say. */
export function ChartLegend({ label, items }: { label: string; items: Array<{ kind: "actual" | "expected"; text: string }> }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
      {items.map((item) => (
        <li key={item.kind} className="flex items-center gap-2">
          <svg aria-hidden width="28" height="10" viewBox="0 0 28 10" className="shrink-0">
            {item.kind === "actual" ? (
              <>
                <line x1="0" y1="5" x2="28" y2="5" stroke="var(--progress-fill)" strokeWidth="2.5" />
                <circle cx="14" cy="5" r="3.5" fill="var(--surface)" stroke="var(--progress-fill)" strokeWidth="2" />
              </>
            ) : (
              <line x1="0" y1="5" x2="28" y2="5" stroke="var(--expected)" strokeOpacity="0.7" strokeWidth="1.5" strokeDasharray="6 4" />
            )}
          </svg>
          {item.text}
        </li>
      ))}
    </ul>
  );
}
