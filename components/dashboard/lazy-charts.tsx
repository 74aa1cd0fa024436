"use client";

import dynamic from "next/dynamic";

const placeholder = () => <div className="h-full min-h-32 w-full animate-pulse rounded-md bg-surface-muted" />;

/**
 * The chart library loads only in the browser, after the page is interactive: every number is
 * already on the page in the summaries and tables around the charts.
 */
export const LazyProgressLines = dynamic(() => import("./progress-lines").then((module) => module.ProgressLines), { ssr: false, loading: placeholder });
export const LazyDistributionBars = dynamic(() => import("./distribution-bars").then((module) => module.DistributionBars), { ssr: false, loading: placeholder });
