"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import type { MailKind } from "@/lib/domain";

export interface MailStatusView {
  delivery: "smtp" | "dev-mailbox" | "none";
  pending: number;
  failed: Array<{ id: string; kind: MailKind; toEmail: string; attempts: number; lastError: string | null; failedAt: string | null }>;
}

/** For admins: where mail goes, what waits, and what failed for good (with a way to try again). */
export function MailStatusPanel({ orgSlug, status }: { orgSlug: string; status: MailStatusView }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const retry = useAction({ run: (id: string) => api(`/api/orgs/${orgSlug}/mail/${id}/retry`, { method: "POST" }), success: t("retried") });
  return (
    <div className="flex flex-col gap-4">
      {status.delivery === "none" ? (
        <p role="alert" className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning">
          {t("noMailServer")}
        </p>
      ) : (
        <p className="text-sm text-muted">{status.delivery === "smtp" ? t("deliverySmtp") : t("deliveryDevMailbox")}</p>
      )}
      <p className="text-sm text-muted">{t("pending", { count: status.pending })}</p>
      {status.failed.length === 0 ? (
        <p className="text-sm text-subtle">{t("noFailures")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("failedList")}>
          {status.failed.map((mail) => (
            <li key={mail.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <Badge tone="danger">{t("failed")}</Badge>
              <span className="text-sm font-medium text-fg">{mail.toEmail}</span>
              <span className="text-xs text-subtle">{t(`kind.${mail.kind}`)}</span>
              {mail.failedAt ? <span className="text-xs text-subtle">{format.relativeTime(new Date(mail.failedAt))}</span> : null}
              <span className="basis-full text-xs text-muted">{t("lastError", { attempts: mail.attempts, error: mail.lastError ?? "" })}</span>
              <Button size="sm" variant="ghost" className="ml-auto" loading={retry.isPending && retry.variables === mail.id} onClick={() => retry.mutate(mail.id)} aria-label={t("retryFor", { email: mail.toEmail })}>
                {t("retry")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
