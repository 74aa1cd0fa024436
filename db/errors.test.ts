import { describe, expect, it } from "vitest";
import { isConnectionLost, isTransactionConflict, isUniqueViolation, uniqueConstraint } from "./errors";

/** As drizzle wraps a driver's error. */
const wrapped = (cause: object) => Object.assign(new Error("Failed query"), { cause });

describe("database errors", () => {
  it("tell a lost connection from everything else, however deeply wrapped", () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNRESET", "57P01", "57P02", "57P03", "08006", "08003"]) {
      expect(isConnectionLost(wrapped({ code })), code).toBe(true);
    }
    expect(isConnectionLost(wrapped(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED", cause: { code: "57P01" } })))).toBe(true);
    for (const code of ["23505", "40P01", "22021", "42P01", undefined]) expect(isConnectionLost(wrapped({ code })), String(code)).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });

  it("name the constraint a unique violation broke, on either driver", () => {
    expect(uniqueConstraint(wrapped({ code: "23505", constraint_name: "users_email_key" }))).toBe("users_email_key");
    expect(isUniqueViolation(wrapped({ code: "23505", constraint: "teams_org_name_key" }), "teams_org_name_key")).toBe(true);
    expect(isUniqueViolation(wrapped({ code: "23505", constraint: "teams_org_name_key" }), "users_email_key")).toBe(false);
    expect(isTransactionConflict(wrapped({ code: "40P01" }))).toBe(true);
  });
});
