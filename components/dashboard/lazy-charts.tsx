"use client";

import dynamic from "next/dynamic";
import { chartPlaceholder, drawWhenVisible } from "@/components/charts/draw-when-visible";

export const LazyProgressLines = drawWhenVisible(
  dynamic(() => import("./progress-lines").then((module) => module.ProgressLines), { ssr: false, loading: () => chartPlaceholder }),
);
export const LazyDistributionBars = drawWhenVisible(
  dynamic(() => import("./distribution-bars").then((module) => module.DistributionBars), { ssr: false, loading: () => chartPlaceholder }),
);
