import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/shell/providers";
import { currentTheme } from "@/lib/theme-server";
import "./globals.css";

// Served from our own origin: no font service is called at build or run time. "optional": the
// text is drawn once, in Inter when it arrives in time (preloaded, then cached) and otherwise in
// the size-adjusted fallback, instead of being drawn again when the font lands.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "optional",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · Retning` },
    description: t("description"),
    icons: { icon: "/icon.svg", apple: "/icons/apple-touch-icon.png" },
    // Added to a phone's home screen, it opens as an app of its own (app/manifest.ts).
    appleWebApp: { capable: true, title: "Retning", statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b0e" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = await currentTheme();
  const t = await getTranslations("common");
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme} className={inter.variable} suppressHydrationWarning>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[100] focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:shadow-lg">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <Providers closeLabel={t("close")} notificationsLabel={t("notifications")}>
            {children}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
