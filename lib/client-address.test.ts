import { describe, expect, it } from "vitest";
import { browserOrigin, clientAddress, parseOrigin, parseTrustedProxies } from "./client-address";

/** Request headers as a route handler sees them after proxy.ts and Next (see lib/forwarded-headers.ts). */
function seen(peer: string, claimed: Record<string, string> = {}, host = "okr.example.com", proto = "http") {
  return new Headers({ host, "x-forwarded-for": peer, "x-forwarded-host": host, "x-forwarded-proto": proto, ...claimed });
}

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8");

describe("the client's address", () => {
  it("is the connection's peer, whatever the client claims, when no proxy is trusted", () => {
    expect(clientAddress(seen("203.0.113.9", { "x-retning-forwarded-for": "1.2.3.4" }), none)).toBe("203.0.113.9");
    expect(clientAddress(seen("::ffff:203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), none)).toBe("unknown");
  });

  it("is the peer when the peer is not a trusted proxy, even if proxies are configured", () => {
    expect(clientAddress(seen("203.0.113.9", { "x-retning-forwarded-for": "1.2.3.4" }), proxies)).toBe("203.0.113.9");
  });

  it("is the rightmost address no trusted proxy vouches for, behind trusted proxies", () => {
    const chain = { "x-retning-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.2.3" };
    expect(clientAddress(seen("10.9.9.9", chain), proxies)).toBe("198.51.100.4");
    expect(clientAddress(seen("::ffff:192.168.1.7", { "x-retning-forwarded-for": "198.51.100.4" }), proxies)).toBe("198.51.100.4");
    expect(clientAddress(seen("fd00::1", { "x-retning-forwarded-for": "2001:db8::5" }), proxies)).toBe("2001:db8::5");
    expect(clientAddress(seen("10.9.9.9"), proxies)).toBe("10.9.9.9");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies(" 127.0.0.1 , ::1 ")).not.toThrow();
  });
});

describe("the browser's origin", () => {
  it("is the Host header and the socket's scheme, or https on a site declared secure", () => {
    expect(browserOrigin(seen("203.0.113.9"), false, none)).toBe("http://okr.example.com");
    expect(browserOrigin(seen("203.0.113.9"), true, none)).toBe("https://okr.example.com");
    expect(browserOrigin(seen("203.0.113.9", {}, "okr.example.com:80"), false, none)).toBe("http://okr.example.com");
  });

  it("takes a forwarded host and scheme only from a trusted proxy", () => {
    const claimed = { "x-retning-forwarded-host": "evil.example", "x-retning-forwarded-proto": "https" };
    expect(browserOrigin(seen("203.0.113.9", claimed, "app:3000"), false, proxies)).toBe("http://app:3000");
    expect(browserOrigin(seen("10.0.0.2", claimed, "app:3000"), false, proxies)).toBe("https://evil.example");
  });

  it("reads an Origin header as scheme and host, and anything else as no origin at all", () => {
    expect(parseOrigin("https://okr.example.com")).toBe("https://okr.example.com");
    expect(parseOrigin("https://okr.example.com:443")).toBe("https://okr.example.com");
    for (const value of ["null", "not a url", "", "file:///etc/passwd", "javascript:alert(1)"]) expect(parseOrigin(value)).toBeNull();
  });
});
