"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { api } from "@/lib/api-client";
import type { DeliveryStatus } from "@/lib/domain";

interface DeliveryRow {
  id: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: string;
}

const tones: Record<DeliveryStatus, BadgeTone> = { pending: "warning", sending: "accent", delivered: "success", failed: "danger" };

/** An endpoint's deliveries, newest first, a page at a time; each can be sent again. */
export function DeliveryLog({ orgSlug, integrationId, label }: { orgSlug: string; integrationId: string; label: string }) {
  const t = useTranslations("integrations");
  const format = useFormatter();
  const base = `/api/orgs/${orgSlug}/integrations/${integrationId}/deliveries`;
  const log = useInfiniteQuery({
    queryKey: ["integration-deliveries", orgSlug, integrationId],
    queryFn: ({ pageParam }) => api<{ items: DeliveryRow[]; nextCursor: string | null }>(pageParam ? `${base}?after=${encodeURIComponent(pageParam)}` : base),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const resend = useAction({
    run: (deliveryId: string) => api(`${base}/${deliveryId}/resend`, { method: "POST" }),
    success: t("resent"),
    onSuccess: () => void log.refetch(),
  });
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold text-fg">{t("log")}</h4>
        <Button size="sm" variant="ghost" onClick={() => void log.refetch()} loading={log.isRefetching} aria-label={t("refreshFor", { name: label })}>
          {t("refresh")}
        </Button>
      </div>
      {log.isPending ? (
        <p className="text-sm text-subtle">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-subtle">{t("logEmpty")}</p>
      ) : (
        <Table caption={t("logCaption", { name: label })}>
          <THead>
            <Tr>
              <Th>{t("logEvent")}</Th>
              <Th>{t("logTime")}</Th>
              <Th>{t("logStatus")}</Th>
              <Th>{t("logAttempts")}</Th>
              <Th>{t("logResponse")}</Th>
              <Th>{t("logDuration")}</Th>
              <Th>
                <span className="sr-only">{t("logActions")}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => {
              const time = format.dateTime(new Date(row.createdAt), { dateStyle: "short", timeStyle: "medium" });
              return (
                <Tr key={row.id}>
                  <Td className="font-mono text-xs">{row.eventType}</Td>
                  <Td className="text-xs">{time}</Td>
                  <Td>
                    <Badge tone={tones[row.status]}>{t(`deliveryStatus.${row.status}`)}</Badge>
                  </Td>
                  <Td className="tabular-nums">{row.attempts}</Td>
                  <Td className="text-xs" title={row.lastError ?? undefined}>
                    {row.responseStatus ?? (row.lastError ? t("noResponse") : "–")}
                  </Td>
                  <Td className="tabular-nums text-xs">{row.durationMs === null ? "–" : t("durationMs", { ms: row.durationMs })}</Td>
                  <Td>
                    <Button size="sm" variant="ghost" loading={resend.isPending && resend.variables === row.id} onClick={() => resend.mutate(row.id)} aria-label={t("resendFor", { event: row.eventType, time })}>
                      {t("resend")}
                    </Button>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {log.hasNextPage ? (
        <div>
          <Button size="sm" variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
