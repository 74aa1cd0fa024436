import { useLocale, useTranslations } from "next-intl";
import { confidences, type ActivityAction, type Confidence } from "@/lib/domain";
import { formatMeasure, formatPercent } from "@/lib/format";
import type { FeedItem } from "@/lib/services/feed";

interface Props {
  action: ActivityAction;
  actorName: string | null;
  before: unknown;
  after: unknown;
  /** The key result the event is about, when known: named, and its values written in its unit. */
  keyResult?: FeedItem["keyResult"];
  /** For comment events: the comment's first line as it reads now, or that it was deleted. */
  comment?: FeedItem["comment"];
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
const isConfidence = (value: unknown): value is Confidence => (confidences as readonly unknown[]).includes(value);

const fieldKeys = [
  "title", "description", "level", "teamId", "ownerUserId", "parentObjectiveId", "parentKeyResultId", "rollupMode", "manualProgress",
  "manualProgressReason", "unit", "currencyCode", "unitLabel", "direction", "startValue", "targetValue", "dueDate", "weight",
] as const;
type FieldKey = (typeof fieldKeys)[number];
const isFieldKey = (field: string): field is FieldKey => (fieldKeys as readonly string[]).includes(field);

/** Actions told by one plain sentence; the others above carry values. */
const plainActions = [
  "objective.created", "objective.moved", "objective.archived", "objective.restored", "objective.deleted", "objective.reflected",
  "comment.created", "comment.updated", "comment.deleted", "team.created", "team.updated", "team.deleted", "team.member_added",
  "team.member_removed", "cycle.created", "cycle.activated", "cycle.closed", "member.invited", "member.joined", "member.role_changed",
  "member.removed", "member.left", "organisation.created", "organisation.updated",
] as const satisfies readonly ActivityAction[];
type PlainAction = (typeof plainActions)[number];
const isPlain = (action: ActivityAction): action is PlainAction => (plainActions as readonly string[]).includes(action);

/** One line of history in words: who did what, with the values that matter. */
export function ActivityText({ action, actorName, before, after, keyResult, comment }: Props) {
  const t = useTranslations("activity");
  const locale = useLocale();
  const who = actorName ?? t("someone");
  const was = record(before);
  const now = record(after);
  switch (action) {
    case "objective.updated":
    case "key_result.updated": {
      const fields = Object.keys(now)
        .map((field) => (isFieldKey(field) ? t(`fields.${field}`) : field))
        .join(", ");
      if (action === "key_result.updated" && keyResult) return <>{t("keyResultUpdatedNamed", { who, fields, title: keyResult.title })}</>;
      return <>{t(action === "objective.updated" ? "objectiveUpdated" : "keyResultUpdated", { who, fields })}</>;
    }
    case "check_in.created": {
      if (keyResult && isConfidence(now.confidence)) {
        const confidence = t(`confidence.${now.confidence}`);
        if (keyResult.direction === "milestone") {
          return <>{t(Number(now.value) >= 1 ? "checkInDone" : "checkInNotDone", { who, title: keyResult.title, confidence })}</>;
        }
        return <>{t("checkInOn", { who, value: formatMeasure(String(now.value ?? ""), keyResult, locale), title: keyResult.title, confidence })}</>;
      }
      const progress = typeof now.progress === "number" || typeof now.progress === "string" ? formatPercent(Number(now.progress), locale) : "";
      return <>{t("checkIn", { who, value: String(now.value ?? ""), progress, confidence: String(now.confidence ?? "") })}</>;
    }
    case "key_result.created":
    case "key_result.deleted":
      return <>{t(action === "key_result.created" ? "keyResultCreated" : "keyResultDeleted", { who, title: String(now.title ?? was.title ?? keyResult?.title ?? "") })}</>;
    case "objective.created":
      // A copy carried into a new quarter says where it came from.
      if (typeof now.carriedFromCycle === "string") return <>{t("carriedFrom", { who, cycle: now.carriedFromCycle })}</>;
      return <>{t("actions.objective.created", { who })}</>;
    case "comment.created":
    case "comment.updated":
      if (comment?.excerpt) return <>{t(action === "comment.created" ? "commented" : "editedComment", { who, excerpt: comment.excerpt })}</>;
      if (comment?.deleted && action === "comment.created") return <>{t("commentedSinceDeleted", { who })}</>;
      return <>{t(`actions.${action}`, { who })}</>;
    default:
      return <>{isPlain(action) ? t(`actions.${action}`, { who }) : `${who} · ${action}`}</>;
  }
}
