"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { CycleStatus } from "@/lib/domain";
import { cycleIsOpen } from "@/lib/okr/cycles";

interface Props {
  orgSlug: string;
  cycle: { id: string; name: string; status: CycleStatus; objectiveCount: number };
}

/** Activate (planning) and Close (planning or active, after saying what closing does). */
export function CycleActions({ orgSlug, cycle }: Props) {
  const t = useTranslations("cycles");
  const notify = useToast();
  const activate = useAction({
    run: () => api(`/api/orgs/${orgSlug}/cycles/${cycle.id}/activate`, { method: "POST" }),
    success: t("activated", { name: cycle.name }),
  });
  const close = useAction({
    run: () => api<{ scored: number }>(`/api/orgs/${orgSlug}/cycles/${cycle.id}/close`, { method: "POST" }),
    onSuccess: ({ scored }) => notify({ title: t("closed", { name: cycle.name, count: scored }) }),
  });
  if (!cycleIsOpen(cycle)) return null;
  return (
    <div className="flex justify-end gap-1">
      {cycle.status === "planning" ? (
        <Button size="sm" variant="secondary" loading={activate.isPending} onClick={() => activate.mutate()} aria-label={t("activateLabel", { name: cycle.name })}>
          {t("activate")}
        </Button>
      ) : null}
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="ghost" aria-label={t("closeLabel", { name: cycle.name })}>
            {t("close")}
          </Button>
        }
        title={t("closeTitle", { name: cycle.name })}
        description={t("closeDescription")}
        confirmLabel={t("closeConfirm")}
        destructive
        pending={close.isPending}
        onConfirm={() => close.mutateAsync()}
      >
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          <li>{t("closeFreezes")}</li>
          <li>{t("closeReflections")}</li>
          <li>{t("closeReadOnly")}</li>
        </ul>
        <p className="text-sm font-medium text-fg">{t("closeCount", { count: cycle.objectiveCount })}</p>
      </ConfirmDialog>
    </div>
  );
}
