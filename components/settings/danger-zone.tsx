"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { api } from "@/lib/api-client";

interface Props {
  orgSlug: string;
  orgName: string;
  canDelete: boolean;
  isLastOwner: boolean;
}

export function DangerZone({ orgSlug, orgName, canDelete, isLastOwner }: Props) {
  const t = useTranslations("settings");
  const [confirmSlug, setConfirmSlug] = useState("");
  const go = ({ redirectTo }: { redirectTo: string }) => window.location.assign(redirectTo);
  const leave = useAction({ run: () => api<{ redirectTo: string }>(`/api/orgs/${orgSlug}/leave`, { method: "POST" }), onSuccess: go });
  const remove = useAction({
    run: () => api<{ redirectTo: string }>(`/api/orgs/${orgSlug}`, { method: "DELETE", body: { confirmSlug } }),
    onSuccess: go,
  });

  return (
    <section aria-labelledby="danger-heading" className="mt-10 flex max-w-2xl flex-col gap-4 rounded-lg border border-danger/30 p-5">
      <h2 id="danger-heading" className="text-sm font-semibold text-danger">
        {t("dangerZone")}
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p className="text-sm font-medium text-fg">{t("leaveTitle")}</p>
          <p className="text-sm text-muted">{isLastOwner ? t("leaveLastOwner") : t("leaveDescription")}</p>
        </div>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={isLastOwner}>
              {t("leave")}
            </Button>
          }
          title={t("leaveConfirmTitle", { name: orgName })}
          description={t("leaveConfirmDescription")}
          confirmLabel={t("leave")}
          destructive
          pending={leave.isPending}
          onConfirm={() => leave.mutateAsync()}
        />
      </div>
      {canDelete ? (
        <div className="flex flex-col gap-3 border-t border-border pt-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <p className="text-sm font-medium text-fg">{t("deleteTitle")}</p>
            <p className="text-sm text-muted">{t("deleteDescription")}</p>
          </div>
          <ConfirmDialog
            trigger={<Button variant="danger">{t("delete")}</Button>}
            title={t("deleteConfirmTitle", { name: orgName })}
            description={t("deleteConfirmDescription")}
            confirmLabel={t("deleteForever")}
            destructive
            pending={remove.isPending}
            onConfirm={() => remove.mutateAsync()}
          >
            <Field id="confirm-slug" label={t("typeToConfirm", { slug: orgSlug })}>
              <Input id="confirm-slug" value={confirmSlug} onChange={(event) => setConfirmSlug(event.target.value)} autoComplete="off" />
            </Field>
          </ConfirmDialog>
        </div>
      ) : null}
    </section>
  );
}
