import type { ReactElement } from "react";
import type { Locale } from "@/lib/domain";
import type { MailTranslator } from "../translate";

export interface ComposeInput {
  t: MailTranslator;
  locale: Locale;
  links: {
    /** The email's one action (join, reset, confirm, open My week …), built from APP_URL. */
    action?: string;
    /** One-click unsubscribe for notifications, the same URL as the List-Unsubscribe header. */
    unsubscribe?: string;
    /** Other links a template needs, by name (the review deck, an objective …). */
    [name: string]: string | undefined;
  };
}

export interface Composed {
  subject: string;
  element: ReactElement;
}
