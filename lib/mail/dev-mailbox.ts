import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * The development mailbox: without SMTP_URL, outside production, every email is kept here as a
 * file (listed at /dev/mailbox) and its links are printed in the server's log, so the quick start
 * shows every message without a mail server. Files, not tables: it is a development convenience
 * and has no place in the schema.
 */
export const devMessage = z.object({
  id: z.string(),
  sentAt: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  links: z.array(z.string()),
});

export type DevMessage = z.infer<typeof devMessage>;

const folder = () => resolve(/*turbopackIgnore: true*/ process.cwd(), env().DEV_MAILBOX_DIR);
const safeId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

export async function storeDevMessage(message: DevMessage): Promise<void> {
  if (!safeId(message.id)) throw new Error("A development message needs its outbox id.");
  await mkdir(folder(), { recursive: true });
  await writeFile(join(folder(), `${message.id}.json`), JSON.stringify(message), "utf8");
  console.log(`[mail] to ${message.to}: "${message.subject}"${message.links.map((link) => `\n  ${link}`).join("")}`);
}

async function readMessage(file: string): Promise<DevMessage | null> {
  try {
    const parsed = devMessage.safeParse(JSON.parse(await readFile(join(folder(), file), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Newest first. */
export async function listDevMessages(limit = 200): Promise<DevMessage[]> {
  const files = await readdir(folder()).catch(() => [] as string[]);
  const messages = await Promise.all(files.filter((file) => file.endsWith(".json")).map(readMessage));
  return messages
    .filter((message): message is DevMessage => message !== null)
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
    .slice(0, limit);
}

export async function readDevMessage(id: string): Promise<DevMessage | null> {
  return safeId(id) ? readMessage(`${id}.json`) : null;
}
