"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/api-client";

export function ConfirmSignUpButton({ token, label }: { token: string; label: string }) {
  const t = useTranslations("errors");
  const confirm = useMutation({
    mutationFn: () => api<{ redirectTo: string }>(`/api/sign-up/confirm/${encodeURIComponent(token)}`, { method: "POST" }),
    // A full navigation, so every server component reads the new session.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const error = confirm.error instanceof ApiError ? confirm.error.message : confirm.error ? t("internal") : null;
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={error} />
      <Button className="w-full" loading={confirm.isPending || confirm.isSuccess} onClick={() => confirm.mutate()}>
        {label}
      </Button>
    </div>
  );
}
