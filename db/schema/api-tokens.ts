import { sql } from "drizzle-orm";
import { foreignKey, index, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiTokenScopeEnum } from "./enums";
import { memberships } from "./organisations";
import { appRole, currentOrgId, currentUserId } from "./rls";

/**
 * The hash of the token a request presents (lib/services/api-tokens.ts sets it for the one
 * statement that looks the token up): whoever holds the secret may read that one row, nobody
 * else any row, before the organisation is known.
 */
const presentedTokenHash = sql`nullif(current_setting('app.token_hash', true), '')`;

/**
 * A person's API token for one organisation. Only the SHA-256 of the secret is kept; `prefix`
 * (the first characters) lets people tell their tokens apart. The row hangs off the membership,
 * so removing someone from the organisation deletes their tokens in the same statement.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    scope: apiTokenScopeEnum("scope").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash),
    index("api_tokens_org_created_idx").on(t.orgId, t.createdAt.desc()),
    index("api_tokens_user_idx").on(t.userId, t.createdAt.desc()),
    foreignKey({ name: "api_tokens_membership_fk", columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
    // Admins list and revoke their organisation's tokens.
    pgPolicy("tenant_isolation", { for: "all", to: appRole, using: sql`${t.orgId} = ${currentOrgId}`, withCheck: sql`${t.orgId} = ${currentOrgId}` }),
    // A person manages their own tokens from their account, across their organisations.
    pgPolicy("api_token_own", { for: "all", to: appRole, using: sql`${t.userId} = ${currentUserId}`, withCheck: sql`${t.userId} = ${currentUserId}` }),
    // A request presenting a token finds it (and stamps its last use) by the secret's hash alone.
    pgPolicy("api_token_by_secret", { for: "select", to: appRole, using: sql`${t.tokenHash} = ${presentedTokenHash}` }),
    pgPolicy("api_token_used_by_secret", { for: "update", to: appRole, using: sql`${t.tokenHash} = ${presentedTokenHash}`, withCheck: sql`${t.tokenHash} = ${presentedTokenHash}` }),
  ],
);
