"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";

export function AcceptInvitation({ token, orgName }: { token: string; orgName: string }) {
  const t = useTranslations("invite");
  const form = useApiForm({
    submit: () => api<{ redirectTo: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: "POST" }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-4">
      <FormAlert message={form.formError} />
      <Button type="submit" loading={form.pending} className="w-full">
        {t("join", { name: orgName })}
      </Button>
    </form>
  );
}
