"use client";

import { Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";

export function UseExampleButton({ orgSlug, cycleId }: { orgSlug: string; cycleId: string }) {
  const t = useTranslations("gettingStarted");
  const create = useAction({
    run: () => api<{ redirectTo: string }>(`/api/orgs/${orgSlug}/getting-started/example`, { body: { cycleId } }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <Button size="sm" variant="secondary" loading={create.isPending} onClick={() => create.mutate()}>
      <Sparkles aria-hidden />
      {t("useExample")}
    </Button>
  );
}
