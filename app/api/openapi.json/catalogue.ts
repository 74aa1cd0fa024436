import { z } from "zod";
import * as accountPassword from "@/app/api/account/password/route";
import * as account from "@/app/api/account/route";
import * as accountTokens from "@/app/api/account/tokens/route";
import * as accountTokensTokenid from "@/app/api/account/tokens/[tokenId]/route";
import * as health from "@/app/api/health/route";
import * as invitationsTokenAccept from "@/app/api/invitations/[token]/accept/route";
import * as invitationsTokenSignUp from "@/app/api/invitations/[token]/sign-up/route";
import * as orgActivity from "@/app/api/orgs/[org]/activity/route";
import * as orgCheckIns from "@/app/api/orgs/[org]/check-ins/route";
import * as orgCommentsCommentid from "@/app/api/orgs/[org]/comments/[commentId]/route";
import * as orgCyclesCycleidActivate from "@/app/api/orgs/[org]/cycles/[cycleId]/activate/route";
import * as orgCyclesCycleidClose from "@/app/api/orgs/[org]/cycles/[cycleId]/close/route";
import * as orgCyclesCycleidImport from "@/app/api/orgs/[org]/cycles/[cycleId]/import/route";
import * as orgCyclesCycleidFormOptions from "@/app/api/orgs/[org]/cycles/[cycleId]/form-options/route";
import * as orgCyclesCycleidTeamRows from "@/app/api/orgs/[org]/cycles/[cycleId]/team-rows/route";
import * as orgCycles from "@/app/api/orgs/[org]/cycles/route";
import * as orgExport from "@/app/api/orgs/[org]/export/route";
import * as orgGettingStartedExample from "@/app/api/orgs/[org]/getting-started/example/route";
import * as orgIntegrationsIntegrationidDeliveriesDeliveryidResend from "@/app/api/orgs/[org]/integrations/[integrationId]/deliveries/[deliveryId]/resend/route";
import * as orgIntegrationsIntegrationidDeliveries from "@/app/api/orgs/[org]/integrations/[integrationId]/deliveries/route";
import * as orgIntegrationsIntegrationidRotate from "@/app/api/orgs/[org]/integrations/[integrationId]/rotate/route";
import * as orgIntegrationsIntegrationid from "@/app/api/orgs/[org]/integrations/[integrationId]/route";
import * as orgIntegrationsIntegrationidTest from "@/app/api/orgs/[org]/integrations/[integrationId]/test/route";
import * as orgIntegrations from "@/app/api/orgs/[org]/integrations/route";
import * as orgInvitationsInvitationidResend from "@/app/api/orgs/[org]/invitations/[invitationId]/resend/route";
import * as orgInvitationsInvitationid from "@/app/api/orgs/[org]/invitations/[invitationId]/route";
import * as orgInvitations from "@/app/api/orgs/[org]/invitations/route";
import * as orgKeyResultsKeyresultidCheckIns from "@/app/api/orgs/[org]/key-results/[keyResultId]/check-ins/route";
import * as orgKeyResultsKeyresultidHistory from "@/app/api/orgs/[org]/key-results/[keyResultId]/history/route";
import * as orgKeyResultsKeyresultid from "@/app/api/orgs/[org]/key-results/[keyResultId]/route";
import * as orgLeave from "@/app/api/orgs/[org]/leave/route";
import * as orgMailOutboxidRetry from "@/app/api/orgs/[org]/mail/[outboxId]/retry/route";
import * as orgMembersUserid from "@/app/api/orgs/[org]/members/[userId]/route";
import * as orgMembersOptions from "@/app/api/orgs/[org]/members/options/route";
import * as orgMembers from "@/app/api/orgs/[org]/members/route";
import * as orgNotificationsMe from "@/app/api/orgs/[org]/notifications/me/route";
import * as orgNotifications from "@/app/api/orgs/[org]/notifications/route";
import * as orgObjectivesObjectiveidArchive from "@/app/api/orgs/[org]/objectives/[objectiveId]/archive/route";
import * as orgObjectivesObjectiveidCascade from "@/app/api/orgs/[org]/objectives/[objectiveId]/cascade/route";
import * as orgObjectivesObjectiveidChildren from "@/app/api/orgs/[org]/objectives/[objectiveId]/children/route";
import * as orgObjectivesObjectiveidComments from "@/app/api/orgs/[org]/objectives/[objectiveId]/comments/route";
import * as orgObjectivesObjectiveidKeyResultsOrder from "@/app/api/orgs/[org]/objectives/[objectiveId]/key-results/order/route";
import * as orgObjectivesObjectiveidKeyResults from "@/app/api/orgs/[org]/objectives/[objectiveId]/key-results/route";
import * as orgObjectivesObjectiveidMove from "@/app/api/orgs/[org]/objectives/[objectiveId]/move/route";
import * as orgObjectivesObjectiveidReflection from "@/app/api/orgs/[org]/objectives/[objectiveId]/reflection/route";
import * as orgObjectivesObjectiveidRestore from "@/app/api/orgs/[org]/objectives/[objectiveId]/restore/route";
import * as orgObjectivesObjectiveid from "@/app/api/orgs/[org]/objectives/[objectiveId]/route";
import * as orgObjectives from "@/app/api/orgs/[org]/objectives/route";
import * as orgRemindersSend from "@/app/api/orgs/[org]/reminders/send/route";
import * as org from "@/app/api/orgs/[org]/route";
import * as orgTeamsTeamidMembersUserid from "@/app/api/orgs/[org]/teams/[teamId]/members/[userId]/route";
import * as orgTeamsTeamidMembers from "@/app/api/orgs/[org]/teams/[teamId]/members/route";
import * as orgTeamsTeamid from "@/app/api/orgs/[org]/teams/[teamId]/route";
import * as orgTeams from "@/app/api/orgs/[org]/teams/route";
import * as orgTokens from "@/app/api/orgs/[org]/tokens/route";
import * as orgTokensTokenid from "@/app/api/orgs/[org]/tokens/[tokenId]/route";
import * as orgs from "@/app/api/orgs/route";
import * as passwordResetToken from "@/app/api/password-reset/[token]/route";
import * as passwordReset from "@/app/api/password-reset/route";
import * as preferences from "@/app/api/preferences/route";
import * as sessionEverywhere from "@/app/api/session/everywhere/route";
import * as session from "@/app/api/session/route";
import * as signUpConfirmToken from "@/app/api/sign-up/confirm/[token]/route";
import * as signUp from "@/app/api/sign-up/route";
import * as unsubscribeToken from "@/app/api/unsubscribe/[token]/route";
import type { CatalogueEntry } from "@/lib/api/openapi";

