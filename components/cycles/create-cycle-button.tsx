"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import { cn } from "@/lib/cn";

interface Props {
  orgSlug: string;
  /** What the button will create, e.g. "Q3 2026" and its dates already formatted. */
  next: { name: string; dates: string };
  /** How the button and its hint line up (start, end or centre of the column). */
  align?: "start" | "center" | "end";
}

const alignments = { start: "items-start", center: "items-center text-center", end: "items-start sm:items-end sm:text-right" } as const;

/** Creates the fiscal quarter after the latest cycle, in planning. */
export function CreateCycleButton({ orgSlug, next, align = "end" }: Props) {
  const t = useTranslations("cycles");
  const notify = useToast();
  const hintId = useId();
  const create = useAction({
    run: () => api<{ cycle: { name: string } }>(`/api/orgs/${orgSlug}/cycles`, { method: "POST" }),
    onSuccess: ({ cycle }) => notify({ title: t("created", { name: cycle.name }) }),
  });
  return (
    <div className={cn("flex flex-col gap-1", alignments[align])}>
      <Button onClick={() => create.mutate()} loading={create.isPending} aria-describedby={hintId}>
        <Plus aria-hidden />
        {t("createNext")}
      </Button>
      <p id={hintId} className="text-xs text-subtle">
        {t("createHint", { name: next.name, dates: next.dates })}
      </p>
    </div>
  );
}
