"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { api } from "@/lib/api-client";

/** A token as a client component gets it: dates as ISO strings, the secret never. */
export interface ApiTokenView {
  id: string;
  name: string;
  scope: "read" | "read_write";
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  /** Where it acts (the account's list) or whose it is (an admin's list). */
  orgName?: string;
  ownerName?: string;
  ownerEmail?: string;
  /** Where DELETE revokes it. */
  revokePath: string;
}

export function TokenTable({ tokens, caption, column, emptyDescription }: { tokens: ApiTokenView[]; caption: string; column: "organisation" | "owner"; emptyDescription: string }) {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const revoke = useAction({ run: (path: string) => api(path, { method: "DELETE" }), success: t("revoked") });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  if (tokens.length === 0) return <EmptyState icon={KeyRound} title={t("emptyTitle")} description={emptyDescription} />;
  return (
    <Table caption={caption}>
      <THead>
        <tr>
          <Th>{t("name")}</Th>
          <Th className="hidden sm:table-cell">{column === "organisation" ? t("organisation") : t("owner")}</Th>
          <Th>{t("access")}</Th>
          <Th className="hidden md:table-cell">{t("lastUsed")}</Th>
          <Th className="hidden md:table-cell">{t("expires")}</Th>
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {tokens.map((token) => (
          <Tr key={token.id}>
            <Td>
              <div className="flex min-w-0 flex-col">
                <span className="truncate font-medium text-fg">{token.name}</span>
                <span className="truncate font-mono text-xs text-subtle">
                  {token.prefix}… · {t("created", { date: date(token.createdAt) })}
                </span>
              </div>
            </Td>
            <Td className="hidden text-muted sm:table-cell">
              {column === "organisation" ? (
                token.orgName
              ) : (
                <div className="flex min-w-0 flex-col">
                  <span className="truncate text-fg">{token.ownerName}</span>
                  <span className="truncate text-xs text-subtle">{token.ownerEmail}</span>
                </div>
              )}
            </Td>
            <Td>
              <Badge tone={token.scope === "read" ? "neutral" : "accent"}>{t(token.scope === "read" ? "scopeRead" : "scopeReadWrite")}</Badge>
            </Td>
            <Td className="hidden text-muted md:table-cell">{token.lastUsedAt ? date(token.lastUsedAt) : t("never")}</Td>
            <Td className="hidden text-muted md:table-cell">
              {token.expired ? <Badge tone="danger">{t("expired")}</Badge> : token.expiresAt ? date(token.expiresAt) : t("noExpiry")}
            </Td>
            <Td className="text-right">
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost" aria-label={t("revokeName", { name: token.name })}>
                    <Trash2 className="sm:hidden" aria-hidden />
                    <span className="hidden sm:inline">{t("revoke")}</span>
                  </Button>
                }
                title={t("revokeTitle", { name: token.name })}
                description={t("revokeDescription")}
                confirmLabel={t("revoke")}
                destructive
                pending={revoke.isPending}
                onConfirm={() => revoke.mutateAsync(token.revokePath)}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
