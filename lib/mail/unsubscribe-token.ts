import { timingSafeEqual } from "node:crypto";
import { notificationTopics, type NotificationTopic } from "@/lib/domain";
import { linkSecret } from "./link-secrets";

/**
 * A one-click unsubscribe link names the organisation, the person and the kind of email, signed
 * with AUTH_SECRET: it works signed out (RFC 8058), needs nothing stored, and cannot be altered to
 * unsubscribe someone else.
 */
export interface UnsubscribeTarget {
  orgId: string;
  userId: string;
  topic: NotificationTopic;
}

const compact = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex").toString("base64url");

function expand(value: string): string | null {
  const hex = Buffer.from(value, "base64url").toString("hex");
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const signature = ({ orgId, userId, topic }: UnsubscribeTarget) => linkSecret("unsubscribe", `${orgId}:${userId}:${topic}`);

export function unsubscribeToken(target: UnsubscribeTarget): string {
  return `${compact(target.orgId)}.${compact(target.userId)}.${target.topic}.${signature(target)}`;
}

export function parseUnsubscribeToken(token: string): UnsubscribeTarget | null {
  const [org, user, topic, sig, ...rest] = token.split(".");
  if (!org || !user || !topic || !sig || rest.length > 0) return null;
  if (!(notificationTopics as readonly string[]).includes(topic)) return null;
  const orgId = expand(org);
  const userId = expand(user);
  if (!orgId || !userId) return null;
  const target = { orgId, userId, topic: topic as NotificationTopic };
  const expected = Buffer.from(signature(target));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? target : null;
}
