import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";

const catalogues: Record<Locale, typeof en> = { en, nb };

/** Emails are written in the recipient's language, outside any request: the "email" catalogue. */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "email" });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;
