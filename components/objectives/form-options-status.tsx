"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** While a dialog's choices load, or when they could not: in place of its fields. */
export function FormOptionsStatus({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const t = useTranslations("formOptions");
  const tCommon = useTranslations("common");
  if (failed) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 text-sm text-danger">
        {t("failed")}
        <Button size="sm" variant="secondary" onClick={onRetry}>
          {tCommon("tryAgain")}
        </Button>
      </div>
    );
  }
  return (
    <p role="status" className="py-6 text-sm text-muted">
      {t("loading")}
    </p>
  );
}
