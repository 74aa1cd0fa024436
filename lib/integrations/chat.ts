import { createTranslator } from "next-intl";
import type { IntegrationKind, Locale } from "@/lib/domain";
import { formatPercent, formatPoints } from "@/lib/format";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { OrgEvent } from "./events";

/**
 * Messages for chat channels: what happened, in the connection's language, with a link back to
 * Retning built from APP_URL. One neutral shape, written as Slack Block Kit or as a Microsoft
 * Teams Adaptive Card (the body a Teams Workflows "post to a channel when a webhook request is
 * received" flow and the older incoming webhooks both accept).
 */

export interface ChatMessage {
  title: string;
  lines: string[];
  link: { url: string; label: string };
}

export interface DigestSummary {
  orgName: string;
  week: string;
  cycleName: string;
  progress: number;
  expected: number;
  worsened: Array<{ title: string; status: string }>;
  teams: Array<{ name: string; checkedIn: number; total: number }>;
  movers: Array<{ title: string; delta: number }>;
}

const catalogues: Record<Locale, typeof en> = { en, nb };

function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "chat" });
}

type StatusKey = "on_track" | "at_risk" | "off_track" | "stale" | "not_started";

/** The chat message an event makes, or null for events chat channels do not hear about. */
export function eventMessage(event: OrgEvent, locale: Locale, link: (path: string) => string, orgSlug: string): ChatMessage | null {
  const t = translator(locale);
  const status = (value: string | null) => (value ? t(`status.${value as StatusKey}`) : t("status.none"));
  switch (event.type) {
    case "check_in.created": {
      const { author, keyResult, objective, checkIn } = event.data;
      return {
        title: t("checkIn.title", { author: author.name, keyResult: keyResult.title }),
        lines: [t("checkIn.value", { value: checkIn.value, confidence: status(checkIn.confidence) }), t("objective", { title: objective.title }), ...(checkIn.note ? [t("checkIn.note", { note: checkIn.note })] : [])],
        link: { url: link(`/${orgSlug}/okrs/${objective.id}`), label: t("open") },
      };
    }
    case "key_result.status_changed": {
      const { keyResult, objective, from, to } = event.data;
      return {
        title: t("statusChange.keyResult", { title: keyResult.title, status: status(to) }),
        lines: [t("statusChange.was", { status: status(from) }), t("objective", { title: objective.title })],
        link: { url: link(`/${orgSlug}/okrs/${objective.id}`), label: t("open") },
      };
    }
    case "objective.status_changed": {
      const { objective, from, to } = event.data;
      return {
        title: t("statusChange.objective", { title: objective.title, status: status(to) }),
        lines: [t("statusChange.was", { status: status(from) })],
        link: { url: link(`/${orgSlug}/okrs/${objective.id}`), label: t("open") },
      };
    }
    default:
      return null;
  }
}

export function digestMessage(digest: DigestSummary, locale: Locale, link: (path: string) => string, orgSlug: string): ChatMessage {
  const t = translator(locale);
  const lines = [
    t("digest.progress", { cycle: digest.cycleName, progress: formatPercent(digest.progress, locale), expected: formatPercent(digest.expected, locale) }),
    ...digest.worsened.map((objective) => t("digest.worsened", { title: objective.title, status: t(`status.${objective.status as StatusKey}`) })),
    ...digest.movers.map((mover) => t("digest.mover", { title: mover.title, points: formatPoints(mover.delta, locale) })),
    ...digest.teams.map((team) => t("digest.team", { name: team.name, checkedIn: team.checkedIn, total: team.total })),
  ];
  return { title: t("digest.title", { org: digest.orgName, week: digest.week }), lines, link: { url: link(`/${orgSlug}/review`), label: t("digest.open") } };
}

export function testMessage(locale: Locale, name: string, orgName: string, link: (path: string) => string, orgSlug: string): ChatMessage {
  const t = translator(locale);
  return { title: t("test.title"), lines: [t("test.body", { name, org: orgName })], link: { url: link(`/${orgSlug}/settings/integrations`), label: t("open") } };
}

/** Slack's mrkdwn treats these three as control characters. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack Block Kit, for an incoming webhook: a header, the lines, a button; `text` is the notification's fallback. */
export function slackPayload(message: ChatMessage): Record<string, unknown> {
  return {
    text: message.title,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: message.lines.map(slackEscape).join("\n").slice(0, 3000) || " " } },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: message.link.label }, url: message.link.url }] },
    ],
  };
}

/** A Teams message carrying one Adaptive Card (version 1.4). */
export function teamsPayload(message: ChatMessage): Record<string, unknown> {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
            ...message.lines.map((line) => ({ type: "TextBlock", text: line, wrap: true })),
          ],
          actions: [{ type: "Action.OpenUrl", title: message.link.label, url: message.link.url }],
        },
      },
    ],
  };
}

export function chatPayload(kind: Exclude<IntegrationKind, "webhook">, message: ChatMessage): Record<string, unknown> {
  return kind === "slack" ? slackPayload(message) : teamsPayload(message);
}
