import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setAllowPrivate, startReceiver, type TestReceiver } from "@/tests/receiver";
import { isPublicAddress } from "./address";
import { checkOutgoingUrl, OutgoingRefused, RESPONSE_BODY_LIMIT, safePost } from "./safe-fetch";

describe("which addresses are public", () => {
  const refused = [
    "127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.5", "198.18.0.1",
    "::", "::1", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "::127.0.0.1",
  ];
  const allowed = ["1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.253.255.255", "2606:4700:4700::1111", "2a00:1450:400f:80d::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"];
  it.each(refused)("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(allowed)("allows %s", (address) => expect(isPublicAddress(address)).toBe(true));
  it("refuses anything that is not an address", () => {
    expect(isPublicAddress("localhost")).toBe(false);
    expect(isPublicAddress("")).toBe(false);
  });
});

describe("the safe outgoing request", () => {
  let receiver: TestReceiver;
  beforeAll(async () => {
    receiver = await startReceiver([200]);
  });
  afterAll(async () => {
    await receiver.close();
    setAllowPrivate(false);
  });
  afterEach(() => {
    setAllowPrivate(false);
  });

  const reason = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error instanceof OutgoingRefused ? error.reason : `other: ${String(error)}`;
    }
    return "sent";
  };

  it("refuses private, loopback, link-local and metadata addresses when the instance setting is off, before any connection", async () => {
    const before = receiver.received.length;
    const port = new URL(receiver.url).port;
    for (const host of ["127.0.0.1", "[::1]", "169.254.169.254", "10.1.2.3", "[::ffff:127.0.0.1]", "0.0.0.0"]) {
      expect(await reason(safePost(`https://${host}:${port}/hook`, "{}")), host).toBe("private_address");
    }
    // A hostname is judged by what it resolves to: localhost is loopback.
    expect(await reason(safePost(`https://localhost:${port}/hook`, "{}"))).toBe("private_address");
    // Plain http is refused outright.
    expect(await reason(safePost(receiver.url, "{}"))).toBe("scheme");
    expect(receiver.received.length).toBe(before);
  });

  it("checks URLs at registration: https, no credentials, no literal private address", () => {
    expect(() => checkOutgoingUrl("http://example.com/hook", false)).toThrow(OutgoingRefused);
    expect(() => checkOutgoingUrl("https://user:pass@example.com/hook", false)).toThrow(OutgoingRefused);
    expect(() => checkOutgoingUrl("https://169.254.169.254/latest/meta-data", false)).toThrow(OutgoingRefused);
    expect(() => checkOutgoingUrl("https://[fd00::1]/hook", false)).toThrow(OutgoingRefused);
    expect(() => checkOutgoingUrl("ftp://example.com/", true)).toThrow(OutgoingRefused);
    expect(checkOutgoingUrl("https://hooks.slack.com/services/T/B/x", false).hostname).toBe("hooks.slack.com");
    expect(checkOutgoingUrl("http://127.0.0.1:9/hook", true).hostname).toBe("127.0.0.1");
  });

  it("with private addresses allowed, posts the body and reads the answer", async () => {
    setAllowPrivate(true);
    const before = receiver.received.length;
    const response = await safePost(receiver.url, '{"hello":"world"}', { "x-test": "1" });
    expect(response.status).toBe(200);
    expect(response.body).toBe("ok");
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = receiver.received.slice(before);
    expect(request?.body).toBe('{"hello":"world"}');
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-test"]).toBe("1");
    // localhost resolves, is pinned, and is reached.
    expect((await safePost(receiver.url.replace("127.0.0.1", "localhost"), "{}")).status).toBe(200);
  });

  it("does not follow redirects, and keeps at most 64 KB of an answer", async () => {
    setAllowPrivate(true);
    const big = "x".repeat(RESPONSE_BODY_LIMIT * 3);
    const odd = await startReceiver([302, 200], (res, status) => {
      if (status === 302) {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
        res.end();
      } else {
        res.writeHead(200);
        res.end(big);
      }
    });
    try {
      const redirected = await safePost(odd.url, "{}");
      expect(redirected.status).toBe(302);
      expect(odd.received).toHaveLength(1);
      const large = await safePost(odd.url, "{}");
      expect(large.status).toBe(200);
      expect(large.truncated).toBe(true);
      expect(large.body.length).toBe(RESPONSE_BODY_LIMIT);
    } finally {
      await odd.close();
    }
  });
});
