"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { ObjectiveFormOptions } from "@/lib/services/objective-form";

/**
 * The people, teams and objectives a form offers, fetched the first time a dialog on the page
 * opens and shared by every dialog of the same cycle: pages stay the same size however large the
 * organisation grows (bench/README.md).
 */
export function useFormOptions(orgSlug: string, cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["form-options", orgSlug, cycleId],
    queryFn: async () => (await api<{ options: ObjectiveFormOptions }>(`/api/orgs/${orgSlug}/cycles/${cycleId}/form-options`)).options,
    enabled,
    staleTime: 60_000,
  });
}
