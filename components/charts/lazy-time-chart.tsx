"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "@/components/ui/when-visible";

const placeholder = <div className="h-full min-h-32 w-full animate-pulse rounded-md bg-surface-muted" />;

/**
 * The chart library is loaded only where a chart is drawn, once it is about to scroll into view:
 * the summary, legend and table around it are plain HTML and need none of it.
 */
const TimeChart = dynamic(() => import("./time-chart").then((module) => module.TimeChart), { ssr: false, loading: () => placeholder });

export function LazyTimeChart(props: ComponentProps<typeof TimeChart>) {
  return (
    <WhenVisible placeholder={placeholder}>
      <TimeChart {...props} />
    </WhenVisible>
  );
}
