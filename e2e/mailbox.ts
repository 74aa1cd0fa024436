import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { E2E_MAIL_DIR } from "./mail-dir";

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Every message the app has sent over SMTP so far, oldest first. */
export function caughtMail(): CaughtMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(E2E_MAIL_DIR).filter((file) => file.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return files.map((file) => JSON.parse(readFileSync(join(E2E_MAIL_DIR, file), "utf8")) as CaughtMail);
}

/** Waits for mail to `to` (whose subject matches, if given) and returns all of it. */
export async function mailTo(to: string, subject?: RegExp, count = 1): Promise<CaughtMail[]> {
  let found: CaughtMail[] = [];
  await expect
    .poll(
      () => {
        found = caughtMail().filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(mail.subject)));
        return found.length;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link in a message's plain text that starts with `prefix` (…/reset-password/). */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/]/g, "\\/")}[^\\s)\\]]+`));
  if (!match) throw new Error(`No ${pathPrefix} link in "${mail.subject}":\n${mail.text}`);
  return match[0];
}
