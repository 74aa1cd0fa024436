"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartLine } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { api } from "@/lib/api-client";
import { KeyResultHistoryView, type KeyResultHistoryData } from "./key-result-history-view";

interface Props {
  orgSlug: string;
  keyResultId: string;
  title: string;
  /** Changes with every check-in (its last check-in time), so an open history is never out of date. */
  version: string | null;
}

/** A key result's "History" button: its value over time in a dialog, fetched when opened. */
export function KeyResultHistoryButton({ orgSlug, keyResultId, title, version }: Props) {
  const t = useTranslations("charts");
  const tCommon = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" aria-label={t("buttonFor", { title })}>
          <ChartLine aria-hidden />
          <span className="hidden sm:inline">{t("button")}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={title} closeLabel={tCommon("close")} className="max-w-2xl">
        {open ? <HistoryLoader orgSlug={orgSlug} keyResultId={keyResultId} version={version} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function HistoryLoader({ orgSlug, keyResultId, version }: Omit<Props, "title">) {
  const t = useTranslations("charts");
  const tCommon = useTranslations("common");
  const [now] = useState(() => Date.now());
  const query = useQuery({
    queryKey: ["key-result-history", orgSlug, keyResultId, version],
    queryFn: () => api<{ history: KeyResultHistoryData }>(`/api/orgs/${orgSlug}/key-results/${keyResultId}/history`),
  });
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-muted">
        {t("loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 text-sm text-danger">
        {t("failed")}
        <Button size="sm" variant="secondary" onClick={() => query.refetch()}>
          {tCommon("tryAgain")}
        </Button>
      </div>
    );
  }
  return <KeyResultHistoryView history={query.data.history} now={now} />;
}
