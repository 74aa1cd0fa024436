"use client";

import dynamic from "next/dynamic";
import { chartPlaceholder, drawWhenVisible } from "@/components/charts/draw-when-visible";

/** The quarter chart, its library loaded only when its place is about to scroll into view. */
export const LazyQuarterChart = drawWhenVisible(
  dynamic(() => import("./quarter-chart").then((module) => module.QuarterChart), { ssr: false, loading: () => chartPlaceholder }),
);
