"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

/**
 * Every member of the organisation, fetched when a picker first needs them rather than carried by
 * every team page: ten thousand names are half a megabyte (bench/README.md).
 */
export function useMemberOptions(orgSlug: string, enabled: boolean) {
  return useQuery({
    queryKey: ["member-options", orgSlug],
    queryFn: async () => (await api<{ members: Array<{ id: string; name: string }> }>(`/api/orgs/${orgSlug}/members/options`)).members,
    enabled,
    staleTime: 60_000,
  });
}
