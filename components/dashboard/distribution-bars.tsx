"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

const axisTick = { fill: "var(--fg-subtle)", fontSize: 11 };

/**
 * Objectives per 10 % progress bucket, each bar labelled with its count: a picture, in which a
 * click on a bar opens the objectives it counts (the table beside it has the same links for
 * keyboards and screen readers).
 */
export function DistributionBars({ buckets, height = 220 }: { buckets: Array<{ label: string; count: number; href?: string }>; height?: number }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={buckets} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} stroke="var(--border-strong)" interval={0} angle={-30} textAnchor="end" height={44} />
        <YAxis allowDecimals={false} tick={axisTick} stroke="var(--border-strong)" width={32} />
        <Bar
          dataKey="count"
          fill="var(--progress-fill)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const href = buckets[index]?.href;
            if (href) router.push(href);
          }}
        >
          <LabelList dataKey="count" position="top" fill="var(--fg)" fontSize={11} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
