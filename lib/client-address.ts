import { BlockList, isIP } from "node:net";
import { FORWARDED_HEADERS } from "@/lib/forwarded-headers";

/**
 * Who is on the other end of a request, for per-address limits and the same-origin check.
 *
 * proxy.ts moves whatever arrived as X-Forwarded-For/-Host/-Proto to `x-retning-forwarded-*` and
 * Next then sets the originals from the connection: `x-forwarded-for` is the socket's peer,
 * `x-forwarded-host` the Host header, `x-forwarded-proto` whether the socket is TLS. The moved,
 * client-settable values count only when that peer is one of TRUSTED_PROXIES.
 */

type HeaderSource = Pick<Headers, "get">;

const [[forFrom, forMoved], [hostFrom, hostMoved], [protoFrom, protoMoved]] = FORWARDED_HEADERS;

/** TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, IPv4 or IPv6 ("10.0.0.0/8, ::1"). */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address = "", bits, ...rest] = entry.split("/");
    const type = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = type === 6 ? 128 : 32;
    if (!type || rest.length > 0 || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const family = type === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

const cache = globalThis as typeof globalThis & { __retningTrustedProxies?: { source: string; list: BlockList } };

/** Parsed once per value of the variable (tests change it). */
export function trustedProxies(): BlockList {
  const source = process.env.TRUSTED_PROXIES ?? "";
  if (cache.__retningTrustedProxies?.source !== source) cache.__retningTrustedProxies = { source, list: parseTrustedProxies(source) };
  return cache.__retningTrustedProxies.list;
}

/** "::ffff:10.0.0.1" is an IPv4 peer on a dual-stack socket. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const type = isIP(address);
  return type !== 0 && trusted.check(address, type === 6 ? "ipv6" : "ipv4");
}

/** The connection's own peer, as Next set it after proxy.ts removed the client's copy. */
export function peerAddress(headers: HeaderSource): string {
  return normalise(headers.get(forFrom)?.split(",")[0] ?? "") || "unknown";
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy. Then the forwarded
 * chain is read from the right, skipping trusted hops, and the first address no trusted proxy
 * vouches for is the client (entries further left are whatever the client claimed).
 */
export function clientAddress(headers: HeaderSource, trusted: BlockList = trustedProxies()): string {
  const peer = peerAddress(headers);
  if (!isTrusted(peer, trusted)) return peer;
  const chain = (headers.get(forMoved) ?? "").split(",").map(normalise).filter(Boolean);
  for (let index = chain.length - 1; index >= 0; index--) {
    const hop = chain[index] ?? "";
    if (!isTrusted(hop, trusted)) return hop;
  }
  return chain[0] ?? peer;
}

/**
 * The origin the browser addressed: scheme and host. Host and scheme a proxy forwarded count only
 * from a trusted proxy; otherwise the Host header and the socket, or https when SECURE_COOKIES
 * says the site is served over HTTPS (a TLS proxy that is not declared still forwards Host).
 */
export function browserOrigin(headers: HeaderSource, secureSite: boolean, trusted: BlockList = trustedProxies()): string | null {
  const viaProxy = isTrusted(peerAddress(headers), trusted);
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = (viaProxy ? first(headers.get(hostMoved)) : null) ?? first(headers.get("host")) ?? first(headers.get(hostFrom));
  const forwardedProto = viaProxy ? first(headers.get(protoMoved)) : null;
  const protocol = forwardedProto ?? (secureSite ? "https" : (first(headers.get(protoFrom)) ?? "http"));
  if (!host || (protocol !== "http" && protocol !== "https")) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

/** An Origin header as scheme and host, or null when it is not a URL ("null", "not a url"). */
export function parseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}
