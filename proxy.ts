import { NextResponse, type NextRequest } from "next/server";
import { FORWARDED_HEADERS } from "@/lib/forwarded-headers";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";

/**
 * Runs before every page and route handler (the matcher below leaves out only static files):
 * 1. A path whose percent-encoding does not decode (`%C0%AE`, `%ud800`) names nothing: a JSON 400
 *    here, where Next would otherwise fail to decode its params and answer a plain-text 500.
 * 2. Forwarding headers move aside. Whatever a client sent as X-Forwarded-For/-Host/-Proto goes to
 *    `x-retning-forwarded-*`, and the originals are removed, so Next fills them in again from the
 *    socket (the peer's address, the Host header, TLS or not). lib/client-address.ts trusts the
 *    moved values only when that peer is one of TRUSTED_PROXIES.
 * 3. Pages get security headers: a per-request nonce lets Next's own scripts run and nothing else
 *    (ASVS 3.4). Inline style attributes stay allowed: progress bars and charts size themselves
 *    with them, and styles cannot run code.
 */
export function proxy(request: NextRequest) {
  if (!decodablePath(request.url)) {
    return NextResponse.json(
      { error: { code: "bad_request", message: badAddressMessage(request) } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }

  const requestHeaders = new Headers(request.headers);
  for (const [original, moved] of FORWARDED_HEADERS) {
    const value = requestHeaders.get(original);
    requestHeaders.delete(original);
    requestHeaders.delete(moved);
    if (value !== null) requestHeaders.set(moved, value);
  }
  requestHeaders.delete("x-forwarded-port");

  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (isApi || isPrefetch) return NextResponse.next({ request: { headers: requestHeaders } });

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/** The proxy runs before next-intl: the same choice of language as lib/i18n/request.ts. */
function badAddressMessage(request: NextRequest): string {
  const chosen = request.cookies.get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale);
  return { en, nb }[locale].errors.badAddress;
}

/** Whether the path decodes as Next will decode its segments into params (a URL's pathname keeps its escapes). */
function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(new URL(url).pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Every request but Next's static files: route handlers need the forwarding headers moved aside
  // (a client-set X-Forwarded-For must never reach them as if Next had set it).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|manifest.webmanifest).*)"],
};
