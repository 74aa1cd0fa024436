"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

export function Providers({ children, closeLabel, notificationsLabel }: { children: ReactNode; closeLabel: string; notificationsLabel: string }) {
  // One client per browser tab; server components do the reading, so queries rarely refetch.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false }, mutations: { retry: false } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ToastProvider closeLabel={closeLabel} regionLabel={notificationsLabel}>
        {children}
      </ToastProvider>
    </QueryClientProvider>
  );
}
