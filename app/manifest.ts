import type { MetadataRoute } from "next";

/**
 * What a phone needs to add Retning to its home screen: it opens on My week (the weekly check-in,
 * the one thing everybody does every week) in a window of its own. /account/my-week sends a
 * person to My week of their organisation, or to sign in first.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Retning",
    short_name: "Retning",
    description: "Objectives and key results: weekly check-ins, alignment and a dashboard for leadership.",
    id: "/",
    start_url: "/account/my-week",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#fafafa",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [{ name: "My week", short_name: "My week", url: "/account/my-week", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] }],
  };
}
