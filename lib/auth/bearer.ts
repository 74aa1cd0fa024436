/**
 * The secret of `Authorization: Bearer …`, or null when the request carries no bearer credential.
 * Other schemes (a Basic header a self-hosted proxy forwards, say) are not ours and are ignored; an
 * empty or malformed bearer value is still a bearer attempt, answered 401 rather than read as a
 * browser request.
 */
export function bearerSecret(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (header === null) return null;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return null;
  return match[1]?.trim() ?? "";
}
