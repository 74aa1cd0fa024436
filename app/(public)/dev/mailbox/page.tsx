import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listDevMessages } from "@/lib/mail/dev-mailbox";
import { mailDelivery } from "@/lib/mail/transport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devMailbox"))("title") };
}

/** Development only: every email the app sent without a mail server, newest first. */
export default async function DevMailboxPage() {
  if (mailDelivery() !== "dev-mailbox") notFound();
  const [t, format, messages] = await Promise.all([getTranslations("devMailbox"), getFormatter(), listDevMessages()]);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{t("title")}</h1>
        <p className="text-sm text-muted">{t("description")}</p>
      </div>
      {messages.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("listLabel")}>
          {messages.map((message) => (
            <li key={message.id}>
              <Link href={`/dev/mailbox/${message.id}`} className="flex flex-col gap-0.5 px-4 py-3 hover:bg-surface-muted focus-visible:bg-surface-muted">
                <span className="text-sm font-medium text-fg">{message.subject}</span>
                <span className="text-xs text-subtle">
                  {t("toAt", { to: message.to, when: format.dateTime(new Date(message.sentAt), { dateStyle: "medium", timeStyle: "short" }) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
