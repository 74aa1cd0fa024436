import type { NextRequest } from "next/server";

/**
 * The client's address for per-IP limits. Behind a proxy that sets X-Forwarded-For this is the
 * first hop it saw; spoofing it only moves an attacker to another per-IP bucket, and the
 * per-account limits still hold.
 */
export function clientIp(req: NextRequest): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}

/** Only paths inside this site, never "//evil.example" or an absolute URL (no open redirects). */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
