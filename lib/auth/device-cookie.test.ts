import { describe, expect, it } from "vitest";
import { trustedDeviceFor, withDeviceToken } from "./device-cookie";

const secret = "device-test-secret-device-test-secret-0123";

describe("device cookies", () => {
  it("trust a browser for the accounts that signed in on it, and for no other", () => {
    const cookie = withDeviceToken(undefined, "ola@example.test", secret);
    expect(trustedDeviceFor(cookie, "ola@example.test", secret)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(trustedDeviceFor(cookie, "OLA@example.test", secret)).not.toBeNull();
    expect(trustedDeviceFor(cookie, "kari@example.test", secret)).toBeNull();
    expect(trustedDeviceFor(cookie, "ola@example.test", "another-secret-another-secret-0123456")).toBeNull();
    // Only a nonce and a signature: the address is in neither (a random string may spell "ola").
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(cookie.split(".")[0] ?? "", "base64url").toString("latin1")).not.toContain("ola@");
  });

  it("refuse a forged or altered token and anything that is not one", () => {
    const cookie = withDeviceToken(undefined, "ola@example.test", secret);
    const [nonce = "", signature = ""] = cookie.split(".");
    const altered = `${nonce.slice(0, -1)}${nonce.endsWith("A") ? "B" : "A"}.${signature}`;
    for (const forged of [altered, `${nonce}.${"A".repeat(43)}`, "garbage", "", `${cookie}\u0000`]) {
      expect(trustedDeviceFor(forged, "ola@example.test", secret), forged).toBeNull();
    }
  });

  it("keep the last five accounts, replacing an account's old token with a fresh one", () => {
    let cookie: string | undefined;
    for (const name of ["a", "b", "c", "d", "e", "f"]) cookie = withDeviceToken(cookie, `${name}@example.test`, secret);
    expect(trustedDeviceFor(cookie, "a@example.test", secret)).toBeNull();
    expect(trustedDeviceFor(cookie, "f@example.test", secret)).not.toBeNull();
    const before = trustedDeviceFor(cookie, "c@example.test", secret);
    cookie = withDeviceToken(cookie, "c@example.test", secret);
    expect(trustedDeviceFor(cookie, "c@example.test", secret)).not.toBe(before);
    expect(cookie.split("~")).toHaveLength(5);
    expect(trustedDeviceFor(cookie, "b@example.test", secret)).not.toBeNull();
  });
});
