import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { isPublicAddress } from "./address";

/**
 * Every request Retning makes to an address an organisation chose (webhooks, Slack, Teams) goes
 * through here:
 * - the host is resolved once, every address it resolves to must be public (lib/outgoing/address.ts),
 *   and the connection is made to that checked address (pinned: no second lookup, so no
 *   DNS-rebinding gap between the check and the connection);
 * - redirects are never followed (a 3xx is an answer like any other, and not a success);
 * - 10 seconds for the whole exchange, and at most 64 KB of the response body is read;
 * - https only.
 * OUTGOING_ALLOW_PRIVATE=true (tests, self-hosting) lifts the address rule and allows http.
 */

export const OUTGOING_TIMEOUT_MS = 10_000;
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export type RefusalReason = "invalid_url" | "scheme" | "private_address" | "unresolvable";

/** The request was not made: the address is not one Retning may reach. */
export class OutgoingRefused extends Error {
  constructor(readonly reason: RefusalReason, detail: string) {
    super(`Refused (${reason}): ${detail}`);
    this.name = "OutgoingRefused";
  }
}

export interface OutgoingResponse {
  status: number;
  /** The body's first RESPONSE_BODY_LIMIT bytes, as text. */
  body: string;
  truncated: boolean;
  durationMs: number;
}

export function allowsPrivateAddresses(): boolean {
  return env().OUTGOING_ALLOW_PRIVATE === "true";
}

/**
 * Whether a URL may be registered: a well-formed https URL (http too with private addresses
 * allowed), without credentials, whose literal host, if it is an address, is public. Hostnames
 * are checked again, resolved, on every request.
 */
export function checkOutgoingUrl(raw: string, allowPrivate = allowsPrivateAddresses()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutgoingRefused("invalid_url", "not a URL");
  }
  if (url.username || url.password) throw new OutgoingRefused("invalid_url", "credentials in the URL");
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) throw new OutgoingRefused("scheme", url.protocol);
  const host = bareHost(url);
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) throw new OutgoingRefused("private_address", host);
  return url;
}

/** The URL's host without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** The address to connect to: the host's, if every address it has is one we may reach. */
export async function resolvePinned(host: string, allowPrivate = allowsPrivateAddresses()): Promise<{ address: string; family: 4 | 6 }> {
  let addresses: Array<{ address: string; family: number }>;
  const literal = isIP(host);
  if (literal) addresses = [{ address: host, family: literal }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new OutgoingRefused("unresolvable", host);
    }
  }
  const [first] = addresses;
  if (!first) throw new OutgoingRefused("unresolvable", host);
  if (!allowPrivate) {
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused) throw new OutgoingRefused("private_address", `${host} resolves to ${refused.address}`);
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** POSTs a JSON body to an organisation's URL under the rules above. */
export async function safePost(rawUrl: string, body: string, headers: Record<string, string> = {}): Promise<OutgoingResponse> {
  const allowPrivate = allowsPrivateAddresses();
  const url = checkOutgoingUrl(rawUrl, allowPrivate);
  const started = performance.now();
  const signal = AbortSignal.timeout(OUTGOING_TIMEOUT_MS);
  const pinned = await resolvePinned(bareHost(url), allowPrivate);
  // The connection asks this instead of the resolver: it gets the address that was checked.
  const pinnedLookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OutgoingResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinnedLookup,
        signal,
        agent: false,
        headers: { "content-type": "application/json", "user-agent": "Retning-Webhooks/1.0", "content-length": Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8"),
            truncated,
            durationMs: Math.round(performance.now() - started),
          });
        response.on("data", (chunk: Buffer) => {
          if (truncated) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size > RESPONSE_BODY_LIMIT) {
            truncated = true;
            // Enough read: the rest of the body is not ours to wait for.
            response.destroy();
            finish();
          }
        });
        response.on("end", finish);
        response.on("error", (error) => (truncated ? undefined : reject(error)));
      },
    );
    request.on("error", (error) => reject(signal.aborted ? new Error(`Timed out after ${OUTGOING_TIMEOUT_MS / 1000} s`) : error));
    request.end(body);
  });
}
