import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { storeDevMessage } from "./dev-mailbox";
import type { RenderedMail } from "./render";

/** Where mail goes: a real SMTP server, the development mailbox, or nowhere yet (it waits). */
export type MailDelivery = "smtp" | "dev-mailbox" | "none";

export function mailDelivery(): MailDelivery {
  const { SMTP_URL, NODE_ENV } = env();
  if (SMTP_URL) return "smtp";
  return NODE_ENV === "production" ? "none" : "dev-mailbox";
}

const holder = globalThis as typeof globalThis & { __retningSmtp?: { url: string; transporter: Transporter } };

function smtp(url: string): Transporter {
  if (holder.__retningSmtp?.url !== url) {
    holder.__retningSmtp?.transporter.close();
    // A small pool: a reminder run hands thousands of messages over a few kept connections
    // instead of a handshake each. Timeouts so that a server that hangs fails the attempt (and the
    // job retries) instead of holding a worker.
    const transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    holder.__retningSmtp = { url, transporter };
  }
  return holder.__retningSmtp.transporter;
}

export async function closeMailTransport(): Promise<void> {
  holder.__retningSmtp?.transporter.close();
  holder.__retningSmtp = undefined;
}

export interface Envelope {
  id: string;
  to: string;
}

/** Hands one rendered message to the mail server (or the development mailbox). Throws if it is refused. */
export async function deliver(envelope: Envelope, mail: RenderedMail): Promise<void> {
  const { SMTP_URL, mailFrom, appUrl } = env();
  if (SMTP_URL) {
    await smtp(SMTP_URL).sendMail({
      from: mailFrom,
      to: envelope.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      // The outbox id: a receiving system that sees it twice can tell it is the same message.
      messageId: `<${envelope.id}@${new URL(appUrl).hostname}>`,
    });
    return;
  }
  if (mailDelivery() === "dev-mailbox") {
    await storeDevMessage({ id: envelope.id, sentAt: now().toISOString(), from: mailFrom, to: envelope.to, ...mail });
    return;
  }
  throw new Error("No mail server is configured (SMTP_URL).");
}
