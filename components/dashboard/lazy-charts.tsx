"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "@/components/ui/when-visible";

const placeholder = <div className="h-full min-h-32 w-full animate-pulse rounded-md bg-surface-muted" />;

/**
 * The chart library loads only in the browser, and only once a chart is about to scroll into
 * view: every number is already on the page in the summaries and tables around the charts.
 */
const ProgressLines = dynamic(() => import("./progress-lines").then((module) => module.ProgressLines), { ssr: false, loading: () => placeholder });
const DistributionBars = dynamic(() => import("./distribution-bars").then((module) => module.DistributionBars), { ssr: false, loading: () => placeholder });

export function LazyProgressLines(props: ComponentProps<typeof ProgressLines>) {
  return (
    <WhenVisible placeholder={placeholder}>
      <ProgressLines {...props} />
    </WhenVisible>
  );
}

export function LazyDistributionBars(props: ComponentProps<typeof DistributionBars>) {
  return (
    <WhenVisible placeholder={placeholder}>
      <DistributionBars {...props} />
    </WhenVisible>
  );
}
