import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { resetEnvForTests } from "@/lib/env";
import { closeMailTransport } from "@/lib/mail/transport";
import { until } from "./until";

/**
 * A real SMTP server for tests (smtp-server), on a port the system chooses: mail leaves through
 * nodemailer exactly as in production and arrives here, parsed by mailparser. `down()` makes it
 * refuse every message (as a broken relay does, with a temporary 451) until `up()`.
 */
export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  down(): void;
  up(): void;
  /** Resolves when `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The first message to `email` (waiting for it as `waitFor` does). */
  mailTo(email: string, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      if (refusing) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_URL = url;
  resetEnvForTests();
  return {
    url,
    messages,
    down: () => {
      refusing = true;
    },
    up: () => {
      refusing = false;
    },
    async waitFor(count, timeoutMs = 15_000) {
      await until(() => messages.length, (arrived) => arrived >= count, timeoutMs);
      return messages;
    },
    async mailTo(email, timeoutMs = 15_000) {
      const sentTo = (message: ParsedMail) => !!message.to && !Array.isArray(message.to) && message.to.text === email;
      const mail = await until(() => messages.find(sentTo), (found) => found !== undefined, timeoutMs);
      if (!mail) throw new Error(`No mail to ${email}`);
      return mail;
    },
    async close() {
      await closeMailTransport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      delete process.env.SMTP_URL;
      resetEnvForTests();
    },
  };
}

/** A header's value as it was sent (mailparser turns List-* headers into objects). */
export function headerText(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}