/**
 * Every route file under app/api that goes through `route()`, with its path, its tag and a line
 * for each method. The schemas are not repeated here: lib/api/openapi.ts reads them from the
 * handlers. A route file missing from this list fails app/api/openapi.json/openapi.test.ts.
 */

const ok = z.object({ ok: z.literal(true) });
const redirect = z.object({ redirectTo: z.string() });

const ORG = "Organisation";
const SESSION = "Session and account (session only)";

export const catalogue: CatalogueEntry[] = [
  // Organisation, members, invitations
  { path: "/api/orgs/{org}", tag: ORG, module: org, operations: {
    GET: { summary: "The organisation's settings", description: "`{ name, slug, fiscalYearStartMonth }`." },
    PATCH: { summary: "Change the name, address or fiscal year (admins)", response: z.object({ slug: z.string(), redirectTo: z.string() }) },
    DELETE: { summary: "Delete the organisation and everything in it (owners; confirmSlug must equal the slug)", response: redirect },
  } },
  { path: "/api/orgs/{org}/leave", tag: ORG, module: orgLeave, operations: {
    POST: { summary: "Leave the organisation (the last owner cannot)", response: redirect },
  } },
  { path: "/api/orgs/{org}/members", tag: ORG, module: orgMembers, operations: {
    GET: { summary: "Members, 50 a page by name", description: "`{ items: [{ userId, name, email, role, joinedAt, teams }], nextCursor }`; `after` is the previous page's nextCursor." },
  } },
  { path: "/api/orgs/{org}/members/options", tag: ORG, module: orgMembersOptions, operations: {
    GET: { summary: "Everyone by name, for pickers", description: "`{ members: [{ id, name }] }`." },
  } },
  { path: "/api/orgs/{org}/members/{userId}", tag: ORG, module: orgMembersUserid, operations: {
    PATCH: { summary: "Change a member's role (admins; owners alone touch owners; the last owner stays)", response: ok },
    DELETE: { summary: "Remove a member (their goals and check-ins stay)", response: ok },
  } },
  { path: "/api/orgs/{org}/invitations", tag: ORG, module: orgInvitations, operations: {
    GET: { summary: "Open invitations (admins)" },
    POST: { summary: "Invite someone by email", description: "`{ invitation: { id, email, role, expiresAt, token, url } }`: the link is shown once and works for 7 days, once." },
  } },
  { path: "/api/orgs/{org}/invitations/{invitationId}", tag: ORG, module: orgInvitationsInvitationid, operations: {
    DELETE: { summary: "Revoke an invitation", response: ok },
  } },
  { path: "/api/orgs/{org}/invitations/{invitationId}/resend", tag: ORG, module: orgInvitationsInvitationidResend, operations: {
    POST: { summary: "A new link and 7 more days (the old link stops working)" },
  } },
  { path: "/api/orgs/{org}/notifications", tag: ORG, module: orgNotifications, operations: {
    GET: { summary: "The email schedule and the outbox's state" },
    PATCH: { summary: "When reminders and the digest go out, in the organisation's time zone (admins)", response: ok },
  } },
  { path: "/api/orgs/{org}/notifications/me", tag: ORG, module: orgNotificationsMe, operations: {
    PUT: { summary: "Your own email choices in this organisation", response: ok },
  } },
  { path: "/api/orgs/{org}/mail/{outboxId}/retry", tag: ORG, module: orgMailOutboxidRetry, operations: {
    POST: { summary: "Try a failed message once more (admins)", response: ok },
  } },
  { path: "/api/orgs/{org}/reminders/send", tag: ORG, module: orgRemindersSend, operations: {
    POST: { summary: "Send this week's reminders now (admins)" },
  } },
  { path: "/api/orgs/{org}/tokens", tag: ORG, module: orgTokens, operations: {
    GET: { summary: "Every live API token of the organisation and whose it is (admins)" },
  } },
  { path: "/api/orgs/{org}/tokens/{tokenId}", tag: ORG, module: orgTokensTokenid, operations: {
    DELETE: { summary: "Revoke anyone's API token (admins)", response: ok },
  } },
  { path: "/api/orgs/{org}/integrations", tag: ORG, module: orgIntegrations, operations: {
    GET: { summary: "Webhook endpoints and Slack/Teams channels, never their secrets (admins)" },
    POST: { summary: "Register a webhook endpoint or connect a Slack/Teams channel (admins)", description: "A webhook's `whsec_…` signing secret is in this answer only." },
  } },
  { path: "/api/orgs/{org}/integrations/{integrationId}", tag: ORG, module: orgIntegrationsIntegrationid, operations: {
    PATCH: { summary: "Pause, enable or change an endpoint or channel (admins)" },
    DELETE: { summary: "Delete an endpoint or channel with its delivery log (admins)", response: ok },
  } },
  { path: "/api/orgs/{org}/integrations/{integrationId}/rotate", tag: ORG, module: orgIntegrationsIntegrationidRotate, operations: {
    POST: { summary: "A new signing secret, shown once; the previous one signs beside it for 24 hours (admins)" },
  } },
  { path: "/api/orgs/{org}/integrations/{integrationId}/test", tag: ORG, module: orgIntegrationsIntegrationidTest, operations: {
    POST: { summary: "Send a test event or message (admins)" },
  } },
  { path: "/api/orgs/{org}/integrations/{integrationId}/deliveries", tag: ORG, module: orgIntegrationsIntegrationidDeliveries, operations: {
    GET: { summary: "The delivery log, newest first, 20 a page (admins)" },
  } },
  { path: "/api/orgs/{org}/integrations/{integrationId}/deliveries/{deliveryId}/resend", tag: ORG, module: orgIntegrationsIntegrationidDeliveriesDeliveryidResend, operations: {
    POST: { summary: "Send a delivery again, same webhook-id and body (admins)" },
  } },
  { path: "/api/orgs/{org}/export", tag: ORG, module: orgExport, operations: {
    GET: {
      summary: "The cycle's OKRs, or the quarter statistics, as CSV",
      description:
        "UTF-8 with a byte order mark; a cell a spreadsheet would run as a formula gets a leading single quote. Answers `text/csv`. `kind=quarters`: one row per closed cycle (the last eight, oldest first) with its objectives, average score, share at 0.7 or more, check-in rate and carried-over count (empty: not tracked yet), for the organisation, or one `team` or `person`.",
    },
  } },
  // Teams
  { path: "/api/orgs/{org}/teams", tag: "Teams", module: orgTeams, operations: {
    GET: { summary: "Every team" },
    POST: { summary: "Create a team (admins)" },
  } },
  { path: "/api/orgs/{org}/teams/{teamId}", tag: "Teams", module: orgTeamsTeamid, operations: {
    GET: { summary: "One team with its members" },
    PATCH: { summary: "Rename, re-parent or change the lead (nesting under itself or a sub-team is refused)", response: ok },
    DELETE: { summary: "Delete a team: its objectives move or are deleted, as chosen", response: redirect },
  } },
  { path: "/api/orgs/{org}/teams/{teamId}/members", tag: "Teams", module: orgTeamsTeamidMembers, operations: {
    POST: { summary: "Add a member to the team", response: ok },
  } },
  { path: "/api/orgs/{org}/teams/{teamId}/members/{userId}", tag: "Teams", module: orgTeamsTeamidMembersUserid, operations: {
    DELETE: { summary: "Remove a member from the team (and their lead role there)", response: ok },
  } },
  // Cycles
  { path: "/api/orgs/{org}/cycles", tag: "Cycles", module: orgCycles, operations: {
    GET: { summary: "Cycles, newest first" },
    POST: { summary: "Create the next fiscal quarter, in planning (admins)" },
  } },
  { path: "/api/orgs/{org}/cycles/{cycleId}/activate", tag: "Cycles", module: orgCyclesCycleidActivate, operations: {
    POST: { summary: "Planning → active", response: ok },
  } },
  { path: "/api/orgs/{org}/cycles/{cycleId}/import", tag: ORG, module: orgCyclesCycleidImport, operations: {
    POST: {
      summary: "Import objectives and key results from CSV (the export's columns)",
      description: "`?dryRun=true` answers the report (counts, problems by row and column, a preview) and writes nothing; without it the file is judged again and written in one transaction, or with any problem nothing is (422 `unprocessable` with `error.report`). Over 1 MB or 2,000 rows: 413 `too_large`. See docs/api.md for the file format.",
      errors: ["too_large", "unprocessable"],
    },
  } },
  { path: "/api/orgs/{org}/cycles/{cycleId}/close", tag: "Cycles", module: orgCyclesCycleidClose, operations: {
    POST: { summary: "Close the cycle and freeze every objective's score", response: z.object({ scored: z.number().int() }) },
  } },
  { path: "/api/orgs/{org}/cycles/{cycleId}/form-options", tag: "Cycles", module: orgCyclesCycleidFormOptions, operations: {
    GET: { summary: "What the objective and key-result forms offer: members, teams, objectives to align to" },
  } },
  { path: "/api/orgs/{org}/cycles/{cycleId}/team-rows", tag: "Cycles", module: orgCyclesCycleidTeamRows, operations: {
    GET: { summary: "The dashboard's team rows below a team (all without `parent`)" },
  } },
  { path: "/api/orgs/{org}/getting-started/example", tag: "Objectives", module: orgGettingStartedExample, operations: {
    POST: { summary: "Create the worked example objective with three key results" },
  } },
  // Objectives and key results
  { path: "/api/orgs/{org}/objectives", tag: "Objectives", module: orgObjectives, operations: {
    GET: { summary: "The explorer: objectives (or key results) with filters, sort and cursors", description: "`{ cycle, items, total, totalIsLowerBound, sort, dir, nextCursor, prevCursor }`, 25 a page." },
    POST: { summary: "Create an objective", description: "`{ objective: { id, … } }`." },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}", tag: "Objectives", module: orgObjectivesObjectiveid, operations: {
    GET: { summary: "An objective with its key results, chain, aligned children and history" },
    PATCH: { summary: "Edit an objective, naming the version it was based on", description: "A newer save by someone else answers 409 with `current`." },
    DELETE: { summary: "Delete an objective with its key results and check-ins", response: ok },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/archive", tag: "Objectives", module: orgObjectivesObjectiveidArchive, operations: {
    POST: { summary: "Archive: it leaves lists and rollups and keeps its history", response: ok },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/restore", tag: "Objectives", module: orgObjectivesObjectiveidRestore, operations: {
    POST: { summary: "Restore an archived objective", response: ok },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/move", tag: "Objectives", module: orgObjectivesObjectiveidMove, operations: {
    POST: { summary: "Move to another open cycle (its alignment stays behind)", response: ok },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/cascade", tag: "Objectives", module: orgObjectivesObjectiveidCascade, operations: {
    POST: { summary: "Create aligned team or personal objectives in one step", description: "`{ created, skipped }`." },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/children", tag: "Objectives", module: orgObjectivesObjectiveidChildren, operations: {
    GET: { summary: "The objectives aligned directly below" },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/reflection", tag: "Cycles", module: orgObjectivesObjectiveidReflection, operations: {
    PUT: { summary: "The owner's reflection on a closed cycle's objective", response: ok },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/key-results", tag: "Key results", module: orgObjectivesObjectiveidKeyResults, operations: {
    POST: { summary: "Add a key result", description: "`increase` needs target > start, `decrease` target < start; `milestone` runs 0 → 1." },
  } },
  { path: "/api/orgs/{org}/objectives/{objectiveId}/key-results/order", tag: "Key results", module: orgObjectivesObjectiveidKeyResultsOrder, operations: {
    PUT: { summary: "Reorder the objective's key results (all of them, in the new order)", response: ok },
  } },
  { path: "/api/orgs/{org}/key-results/{keyResultId}", tag: "Key results", module: orgKeyResultsKeyresultid, operations: {
    PATCH: { summary: "Edit a key result, naming the version it was based on", description: "The value changes only by check-ins; a stale version answers 409." },
    DELETE: { summary: "Delete a key result and its check-ins", response: ok },
  } },
  { path: "/api/orgs/{org}/key-results/{keyResultId}/history", tag: "Key results", module: orgKeyResultsKeyresultidHistory, operations: {
    GET: { summary: "A key result's expected line and check-ins, newest first (up to 200)" },
  } },
  // Check-ins
  { path: "/api/orgs/{org}/key-results/{keyResultId}/check-ins", tag: "Check-ins", module: orgKeyResultsKeyresultidCheckIns, operations: {
    POST: { summary: "Check in on a key result", description: "Check-ins are never edited: a newer one corrects a mistake. A milestone's value is 0 or 1." },
  } },
  { path: "/api/orgs/{org}/check-ins", tag: "Check-ins", module: orgCheckIns, operations: {
    POST: { summary: "The weekly check-in: every entry or none", description: "Errors name the row (`entries.1.value`)." },
  } },
  // Comments and activity
  { path: "/api/orgs/{org}/objectives/{objectiveId}/comments", tag: "Comments and activity", module: orgObjectivesObjectiveidComments, operations: {
    GET: { summary: "An objective's comments, newest first, 50 a page" },
    POST: { summary: "Comment on an objective (plain text up to 5,000 characters)" },
  } },
  { path: "/api/orgs/{org}/comments/{commentId}", tag: "Comments and activity", module: orgCommentsCommentid, operations: {
    PATCH: { summary: "Edit your own comment" },
    DELETE: { summary: "Delete a comment (its author, or an admin); the thread keeps a placeholder" },
  } },
  { path: "/api/orgs/{org}/activity", tag: "Comments and activity", module: orgActivity, operations: {
    GET: { summary: "What changed: check-ins, changes and comments, newest first", description: "`scope=organisation`, `scope=team&teamId=…&includeSubTeams=true` or `scope=objective&objectiveId=…`." },
  } },
  // Session and account: a browser's session, never a token
  { path: "/api/orgs", tag: SESSION, module: orgs, operations: {
    POST: { summary: "Create another organisation, owned by you" },
  } },
  { path: "/api/session", tag: SESSION, module: session, operations: {
    POST: { summary: "Sign in", description: "Sets the session cookie. Too many failures per account, address or in all answer 429.", response: redirect, errors: ["rate_limited"] },
    DELETE: { summary: "Sign out on this device", response: redirect },
  } },
  { path: "/api/session/everywhere", tag: SESSION, module: sessionEverywhere, operations: {
    POST: { summary: "End every session of the person", response: redirect },
  } },
  { path: "/api/sign-up", tag: SESSION, module: signUp, operations: {
    POST: { summary: "Ask for an account and organisation: a confirmation link is emailed", errors: ["rate_limited"] },
  } },
  { path: "/api/sign-up/confirm/{token}", tag: SESSION, module: signUpConfirmToken, operations: {
    POST: { summary: "Confirm a sign-up: the account and organisation are created and signed in", errors: ["gone", "rate_limited"] },
  } },
  { path: "/api/account", tag: SESSION, module: account, operations: {
    PATCH: { summary: "Your name and language", response: ok },
  } },
  { path: "/api/account/tokens", tag: SESSION, module: accountTokens, operations: {
    GET: { summary: "Your API tokens" },
    POST: { summary: "Make an API token for one organisation", description: "The answer's `secret` (`rtn_…`) is shown this once; only its hash is kept." },
  } },
  { path: "/api/account/tokens/{tokenId}", tag: SESSION, module: accountTokensTokenid, operations: {
    DELETE: { summary: "Revoke one of your API tokens", response: ok },
  } },
  { path: "/api/account/password", tag: SESSION, module: accountPassword, operations: {
    POST: { summary: "Change your password; every other session ends", response: ok, errors: ["rate_limited"] },
  } },
  { path: "/api/preferences", tag: SESSION, module: preferences, operations: {
    POST: { summary: "Language and theme cookies (and the account's language when signed in)", response: ok },
  } },
  { path: "/api/password-reset", tag: SESSION, module: passwordReset, operations: {
    POST: { summary: "Email a reset link (the same answer for every address)", response: ok, errors: ["rate_limited"] },
  } },
  { path: "/api/password-reset/{token}", tag: SESSION, module: passwordResetToken, operations: {
    POST: { summary: "Set a new password from a reset link; every session ends", response: redirect, errors: ["gone", "rate_limited"] },
  } },
  { path: "/api/invitations/{token}/accept", tag: SESSION, module: invitationsTokenAccept, operations: {
    POST: { summary: "Accept an invitation as the signed-in person with the invited email", response: redirect, errors: ["gone", "rate_limited"] },
  } },
  { path: "/api/invitations/{token}/sign-up", tag: SESSION, module: invitationsTokenSignUp, operations: {
    POST: { summary: "Create the account with the invited email, join and sign in", response: redirect, errors: ["gone", "rate_limited"] },
  } },
  { path: "/api/unsubscribe/{token}", tag: SESSION, module: unsubscribeToken, operations: {
    POST: { summary: "One-click unsubscribe (RFC 8058) from an email's link" },
  } },
  { path: "/api/health", tag: "Health", module: health, operations: {
    GET: { summary: "Whether the server reaches its database (503 when it does not)", response: z.object({ ok: z.boolean(), database: z.boolean() }) },
  } },
];
