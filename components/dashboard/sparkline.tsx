/**
 * A small trend line of weekly values (0–1), drawn as plain SVG: one per table row would be too
 * heavy as a chart library island. It is a picture with a name; the words are in `label`.
 */
export function Sparkline({ values, label, width = 96, height = 24 }: { values: Array<number | null>; label: string; width?: number; height?: number }) {
  const points = values.map((value, index) => ({ value, index })).filter((point): point is { value: number; index: number } => point.value !== null);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const x = (index: number) => 2 + index * step;
  const y = (value: number) => height - 2 - Math.min(1, Math.max(0, value)) * (height - 4);
  const path = points.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`).join(" ");
  const last = points.at(-1);
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <line x1="0" x2={width} y1={height - 2} y2={height - 2} stroke="var(--border)" strokeWidth="1" />
      {points.length > 1 ? <path d={path} fill="none" stroke="var(--progress-fill)" strokeWidth="1.75" strokeLinejoin="round" strokeLinecap="round" /> : null}
      {last ? <circle cx={x(last.index)} cy={y(last.value)} r="2.5" fill="var(--progress-fill)" /> : null}
    </svg>
  );
}
