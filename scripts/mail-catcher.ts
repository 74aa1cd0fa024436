import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The journeys' mail catcher: a real SMTP server (on a port the system picks) that writes every
 * message the app sends, as JSON, to `dir` for the journeys to read (e2e/mailbox.ts). Production
 * has no development mailbox, so the e2e servers send over SMTP like a deployment does.
 * Answers the smtp:// URL to give the app.
 */
export async function startMailCatcher(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
          const headers = Object.fromEntries(mail.headerLines.map((line) => [line.key, line.line.slice(line.line.indexOf(":") + 1).trim()]));
          const file = join(dir, `${String(++count).padStart(6, "0")}.json`);
          writeFileSync(file, JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: mail.html || "", headers }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return `smtp://127.0.0.1:${address.port}`;
}
