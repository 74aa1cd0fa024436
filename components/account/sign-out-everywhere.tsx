"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/api-client";

export function SignOutEverywhere() {
  const t = useTranslations("account");
  const action = useAction({
    run: () => api<{ redirectTo: string }>("/api/session/everywhere", { method: "POST" }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("signOutEverywhere")}</Button>}
      title={t("signOutEverywhereTitle")}
      description={t("signOutEverywhereDescription")}
      confirmLabel={t("signOutEverywhere")}
      pending={action.isPending}
      onConfirm={() => action.mutateAsync()}
    />
  );
}
