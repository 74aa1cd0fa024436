"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";

export function UnsubscribeButton({ token, label, done }: { token: string; label: string; done: string }) {
  const t = useTranslations("errors");
  const stop = useMutation({ mutationFn: () => api(`/api/unsubscribe/${encodeURIComponent(token)}`, { method: "POST" }) });
  if (stop.isSuccess) {
    return (
      <p role="status" className="text-sm text-fg">
        {done}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={stop.isError ? t("internal") : null} />
      <Button className="w-full" loading={stop.isPending} onClick={() => stop.mutate()}>
        {label}
      </Button>
    </div>
  );
}
