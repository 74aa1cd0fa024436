"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface QuarterPoint {
  label: string;
  /** Average score, 0–1; null without scored objectives. */
  score: number | null;
  /** Check-in rate, 0–1; null without key-result weeks. */
  rate: number | null;
}

export interface QuarterChartProps {
  points: QuarterPoint[];
  /** Where success starts (0.7), drawn as a dashed line across the bars. */
  threshold: number;
  scoreTicks: Array<{ value: number; label: string }>;
  rateTicks: Array<{ value: number; label: string }>;
  height?: number;
}

const axisTick = { fill: "var(--fg-subtle)", fontSize: 11 };

/**
 * Each closed cycle's average score as a bar (left axis, 0–1) against the success line, and its
 * check-in rate as a line (right axis, 0–100 %). A picture only: the card around it says the same
 * in words and in a table. Tick labels come formatted from the server (lib/format.ts).
 */
export function QuarterChart({ points, threshold, scoreTicks, rateTicks, height = 220 }: QuarterChartProps) {
  const scoreLabel = new Map(scoreTicks.map((tick) => [tick.value, tick.label]));
  const rateLabel = new Map(rateTicks.map((tick) => [tick.value, tick.label]));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={points} margin={{ top: 12, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} stroke="var(--border-strong)" interval={0} />
        <YAxis
          yAxisId="score"
          domain={[0, 1]}
          ticks={scoreTicks.map((tick) => tick.value)}
          tickFormatter={(value: number) => scoreLabel.get(value) ?? ""}
          tick={axisTick}
          stroke="var(--border-strong)"
          width={36}
        />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 1]}
          ticks={rateTicks.map((tick) => tick.value)}
          tickFormatter={(value: number) => rateLabel.get(value) ?? ""}
          tick={axisTick}
          stroke="var(--border-strong)"
          width={44}
        />
        <Bar yAxisId="score" dataKey="score" fill="var(--progress-fill)" fillOpacity={0.85} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
        <ReferenceLine yAxisId="score" y={threshold} stroke="var(--success-bar)" strokeWidth={1.5} strokeDasharray="6 4" />
        <Line
          yAxisId="rate"
          dataKey="rate"
          type="linear"
          stroke="var(--expected)"
          strokeOpacity={0.75}
          strokeWidth={2}
          dot={{ r: 3, fill: "var(--surface)", stroke: "var(--expected)", strokeWidth: 2 }}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
