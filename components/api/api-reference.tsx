"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { Theme } from "@/lib/theme";
import "@scalar/api-reference-react/style.css";

function Loading() {
  const t = useTranslations("apiDocs");
  return <p className="px-4 py-8 text-sm text-muted sm:px-6">{t("loading")}</p>;
}

// Scalar renders in the browser only (a Vue app inside a React wrapper), from our own bundle: no
// script, font or stylesheet is fetched from anywhere but this server.
const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((scalar) => scalar.ApiReferenceReact), {
  ssr: false,
  loading: Loading,
});

/**
 * Scalar's default muted text and method colours fall short of WCAG AA contrast (3.2:1 grey, 1.6:1
 * yellow on white): darker ones in light mode, lighter ones in dark mode, all at 4.5:1 or more.
 */
const contrastCss = `
.light-mode {
  --scalar-color-3: #5f5f68;
  --scalar-color-green: #047857;
  --scalar-color-red: #b91c1c;
  --scalar-color-yellow: #855d00;
  --scalar-color-orange: #9a3412;
  --scalar-color-blue: #1d4ed8;
  --scalar-color-purple: #7e22ce;
}
.dark-mode {
  --scalar-color-3: #a9a9b2;
  --scalar-color-green: #4ade80;
  --scalar-color-red: #f87171;
  --scalar-color-yellow: #facc15;
  --scalar-color-orange: #fb923c;
  --scalar-color-blue: #60a5fa;
  --scalar-color-purple: #c084fc;
}`;

function prefersDark(theme: Theme): boolean {
  if (theme === "system") return typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  return theme === "dark";
}

/** The interactive reference of /api/openapi.json, in the site's theme. */
export function ApiReference({ theme }: { theme: Theme }) {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/openapi.json",
        forceDarkModeState: prefersDark(theme) ? "dark" : "light",
        hideDarkModeToggle: true,
        customCss: contrastCss,
        withDefaultFonts: false,
        telemetry: false,
        // "Test request" goes straight to this server, with the browser's own session.
        proxyUrl: "",
        showDeveloperTools: "never",
        // No "Ask AI" (it would send the document to Scalar's service) and no MCP integration.
        agent: { disabled: true },
        mcp: { disabled: true },
        documentDownloadType: "json",
      }}
    />
  );
}
