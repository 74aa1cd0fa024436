"use client";

import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { DAY_MS, type ChartPoint } from "./series";

export interface TimeChartProps {
  actual: ChartPoint[];
  expected?: ChartPoint[] | null;
  threshold?: number | null;
  domainX: [number, number];
  domainY: [number, number];
  /** Fixed y ticks (a milestone's 0 and 1); else recharts picks them. */
  yTicks?: number[];
  formatTick: (value: number) => string;
  formatValue: (value: number) => string;
  formatDate: (time: number) => string;
  labels: { today: string };
  now?: number;
  height?: number;
}

const axisTick = { fill: "var(--fg-subtle)", fontSize: 11 };

/** Five dates across the axis, on day boundaries. */
function dateTicks([from, to]: [number, number]): number[] {
  const step = (to - from) / 4;
  return Array.from({ length: 5 }, (_, index) => Math.round((from + step * index) / DAY_MS) * DAY_MS);
}

/**
 * Values over time against a dashed expected line (or threshold). The chart is a picture only:
 * the caller wraps it with a text summary, a legend in words and a table of the same data.
 */
export function TimeChart({ actual, expected, threshold, domainX, domainY, yTicks, formatTick, formatValue, formatDate, labels, now, height = 220 }: TimeChartProps) {
  const latest = actual.at(-1);
  const showToday = now !== undefined && now > domainX[0] && now < domainX[1];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart margin={{ top: 20, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domainX}
          ticks={dateTicks(domainX)}
          tickFormatter={formatDate}
          tick={axisTick}
          stroke="var(--border-strong)"
          allowDuplicatedCategory={false}
        />
        <YAxis type="number" domain={domainY} ticks={yTicks} tickFormatter={formatTick} tick={axisTick} stroke="var(--border-strong)" width={64} />
        {showToday ? (
          <ReferenceLine x={now} stroke="var(--fg-subtle)" strokeDasharray="1 3" label={{ value: labels.today, position: "top", fill: "var(--fg-subtle)", fontSize: 11 }} />
        ) : null}
        {threshold !== null && threshold !== undefined ? (
          <ReferenceLine y={threshold} stroke="var(--expected)" strokeOpacity={0.7} strokeWidth={1.5} strokeDasharray="6 4" />
        ) : null}
        {expected ? (
          <Line data={expected} dataKey="value" stroke="var(--expected)" strokeOpacity={0.7} strokeWidth={1.5} strokeDasharray="6 4" dot={false} activeDot={false} isAnimationActive={false} />
        ) : null}
        <Line
          data={actual}
          dataKey="value"
          type="linear"
          stroke="var(--progress-fill)"
          strokeWidth={2.5}
          dot={(props) =>
            props.payload?.start ? (
              <g key={props.index} />
            ) : (
              <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} fill="var(--surface)" stroke="var(--progress-fill)" strokeWidth={2} />
            )
          }
          activeDot={false}
          isAnimationActive={false}
        />
        {latest && !latest.start ? (
          <ReferenceDot
            x={latest.t}
            y={latest.value}
            r={0}
            label={{ value: formatValue(latest.value), position: "top", fill: "var(--fg)", fontSize: 12, fontWeight: 600 }}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}
