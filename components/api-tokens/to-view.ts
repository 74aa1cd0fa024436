import type { ApiTokenSummary } from "@/lib/services/api-tokens";
import type { ApiTokenView } from "./token-table";

/** A service's token as the client table takes it: plain strings, and where to revoke it. */
export function toTokenView<T extends ApiTokenSummary>(token: T, revokePath: string, extra: Partial<ApiTokenView> = {}): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    expired: token.expired,
    ...extra,
    revokePath,
  };
}
