"use client";

import type { ComponentType } from "react";
import { WhenVisible } from "@/components/ui/when-visible";

/** What a chart's place shows, at its size, until the chart is drawn. */
export const chartPlaceholder = <div className="h-full min-h-32 w-full animate-pulse rounded-md bg-surface-muted" />;

/**
 * A chart (a next/dynamic component of the chart library) drawn once its place is about to
 * scroll into view: until then neither the library nor the drawing costs anything, and the
 * summary, legend and table around it already say what it shows.
 */
export function drawWhenVisible<P extends object>(Chart: ComponentType<P>) {
  return function ChartWhenVisible(props: P) {
    return (
      <WhenVisible placeholder={chartPlaceholder}>
        <Chart {...props} />
      </WhenVisible>
    );
  };
}
