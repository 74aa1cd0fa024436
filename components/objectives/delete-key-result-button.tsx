"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useAction } from "@/components/forms/use-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/api-client";

export function DeleteKeyResultButton({ orgSlug, keyResultId, title, trigger }: { orgSlug: string; keyResultId: string; title: string; trigger: ReactNode }) {
  const t = useTranslations("objectivePage");
  const remove = useAction({ run: () => api(`/api/orgs/${orgSlug}/key-results/${keyResultId}`, { method: "DELETE" }), success: t("keyResultDeleted") });
  return (
    <ConfirmDialog
      trigger={trigger}
      title={t("deleteKeyResultTitle", { title })}
      description={t("deleteKeyResultDescription")}
      confirmLabel={t("deleteForever")}
      destructive
      pending={remove.isPending}
      onConfirm={() => remove.mutateAsync()}
    />
  );
}
