/** Only paths inside this site, never "//evil.example" or an absolute URL (no open redirects). */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
