/**
 * The domain's vocabulary: the values every enum of the database takes, and their types. The
 * lowest module of lib/: it imports nothing, so rules (lib/okr), permissions, validation,
 * components and the database schema (db/schema/enums.ts builds its pgEnums from these) can all
 * read it without pulling each other in.
 */

export const locales = ["en", "nb"] as const;
export const membershipRoles = ["owner", "admin", "member"] as const;
export const cycleStatuses = ["planning", "active", "closed"] as const;
export const objectiveLevels = ["company", "team", "individual"] as const;
export const rollupModes = ["key_results", "children", "both", "manual"] as const;
export const keyResultUnits = ["number", "percent", "currency", "custom"] as const;
export const keyResultDirections = ["increase", "decrease", "stay_above", "stay_below", "milestone"] as const;
export const confidences = ["on_track", "at_risk", "off_track"] as const;

/** What an email is about; each kind has a template in lib/mail/templates and a unique key per message. */
export const mailKinds = [
  "invitation",
  "password_reset",
  "sign_up_confirm",
  "sign_up_existing",
  "check_in_reminder",
  "escalation",
  "weekly_digest",
  "comments",
] as const;
/** Where a message stands: waiting, being handed to the mail server, delivered, or given up on. */
export const mailStatuses = ["pending", "sending", "sent", "failed"] as const;
/** The emails a person may turn off, each with its own one-click unsubscribe. */
export const notificationTopics = ["reminders", "escalation", "digest", "comments"] as const;

export type Locale = (typeof locales)[number];
export type MailKind = (typeof mailKinds)[number];
export type MailStatus = (typeof mailStatuses)[number];
export type NotificationTopic = (typeof notificationTopics)[number];
export type MembershipRole = (typeof membershipRoles)[number];
export type CycleStatus = (typeof cycleStatuses)[number];
export type ObjectiveLevel = (typeof objectiveLevels)[number];
export type RollupMode = (typeof rollupModes)[number];
export type KeyResultUnit = (typeof keyResultUnits)[number];
export type KeyResultDirection = (typeof keyResultDirections)[number];
export type Confidence = (typeof confidences)[number];

/** What the activity log records; the feed and the audit trail read these names. */
export const activityActions = [
  "organisation.created",
  "organisation.updated",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "team.created",
  "team.updated",
  "team.deleted",
  "team.member_added",
  "team.member_removed",
  "cycle.created",
  "cycle.activated",
  "cycle.closed",
  "objective.created",
  "objective.updated",
  "objective.moved",
  "objective.archived",
  "objective.restored",
  "objective.deleted",
  "objective.reflected",
  "key_result.created",
  "key_result.updated",
  "key_result.deleted",
  "check_in.created",
  "comment.created",
  "comment.updated",
  "comment.deleted",
] as const;
export type ActivityAction = (typeof activityActions)[number];

/** What an API token may do: read (GET only) or read and write, as the person who made it. */
export const apiTokenScopes = ["read", "read_write"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];
/** How long a new API token lives, in days: a choice, as GitHub and Vercel offer it (or never). */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const;
