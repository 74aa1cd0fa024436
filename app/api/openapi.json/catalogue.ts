import { z } from "zod";
import * as orgActivity from "@/app/api/orgs/[org]/activity/route";
import * as orgCheckIns from "@/app/api/orgs/[org]/check-ins/route";
import * as orgCommentsCommentid from "@/app/api/orgs/[org]/comments/[commentId]/route";
import * as orgCyclesCycleidActivate from "@/app/api/orgs/[org]/cycles/[cycleId]/activate/route";
import * as orgCyclesCycleidClose from "@/app/api/orgs/[org]/cycles/[cycleId]/close/route";
import * as orgCyclesCycleidCarryOver from "@/app/api/orgs/[org]/cycles/[cycleId]/carry-over/route";
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
import { createdRowJson, okJson as ok, redirectJson as redirect } from "@/lib/api/json-values";
import { catalogueEntry, type CatalogueEntry } from "@/lib/api/openapi";
import { sessionCatalogue } from "./session-catalogue";
import { importReportJson, importResultJson } from "@/lib/import/types";
import { organisationApiTokenJson } from "@/lib/services/api-tokens";
import { carryOverResultJson } from "@/lib/services/carry-over";
import { cascadeResultJson } from "@/lib/services/cascade";
import { checkInResultJson } from "@/lib/services/check-ins";
import { commentViewJson } from "@/lib/services/comments";
import { cycleSummaryJson } from "@/lib/services/cycles";
import { teamRowJson } from "@/lib/services/dashboard-teams";
import { explorerPageJson } from "@/lib/services/explorer";
import { feedItemJson } from "@/lib/services/feed";
import { keyResultHistoryJson } from "@/lib/services/history";
import { createdIntegrationJson, deliveryViewJson, integrationViewJson, queuedDeliveryJson, rotatedSecretJson } from "@/lib/services/integrations";
import { issuedInvitationJson, pendingInvitationJson } from "@/lib/services/invitations";
import { memberOptionJson, memberRowJson } from "@/lib/services/members";
import { notificationSettingsJson } from "@/lib/services/notification-settings";
import { objectiveCardJson } from "@/lib/services/objective-cards";
import { objectiveDetailJson } from "@/lib/services/objective-detail";
import { objectiveFormOptionsJson } from "@/lib/services/objective-form";
import { objectiveSnapshotJson } from "@/lib/services/objectives";
import { organisationSettingsJson } from "@/lib/services/organisations";
import { pageJson } from "@/lib/services/pagination";
import { reminderRunJson } from "@/lib/services/reminders";
import { teamDetailJson, teamSummaryJson } from "@/lib/services/teams";

/**
 * Every route file under app/api that goes through `route()`, with its path, its tag, a line for
 * each method and its success answer (the organisation's routes here, the others from
 * session-catalogue.ts). The input schemas are not repeated here: lib/api/openapi.ts reads them
 * from the handlers; the answer schemas live beside the services' types, and catalogueEntry()
 * checks each against its handler's return type. A route file missing from this list fails
 * app/api/openapi.json/openapi.test.ts.
 */

/** A new invitation link, shown once: `url` is the page `token` opens. */
const issuedInvitation = z.object({ invitation: issuedInvitationJson.extend({ url: z.string() }) });
const comment = z.object({ comment: commentViewJson });

const ORG = "Organisation";

