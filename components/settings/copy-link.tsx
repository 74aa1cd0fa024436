"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A link to hand over (invitations are copied and sent by the person inviting). */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <div className="flex gap-2">
        <input id={id} readOnly value={url} onFocus={(event) => event.currentTarget.select()} className="h-9 min-w-0 flex-1 rounded-md border border-border-strong bg-surface-muted px-3 font-mono text-xs text-fg" />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
