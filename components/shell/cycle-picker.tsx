"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Select } from "@/components/ui/select";

interface CycleOption {
  id: string;
  name: string;
  status: "planning" | "active" | "closed";
}

/** Chooses the cycle every cycle-bound page shows; it lives in the URL so views can be shared. */
export function CyclePicker({ cycles, defaultCycleId }: { cycles: CycleOption[]; defaultCycleId: string | null }) {
  const t = useTranslations("shell");
  const tStatus = useTranslations("cycleStatus");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const id = useId();
  const selected = params.get("cycle") ?? defaultCycleId ?? "";

  function choose(cycleId: string) {
    const next = new URLSearchParams(params);
    if (cycleId === defaultCycleId) next.delete("cycle");
    else next.set("cycle", cycleId);
    // A different cycle starts lists from their first page.
    next.delete("after");
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  if (cycles.length === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("cycle")}
      </label>
      <Select id={id} value={selected} onChange={(event) => choose(event.target.value)} className="w-44">
        {cycles.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.name} · {tStatus(cycle.status)}
          </option>
        ))}
      </Select>
    </div>
  );
}
