import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage } from "./config";
import en from "./messages/en.json";
import nb from "./messages/nb.json";

const catalogues = { en, nb } as const;

/** The language switch writes the cookie (and a signed-in person's preference); else the browser decides. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  return { locale, messages: catalogues[locale], timeZone: process.env.APP_TIME_ZONE ?? "Europe/Oslo" };
});
