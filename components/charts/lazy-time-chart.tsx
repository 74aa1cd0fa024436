"use client";

import dynamic from "next/dynamic";
import { chartPlaceholder, drawWhenVisible } from "./draw-when-visible";

export const LazyTimeChart = drawWhenVisible(
  dynamic(() => import("./time-chart").then((module) => module.TimeChart), { ssr: false, loading: () => chartPlaceholder }),
);
