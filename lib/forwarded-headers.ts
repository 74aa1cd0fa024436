/**
 * The forwarding headers proxy.ts moves aside on every request, and the names it moves them to.
 * After the move, Next sets the originals again from the connection itself (base-server.ts:
 * `x-forwarded-for ??= socket.remoteAddress`), so a route handler reads the peer from the original
 * name and what a client or proxy claimed from the moved one (lib/client-address.ts).
 */
export const FORWARDED_HEADERS = [
  ["x-forwarded-for", "x-retning-forwarded-for"],
  ["x-forwarded-host", "x-retning-forwarded-host"],
  ["x-forwarded-proto", "x-retning-forwarded-proto"],
] as const;
