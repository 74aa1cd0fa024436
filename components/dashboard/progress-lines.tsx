"use client";

import { useLocale } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format";

export interface ProgressLinesProps {
  /** Short labels of the weeks, oldest first. */
  weeks: string[];
  expected: Array<number | null>;
  points: Array<number | null>;
  height?: number;
}

const axisTick = { fill: "var(--fg-subtle)", fontSize: 11 };

/**
 * One objective's weekly progress (solid, with dots) against the expected line (dashed): a
 * picture only. The caller gives it a title, a summary in words and a table of the same numbers.
 */
export function ProgressLines({ weeks, expected, points, height = 150 }: ProgressLinesProps) {
  const locale = useLocale();
  const data = weeks.map((week, index) => ({ week, actual: points[index] ?? null, expected: expected[index] ?? null }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="week" tick={axisTick} stroke="var(--border-strong)" interval="preserveStartEnd" minTickGap={16} />
        <YAxis domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(value: number) => formatPercent(value, locale)} tick={axisTick} stroke="var(--border-strong)" width={44} />
        <Line dataKey="expected" stroke="var(--expected)" strokeOpacity={0.7} strokeWidth={1.5} strokeDasharray="6 4" dot={false} activeDot={false} isAnimationActive={false} connectNulls />
        <Line
          dataKey="actual"
          stroke="var(--progress-fill)"
          strokeWidth={2.5}
          dot={{ r: 3, fill: "var(--surface)", stroke: "var(--progress-fill)", strokeWidth: 2 }}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
