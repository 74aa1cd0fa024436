"use client";

import dynamic from "next/dynamic";

/**
 * The chart library is loaded only where a chart is drawn, after the page is interactive: the
 * summary, legend and table around it are plain HTML and need none of it.
 */
export const LazyTimeChart = dynamic(() => import("./time-chart").then((module) => module.TimeChart), {
  ssr: false,
  loading: () => <div className="h-full min-h-32 w-full animate-pulse rounded-md bg-surface-muted" />,
});
