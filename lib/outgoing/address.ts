import { isIP } from "node:net";

/**
 * Which addresses an outgoing request may reach: public unicast ones only. Private (RFC 1918),
 * loopback, link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast,
 * unspecified, documentation and reserved ranges are refused, for IPv4 and IPv6, and IPv6 forms
 * that carry an IPv4 address (IPv4-mapped, -compatible, NAT64, 6to4) are judged by that address.
 */

type Range = readonly [prefix: bigint, bits: number];

const V4_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
];

const V6_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

function v4ToBigInt(address: string): bigint {
  return address.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address as a 128-bit number (any textual form, including a dotted IPv4 tail). */
function v6ToBigInt(address: string): bigint {
  let text = address.split("%")[0] ?? address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = v4ToBigInt(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group || "0", 16)), 0n);
}

const v4Ranges: Range[] = V4_BLOCKED.map(([net, bits]) => [v4ToBigInt(net), bits]);
const v6Ranges: Range[] = V6_BLOCKED.map(([net, bits]) => [v6ToBigInt(net), bits]);

function inRange(value: bigint, width: number, [prefix, bits]: Range): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === prefix >> shift;
}

/** The IPv4 address an IPv6 address carries, if it is one of the forms that embed one. */
function embeddedV4(value: bigint): bigint | null {
  const high96 = value >> 32n;
  const low32 = value & 0xffffffffn;
  if (high96 === 0xffffn) return low32; // ::ffff:a.b.c.d, IPv4-mapped
  if (high96 === 0n && value > 1n) return low32; // ::a.b.c.d, IPv4-compatible (deprecated)
  if (high96 === 0x64ff9b0000000000000000n) return low32; // 64:ff9b::/96, NAT64
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::/16, 6to4
  return null;
}

/** Whether `address` (a literal IPv4 or IPv6 address) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.split("%")[0] ?? "");
  if (family === 4) {
    const value = v4ToBigInt(address);
    return !v4Ranges.some((range) => inRange(value, 32, range));
  }
  if (family === 6) {
    const value = v6ToBigInt(address);
    const v4 = embeddedV4(value);
    if (v4 !== null) return !v4Ranges.some((range) => inRange(v4, 32, range));
    return !v6Ranges.some((range) => inRange(value, 128, range));
  }
  return false;
}
