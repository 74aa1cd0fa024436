"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";

/** "Send this week's reminders now": the scheduled run's rules, and still at most one per person per week. */
export function SendRemindersNow({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("notifications");
  const [result, setResult] = useState<{ owing: number; written: number } | null>(null);
  const send = useAction({
    run: () => api<{ owing: number; written: number }>(`/api/orgs/${orgSlug}/reminders/send`, { method: "POST" }),
    onSuccess: setResult,
  });
  return (
    <div className="flex flex-col items-start gap-3">
      <Button variant="secondary" loading={send.isPending} onClick={() => send.mutate()}>
        {t("sendNow")}
      </Button>
      {result ? (
        <p role="status" className="text-sm text-fg">
          {result.owing === 0 ? t("sentNobody") : t("sentResult", { written: result.written, already: result.owing - result.written })}
        </p>
      ) : null}
    </div>
  );
}
