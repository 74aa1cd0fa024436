import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { newOrganisation, TEST_PASSWORD } from "@/tests/world";
import { withDeviceToken } from "./device-cookie";
import { limits } from "./rate-limit";
import { attemptSignIn, type SignInAttempt } from "./sign-in-attempt";

setupTestDatabase();

const secret = "sign-in-test-secret-sign-in-test-secret-01";
// Each test its own global key: the real one is shared by the whole database.
const keys = () => ({ global: `sign-in:global:test:${randomUUID()}` });
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

function attempt(email: string, password: string, extra: Partial<SignInAttempt> = {}): SignInAttempt {
  return { email, password, address: address(), deviceCookie: undefined, secret, ...extra };
}

describe("signing in", () => {
  it("locks an account after ten failures from anywhere, for the right password too, without a device token", async () => {
    const { owner } = await newOrganisation();
    const k = keys();
    for (let i = 0; i < 10; i++) expect((await appError(attemptSignIn(attempt(owner.email, `wrong-${i}`), limits, k))).status).toBe(401);
    const locked = await appError(attemptSignIn(attempt(owner.email, TEST_PASSWORD), limits, k));
    expect(locked.status).toBe(429);
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("lets the owner in from a browser that signed in before, while the lockout holds for everyone else", async () => {
    const { owner } = await newOrganisation();
    const k = keys();
    const device = withDeviceToken(undefined, owner.email, secret);
    for (let i = 0; i < 10; i++) await appError(attemptSignIn(attempt(owner.email, `wrong-${i}`), limits, k));

    await expect(attemptSignIn(attempt(owner.email, TEST_PASSWORD, { deviceCookie: device }), limits, k)).resolves.toMatchObject({ id: owner.id });
    // Still locked for browsers without the token, and the owner's success did not lift it.
    expect((await appError(attemptSignIn(attempt(owner.email, TEST_PASSWORD), limits, k))).status).toBe(429);
    // A token for another account is no key to this one.
    const otherDevice = withDeviceToken(undefined, `someone-${randomUUID()}@example.test`, secret);
    expect((await appError(attemptSignIn(attempt(owner.email, TEST_PASSWORD, { deviceCookie: otherDevice }), limits, k))).status).toBe(429);
  });

  it("limits a trusted browser on its own: a stolen device cookie is no way to guess the password", async () => {
    const { owner } = await newOrganisation();
    const k = keys();
    const device = withDeviceToken(undefined, owner.email, secret);
    for (let i = 0; i < 10; i++) await appError(attemptSignIn(attempt(owner.email, `wrong-${i}`, { deviceCookie: device }), limits, k));
    expect((await appError(attemptSignIn(attempt(owner.email, TEST_PASSWORD, { deviceCookie: device }), limits, k))).status).toBe(429);
    // Its failures did not lock the account for the owner's other browsers.
    await expect(attemptSignIn(attempt(owner.email, TEST_PASSWORD), limits, k)).resolves.toMatchObject({ id: owner.id });
  });

  it("limits one address across many accounts", async () => {
    const k = keys();
    const from = address();
    const policy = { ...limits, signInFailuresPerIp: { points: 5, windowSeconds: 900 } };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await appError(attemptSignIn(attempt(`nobody-${randomUUID()}@example.test`, "guess", { address: from }), policy, k))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("stops a spray from many addresses at the global ceiling, except for browsers the owners signed in on", async () => {
    const { owner } = await newOrganisation();
    const k = keys();
    const policy = { ...limits, signInFailuresGlobal: { points: 8, windowSeconds: 900 } };
    for (let i = 0; i < 8; i++) await appError(attemptSignIn(attempt(`nobody-${randomUUID()}@example.test`, "guess"), policy, k));
    expect((await appError(attemptSignIn(attempt(owner.email, TEST_PASSWORD), policy, k))).status).toBe(429);
    const device = withDeviceToken(undefined, owner.email, secret);
    await expect(attemptSignIn(attempt(owner.email, TEST_PASSWORD, { deviceCookie: device }), policy, k)).resolves.toMatchObject({ id: owner.id });
  });

  it("forgets a person's own mistakes once they get in", async () => {
    const { owner } = await newOrganisation();
    const k = keys();
    for (let i = 0; i < 9; i++) await appError(attemptSignIn(attempt(owner.email, `wrong-${i}`), limits, k));
    await attemptSignIn(attempt(owner.email, TEST_PASSWORD), limits, k);
    for (let i = 0; i < 9; i++) expect((await appError(attemptSignIn(attempt(owner.email, `wrong-${i}`), limits, k))).status).toBe(401);
  });
});
