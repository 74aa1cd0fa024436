import { render } from "@react-email/render";
import type { Locale, MailKind } from "@/lib/domain";
import { mailKindSpecs } from "./kinds";
import { appLink } from "./link-secrets";
import { mailTranslator } from "./translate";
import { unsubscribeToken } from "./unsubscribe-token";

/** Headings keep their case in the plain-text part (html-to-text shouts them by default). */
const plainText = {
  selectors: ["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } })),
};

export interface StoredMail {
  id: string;
  orgId: string | null;
  kind: MailKind;
  toUserId: string | null;
  locale: Locale;
  data: unknown;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Every link the message carries, for the development mailbox's log line. */
  links: string[];
}

/**
 * Turns a stored message into subject, HTML and plain text in the recipient's language. Its data
 * is checked against the kind's schema first: a row is input like any other.
 */
export async function renderMail(mail: StoredMail): Promise<RenderedMail> {
  const spec = mailKindSpecs[mail.kind];
  // Each kind's spec pairs its schema with its template; TypeScript cannot follow the pairing
  // through the lookup, so the union of specs is used through one kind's view of it.
  const kind = spec as (typeof mailKindSpecs)["sign_up_existing"];
  const data = kind.data.parse(mail.data);
  const unsubscribe =
    spec.topic && mail.orgId && mail.toUserId ? appLink(`/unsubscribe/${unsubscribeToken({ orgId: mail.orgId, userId: mail.toUserId, topic: spec.topic })}`) : undefined;
  const links = { action: kind.action(data), ...kind.extraLinks?.(data), unsubscribe };
  const { subject, element } = kind.compose({ t: mailTranslator(mail.locale), locale: mail.locale, links }, data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: plainText })]);
  const headers: Record<string, string> = {};
  if (unsubscribe) {
    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to this address, no sign-in needed.
    headers["List-Unsubscribe"] = `<${unsubscribe.replace("/unsubscribe/", "/api/unsubscribe/")}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return { subject, html, text, headers, links: Object.values(links).filter((link): link is string => typeof link === "string") };
}