export const catalogue: CatalogueEntry[] = [
  // Organisation, members, invitations
  catalogueEntry({ path: "/api/orgs/{org}", tag: ORG, module: org, operations: {
    GET: { summary: "The organisation's settings", response: organisationSettingsJson },
    PATCH: { summary: "Change the name, address or fiscal year (admins)", response: z.object({ slug: z.string(), redirectTo: z.string() }) },
    DELETE: { summary: "Delete the organisation and everything in it (owners; confirmSlug must equal the slug)", response: redirect },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/leave", tag: ORG, module: orgLeave, operations: {
    POST: { summary: "Leave the organisation (the last owner cannot)", response: redirect },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/members", tag: ORG, module: orgMembers, operations: {
    GET: { summary: "Members, 50 a page by name", description: "`after` is the previous page's nextCursor.", response: pageJson(memberRowJson) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/members/options", tag: ORG, module: orgMembersOptions, operations: {
    GET: { summary: "Everyone by name, for pickers", response: z.object({ members: z.array(memberOptionJson) }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/members/{userId}", tag: ORG, module: orgMembersUserid, operations: {
    PATCH: { summary: "Change a member's role (admins; owners alone touch owners; the last owner stays)", response: ok },
    DELETE: { summary: "Remove a member (their goals and check-ins stay)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/invitations", tag: ORG, module: orgInvitations, operations: {
    GET: { summary: "Open invitations (admins)", response: z.object({ invitations: z.array(pendingInvitationJson) }) },
    POST: { summary: "Invite someone by email", description: "The link (`url`) is shown once and works for 7 days, once.", response: issuedInvitation },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/invitations/{invitationId}", tag: ORG, module: orgInvitationsInvitationid, operations: {
    DELETE: { summary: "Revoke an invitation", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/invitations/{invitationId}/resend", tag: ORG, module: orgInvitationsInvitationidResend, operations: {
    POST: { summary: "A new link and 7 more days (the old link stops working)", response: issuedInvitation },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/notifications", tag: ORG, module: orgNotifications, operations: {
    GET: { summary: "The email schedule and your own email choices", response: notificationSettingsJson },
    PATCH: { summary: "When reminders and the digest go out, in the organisation's time zone (admins)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/notifications/me", tag: ORG, module: orgNotificationsMe, operations: {
    PUT: { summary: "Your own email choices in this organisation", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/mail/{outboxId}/retry", tag: ORG, module: orgMailOutboxidRetry, operations: {
    POST: { summary: "Try a failed message once more (admins)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/reminders/send", tag: ORG, module: orgRemindersSend, operations: {
    POST: { summary: "Send this week's reminders now (admins)", response: reminderRunJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/tokens", tag: ORG, module: orgTokens, operations: {
    GET: { summary: "Every live API token of the organisation and whose it is (admins)", response: z.object({ tokens: z.array(organisationApiTokenJson) }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/tokens/{tokenId}", tag: ORG, module: orgTokensTokenid, operations: {
    DELETE: { summary: "Revoke anyone's API token (admins)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations", tag: ORG, module: orgIntegrations, operations: {
    GET: { summary: "Webhook endpoints and Slack/Teams channels, never their secrets (admins)", response: z.object({ integrations: z.array(integrationViewJson) }) },
    POST: { summary: "Register a webhook endpoint or connect a Slack/Teams channel (admins)", description: "A webhook's `whsec_…` signing secret is in this answer only.", response: createdIntegrationJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations/{integrationId}", tag: ORG, module: orgIntegrationsIntegrationid, operations: {
    PATCH: { summary: "Pause, enable or change an endpoint or channel (admins)", response: z.object({ integration: integrationViewJson }) },
    DELETE: { summary: "Delete an endpoint or channel with its delivery log (admins)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations/{integrationId}/rotate", tag: ORG, module: orgIntegrationsIntegrationidRotate, operations: {
    POST: { summary: "A new signing secret, shown once; the previous one signs beside it for 24 hours (admins)", response: rotatedSecretJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations/{integrationId}/test", tag: ORG, module: orgIntegrationsIntegrationidTest, operations: {
    POST: { summary: "Send a test event or message (admins)", response: queuedDeliveryJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations/{integrationId}/deliveries", tag: ORG, module: orgIntegrationsIntegrationidDeliveries, operations: {
    GET: { summary: "The delivery log, newest first, 20 a page (admins)", response: pageJson(deliveryViewJson) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/integrations/{integrationId}/deliveries/{deliveryId}/resend", tag: ORG, module: orgIntegrationsIntegrationidDeliveriesDeliveryidResend, operations: {
    POST: { summary: "Send a delivery again, same webhook-id and body (admins)", response: queuedDeliveryJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/export", tag: ORG, module: orgExport, operations: {
    GET: {
      summary: "The cycle's OKRs, or the quarter statistics, as CSV",
      description:
        "`kind=quarters`: one row per closed cycle (the last eight, oldest first) with its objectives, average score, share at 0.7 or more, check-in rate and carried-over count, for the organisation, or one `team` or `person`.",
      response: { mediaType: "text/csv", description: "A download: UTF-8 with a byte order mark; a cell a spreadsheet would run as a formula gets a leading single quote." },
    },
  } }),
  // Teams
  catalogueEntry({ path: "/api/orgs/{org}/teams", tag: "Teams", module: orgTeams, operations: {
    GET: { summary: "Every team", response: z.object({ teams: z.array(teamSummaryJson) }) },
    POST: { summary: "Create a team (admins)", response: z.object({ team: createdRowJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/teams/{teamId}", tag: "Teams", module: orgTeamsTeamid, operations: {
    GET: { summary: "One team with its members", response: z.object({ team: teamDetailJson }) },
    PATCH: { summary: "Rename, re-parent or change the lead (nesting under itself or a sub-team is refused)", response: ok },
    DELETE: { summary: "Delete a team: its objectives move or are deleted, as chosen", response: redirect },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/teams/{teamId}/members", tag: "Teams", module: orgTeamsTeamidMembers, operations: {
    POST: { summary: "Add a member to the team", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/teams/{teamId}/members/{userId}", tag: "Teams", module: orgTeamsTeamidMembersUserid, operations: {
    DELETE: { summary: "Remove a member from the team (and their lead role there)", response: ok },
  } }),
  // Cycles
  catalogueEntry({ path: "/api/orgs/{org}/cycles", tag: "Cycles", module: orgCycles, operations: {
    GET: { summary: "Cycles, newest first", response: z.object({ cycles: z.array(cycleSummaryJson) }) },
    POST: { summary: "Create the next fiscal quarter, in planning (admins)", response: z.object({ cycle: cycleSummaryJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/activate", tag: "Cycles", module: orgCyclesCycleidActivate, operations: {
    POST: { summary: "Planning → active", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/import", tag: ORG, module: orgCyclesCycleidImport, operations: {
    POST: {
      summary: "Import objectives and key results from CSV (the export's columns)",
      description: "`?dryRun=true` answers the report (counts, problems by row and column, a preview) and writes nothing; without it the file is judged again and written in one transaction, or with any problem nothing is (422 `unprocessable` with `error.report`). Over 1 MB or 2,000 rows: 413 `too_large`. See docs/api.md for the file format.",
      response: z.union([importReportJson, importResultJson]).meta({ description: "With `dryRun`, the report; without, what was written." }),
      errors: ["too_large", "unprocessable"],
    },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/carry-over", tag: "Cycles", module: orgCyclesCycleidCarryOver, operations: {
    POST: {
      summary: "Carry objectives of this cycle into a later, open cycle",
      description: "Each named objective is copied into `toCycleId` with its key results (unit, direction, weight, owner; start = the last value unless `startValue` is given, target as before unless `targetValue` is given, due at the target cycle's end; `carry: false` leaves one behind, but not all) and linked to its predecessor (`carriedFromId`). Alignment follows the parent's copy in the target cycle, else the copy starts unaligned (`alignment: \"unaligned\"`); copies carried earlier that are still unaligned are aligned to their parent's copy when it is carried (`realigned`). One transaction; this cycle is only read. Objectives not named (done, or dropped) are left as they are. An objective carried before: 409 `conflict`.",
      response: carryOverResultJson,
    },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/close", tag: "Cycles", module: orgCyclesCycleidClose, operations: {
    POST: { summary: "Close the cycle and freeze every objective's score", response: z.object({ scored: z.number().int() }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/form-options", tag: "Cycles", module: orgCyclesCycleidFormOptions, operations: {
    GET: { summary: "What the objective and key-result forms offer: members, teams, objectives to align to", response: z.object({ options: objectiveFormOptionsJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/cycles/{cycleId}/team-rows", tag: "Cycles", module: orgCyclesCycleidTeamRows, operations: {
    GET: { summary: "The dashboard's team rows below a team (all without `parent`)", response: z.object({ teams: z.array(teamRowJson) }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/getting-started/example", tag: "Objectives", module: orgGettingStartedExample, operations: {
    POST: { summary: "Create the worked example objective with three key results", response: z.object({ objective: createdRowJson, redirectTo: z.string() }) },
  } }),
  // Objectives and key results
  catalogueEntry({ path: "/api/orgs/{org}/objectives", tag: "Objectives", module: orgObjectives, operations: {
    GET: { summary: "The explorer: objectives with filters, sort and cursors, 25 a page", response: explorerPageJson },
    POST: { summary: "Create an objective", response: z.object({ objective: createdRowJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}", tag: "Objectives", module: orgObjectivesObjectiveid, operations: {
    GET: { summary: "An objective with its key results, chain, aligned children and history", response: objectiveDetailJson },
    PATCH: { summary: "Edit an objective, naming the version it was based on", description: "A newer save by someone else answers 409 with `current`.", response: z.object({ objective: objectiveSnapshotJson }) },
    DELETE: { summary: "Delete an objective with its key results and check-ins", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/archive", tag: "Objectives", module: orgObjectivesObjectiveidArchive, operations: {
    POST: { summary: "Archive: it leaves lists and rollups and keeps its history", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/restore", tag: "Objectives", module: orgObjectivesObjectiveidRestore, operations: {
    POST: { summary: "Restore an archived objective", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/move", tag: "Objectives", module: orgObjectivesObjectiveidMove, operations: {
    POST: { summary: "Move to another open cycle (its alignment stays behind)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/cascade", tag: "Objectives", module: orgObjectivesObjectiveidCascade, operations: {
    POST: { summary: "Create aligned team or personal objectives in one step", response: cascadeResultJson },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/children", tag: "Objectives", module: orgObjectivesObjectiveidChildren, operations: {
    GET: { summary: "The objectives aligned directly below", response: z.object({ children: z.array(objectiveCardJson) }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/reflection", tag: "Cycles", module: orgObjectivesObjectiveidReflection, operations: {
    PUT: { summary: "The owner's reflection on a closed cycle's objective", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/key-results", tag: "Key results", module: orgObjectivesObjectiveidKeyResults, operations: {
    POST: { summary: "Add a key result", description: "`increase` needs target > start, `decrease` target < start; `milestone` runs 0 → 1.", response: z.object({ keyResult: createdRowJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/key-results/order", tag: "Key results", module: orgObjectivesObjectiveidKeyResultsOrder, operations: {
    PUT: { summary: "Reorder the objective's key results (all of them, in the new order)", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/key-results/{keyResultId}", tag: "Key results", module: orgKeyResultsKeyresultid, operations: {
    PATCH: { summary: "Edit a key result, naming the version it was based on", description: "The value changes only by check-ins; a stale version answers 409.", response: z.object({ keyResult: z.object({ version: z.number().int() }) }) },
    DELETE: { summary: "Delete a key result and its check-ins", response: ok },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/key-results/{keyResultId}/history", tag: "Key results", module: orgKeyResultsKeyresultidHistory, operations: {
    GET: { summary: "A key result's expected line and check-ins, newest first (up to 200)", response: z.object({ history: keyResultHistoryJson }) },
  } }),
  // Check-ins
  catalogueEntry({ path: "/api/orgs/{org}/key-results/{keyResultId}/check-ins", tag: "Check-ins", module: orgKeyResultsKeyresultidCheckIns, operations: {
    POST: { summary: "Check in on a key result", description: "Check-ins are never edited: a newer one corrects a mistake. A milestone's value is 0 or 1.", response: z.object({ checkIn: checkInResultJson }) },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/check-ins", tag: "Check-ins", module: orgCheckIns, operations: {
    POST: { summary: "The weekly check-in: every entry or none", description: "Errors name the row (`entries.1.value`).", response: z.object({ checkIns: z.array(checkInResultJson) }) },
  } }),
  // Comments and activity
  catalogueEntry({ path: "/api/orgs/{org}/objectives/{objectiveId}/comments", tag: "Comments and activity", module: orgObjectivesObjectiveidComments, operations: {
    GET: { summary: "An objective's comments, newest first, 50 a page", response: pageJson(commentViewJson) },
    POST: { summary: "Comment on an objective (plain text up to 5,000 characters)", response: comment },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/comments/{commentId}", tag: "Comments and activity", module: orgCommentsCommentid, operations: {
    PATCH: { summary: "Edit your own comment", response: comment },
    DELETE: { summary: "Delete a comment (its author, or an admin); the thread keeps a placeholder", description: "The answer is the comment as it now reads: deleted, without its words.", response: comment },
  } }),
  catalogueEntry({ path: "/api/orgs/{org}/activity", tag: "Comments and activity", module: orgActivity, operations: {
    GET: { summary: "What changed: check-ins, changes and comments, newest first", description: "`scope=organisation`, `scope=team&teamId=…&includeSubTeams=true` or `scope=objective&objectiveId=…`.", response: pageJson(feedItemJson) },
  } }),
  ...sessionCatalogue,
];
