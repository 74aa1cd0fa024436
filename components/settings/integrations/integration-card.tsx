"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/api-client";
import { DeliveryLog } from "./delivery-log";
import { SecretNotice } from "./secret-notice";
import { eventKey, type IntegrationItem, type TeamOption } from "./types";

/** One webhook endpoint or chat channel: its state, what it sends, and what an admin can do with it. */
export function IntegrationCard({ orgSlug, item, teams }: { orgSlug: string; item: IntegrationItem; teams: TeamOption[] }) {
  const t = useTranslations("integrations");
  const tLanguage = useTranslations("language");
  const format = useFormatter();
  const base = `/api/orgs/${orgSlug}/integrations/${item.id}`;
  const label = item.description || item.url;
  const [showLog, setShowLog] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const test = useAction({ run: () => api(`${base}/test`, { method: "POST" }), success: t("testSent") });
  const toggle = useAction({ run: (enabled: boolean) => api(`${base}`, { method: "PATCH", body: { enabled } }), success: item.enabled ? t("pausedToast") : t("enabledToast") });
  const rotate = useAction({ run: () => api<{ secret: string }>(`${base}/rotate`, { method: "POST" }), onSuccess: (result) => setSecret(result.secret) });
  const remove = useAction({ run: () => api(base, { method: "DELETE" }), success: t("deleted") });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const team = teams.find((option) => option.id === item.checkInTeamId);
  const logId = `log-${item.id}`;
  return (
    <li className="flex flex-col gap-3 px-4 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-fg">{label}</span>
        {item.kind !== "webhook" ? <Badge tone="outline">{item.kind === "slack" ? t("kindSlack") : t("kindTeams")}</Badge> : null}
        {item.enabled ? <Badge tone="success">{t("state.active")}</Badge> : item.disabledReason === "failing" ? <Badge tone="danger">{t("state.failing")}</Badge> : <Badge tone="neutral">{t("state.paused")}</Badge>}
      </div>
      <p className="break-all font-mono text-xs text-muted">{item.url}</p>
      {item.kind === "webhook" ? (
        <p className="text-xs text-muted">{t("sends", { events: item.events.map((type) => t(`event.${eventKey(type) as "check_in_created"}`)).join(", ") })}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs text-muted">
          {item.postDigest ? <li>{t("postDigest")}</li> : null}
          {item.postStatusChanges ? <li>{t("postStatusChanges")}</li> : null}
          {team ? <li>{t("postsCheckInsOf", { team: team.name })}</li> : null}
          <li>{t("language", { language: tLanguage(item.locale) })}</li>
        </ul>
      )}
      {!item.enabled && item.disabledReason === "failing" && item.disabledAt && item.failingSince ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {t("failingNotice", { date: date(item.disabledAt), since: date(item.failingSince) })}
        </p>
      ) : item.failingSince ? (
        <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning">{t("failingSoon", { since: date(item.failingSince), count: item.consecutiveFailures })}</p>
      ) : null}
      {item.rotating ? <p className="text-xs text-muted">{t("rotating")}</p> : null}
      {secret ? <SecretNotice secret={secret} url={item.url} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" loading={test.isPending} onClick={() => test.mutate()} aria-label={item.kind === "webhook" ? t("sendTestFor", { name: label }) : t("sendTestMessageFor", { name: label })}>
          {item.kind === "webhook" ? t("sendTest") : t("sendTestMessage")}
        </Button>
        <Button size="sm" variant="secondary" loading={toggle.isPending} onClick={() => toggle.mutate(!item.enabled)} aria-label={item.enabled ? t("pauseFor", { name: label }) : t("enableFor", { name: label })}>
          {item.enabled ? t("pause") : t("enable")}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((open) => !open)}>
          {showLog ? t("hideLog") : t("showLog")}
        </Button>
        {item.kind === "webhook" ? (
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="ghost" aria-label={t("rotateFor", { name: label })}>
                {t("rotate")}
              </Button>
            }
            title={t("rotateTitle")}
            description={t("rotateDescription")}
            confirmLabel={t("rotate")}
            pending={rotate.isPending}
            onConfirm={() => rotate.mutateAsync()}
          />
        ) : null}
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="ghost" aria-label={t("deleteFor", { name: label })}>
              {t("delete")}
            </Button>
          }
          title={t("deleteTitle", { name: label })}
          description={t("deleteDescription")}
          confirmLabel={t("delete")}
          destructive
          pending={remove.isPending}
          onConfirm={() => remove.mutateAsync()}
        />
      </div>
      {showLog ? (
        <div id={logId}>
          <DeliveryLog orgSlug={orgSlug} integrationId={item.id} label={label} />
        </div>
      ) : null}
    </li>
  );
}
