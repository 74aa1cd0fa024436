"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import { CopyLink } from "./copy-link";

interface Invitation {
  id: string;
  email: string;
  role: "owner" | "admin" | "member";
  invitedBy: string | null;
  expiresAt: string;
  expired: boolean;
}

export function InvitationList({ orgSlug, invitations }: { orgSlug: string; invitations: Invitation[] }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const [fresh, setFresh] = useState<{ id: string; url: string } | null>(null);
  const revoke = useAction({ run: (id: string) => api(`/api/orgs/${orgSlug}/invitations/${id}`, { method: "DELETE" }), success: t("revoked") });
  const resend = useAction({
    run: (id: string) => api<{ invitation: { id: string; url: string } }>(`/api/orgs/${orgSlug}/invitations/${id}/resend`, { method: "POST" }),
    onSuccess: ({ invitation }) => setFresh({ id: invitation.id, url: invitation.url }),
    success: t("resent"),
  });

  if (invitations.length === 0) return <p className="text-sm text-subtle">{t("noPending")}</p>;
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-col gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="text-sm font-medium text-fg">{invitation.email}</span>
            <Badge tone="outline">{tRoles(invitation.role)}</Badge>
            {invitation.expired ? (
              <Badge tone="warning">{t("expired")}</Badge>
            ) : (
              <span className="text-xs text-subtle">{t("expires", { when: format.relativeTime(new Date(invitation.expiresAt)) })}</span>
            )}
            {invitation.invitedBy ? <span className="text-xs text-subtle">{t("invitedBy", { name: invitation.invitedBy })}</span> : null}
            <span className="ml-auto flex gap-1">
              <Button size="sm" variant="ghost" loading={resend.isPending && resend.variables === invitation.id} onClick={() => resend.mutate(invitation.id)}>
                {t("newLink")}
              </Button>
              <Button size="sm" variant="ghost" loading={revoke.isPending && revoke.variables === invitation.id} onClick={() => revoke.mutate(invitation.id)} aria-label={t("revokeFor", { email: invitation.email })}>
                {t("revoke")}
              </Button>
            </span>
          </div>
          {fresh?.id === invitation.id ? <CopyLink url={fresh.url} label={t("inviteLink")} /> : null}
        </li>
      ))}
    </ul>
  );
}
