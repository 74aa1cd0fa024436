import { describe, expect, it } from "vitest";
import { connectionOptionsFromEnv, directConnectionOptionsFromEnv, poolerFromEnv } from "./client";

const pooled = "postgres://app@127.0.0.1:6432/retning";
const direct = "postgres://app@127.0.0.1:5432/retning";

describe("connection options behind a transaction-mode pooler", () => {
  it("turn prepared statements off only when DATABASE_POOLER says transaction", () => {
    expect(connectionOptionsFromEnv({ DATABASE_URL: pooled, DATABASE_POOLER: "transaction" }).pooler).toBe("transaction");
    expect(connectionOptionsFromEnv({ DATABASE_URL: direct }).pooler).toBeUndefined();
    // PGlite has no pooler in front of it, whatever the environment says.
    expect(connectionOptionsFromEnv({ DATABASE_POOLER: "transaction" }).pooler).toBeUndefined();
  });

  it("refuse a pooling mode they do not know, naming the setting", () => {
    expect(() => poolerFromEnv({ DATABASE_POOLER: "statement" })).toThrow(/DATABASE_POOLER/);
    expect(poolerFromEnv({ DATABASE_POOLER: "" })).toBeUndefined();
  });

  it("send migrations to DIRECT_DATABASE_URL, with prepared statements, when it is set", () => {
    const env = { DATABASE_URL: pooled, DATABASE_POOLER: "transaction", DIRECT_DATABASE_URL: direct };
    expect(directConnectionOptionsFromEnv(env)).toMatchObject({ databaseUrl: direct, pooler: undefined });
    expect(directConnectionOptionsFromEnv({ DATABASE_URL: pooled, DATABASE_POOLER: "transaction" })).toMatchObject({ databaseUrl: pooled, pooler: "transaction" });
  });
});
