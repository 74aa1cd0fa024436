import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { readDevMessage } from "@/lib/mail/dev-mailbox";
import { mailDelivery } from "@/lib/mail/transport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devMailbox"))("title") };
}

/** One development email: its links to click, the HTML as a mail client shows it, and the plain text. */
export default async function DevMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (mailDelivery() !== "dev-mailbox") notFound();
  const message = await readDevMessage((await params).id);
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("devMailbox"), getFormatter()]);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-10 sm:px-6">
      <Link href="/dev/mailbox" className="text-sm font-medium text-accent-text hover:underline">
        {t("back")}
      </Link>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{message.subject}</h1>
        <p className="text-sm text-muted">{t("toAt", { to: message.to, when: format.dateTime(new Date(message.sentAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </div>
      <section aria-labelledby="links" className="flex flex-col gap-2">
        <h2 id="links" className="text-sm font-semibold text-fg">
          {t("links")}
        </h2>
        <ul className="flex flex-col gap-1">
          {message.links.map((link) => (
            <li key={link}>
              <a href={link} className="break-all text-sm text-accent-text hover:underline">
                {link}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="html" className="flex flex-col gap-2">
        <h2 id="html" className="text-sm font-semibold text-fg">
          {t("html")}
        </h2>
        <iframe title={t("htmlFrame", { subject: message.subject })} srcDoc={message.html} sandbox="" className="h-[32rem] w-full rounded-lg border border-border bg-white" />
      </section>
      <section aria-labelledby="text" className="flex flex-col gap-2">
        <h2 id="text" className="text-sm font-semibold text-fg">
          {t("text")}
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-border bg-surface p-4 text-xs text-fg">{message.text}</pre>
      </section>
      {Object.keys(message.headers).length > 0 ? (
        <section aria-labelledby="headers" className="flex flex-col gap-2">
          <h2 id="headers" className="text-sm font-semibold text-fg">
            {t("headers")}
          </h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-border bg-surface p-4 text-xs text-fg">
            {Object.entries(message.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join("\n")}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
