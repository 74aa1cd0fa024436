"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/api-client";

interface ActionOptions<I, T> {
  run: (input: I) => Promise<T>;
  /** Said in a toast when it worked. */
  success?: string;
  onSuccess?: (result: T) => void;
}

/**
 * A one-click write (remove, revoke, change a role): the request, a toast either way, and the
 * server components re-read so the page shows the new state.
 */
export function useAction<I = void, T = unknown>({ run, success, onSuccess }: ActionOptions<I, T>) {
  const router = useRouter();
  const notify = useToast();
  const t = useTranslations("errors");
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (success) notify({ title: success });
      onSuccess?.(result);
      router.refresh();
    },
    onError: (error) => {
      const message = error instanceof ApiError ? (Object.values(error.fields)[0]?.[0] ?? error.message) : t("internal");
      notify({ title: message, tone: "error" });
    },
  });
}
