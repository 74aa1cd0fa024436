import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com), with the reference library:
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>`
 * of `id.timestamp.body`). While a secret is being rotated, requests carry two signatures,
 * space-separated as the specification allows, so receivers may switch at their own pace.
 */

/** A new signing secret: 32 random bytes, base64, with the `whsec_` prefix receivers expect. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** A message id: stays the same across retries and re-sends, so receivers can drop duplicates. */
export function newMessageId(): string {
  return `msg_${randomUUID().replace(/-/g, "")}`;
}

export function signedHeaders(messageId: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(" ");
  return { "webhook-id": messageId, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
}
