import { z } from "zod";
import * as account from "@/app/api/account/route";
import * as accountPassword from "@/app/api/account/password/route";
import * as accountTokens from "@/app/api/account/tokens/route";
import * as accountTokensTokenid from "@/app/api/account/tokens/[tokenId]/route";
import * as health from "@/app/api/health/route";
import * as invitationsTokenAccept from "@/app/api/invitations/[token]/accept/route";
import * as invitationsTokenSignUp from "@/app/api/invitations/[token]/sign-up/route";
import * as orgs from "@/app/api/orgs/route";
import * as passwordReset from "@/app/api/password-reset/route";
import * as passwordResetToken from "@/app/api/password-reset/[token]/route";
import * as preferences from "@/app/api/preferences/route";
import * as session from "@/app/api/session/route";
import * as sessionEverywhere from "@/app/api/session/everywhere/route";
import * as signUp from "@/app/api/sign-up/route";
import * as signUpConfirmToken from "@/app/api/sign-up/confirm/[token]/route";
import * as unsubscribeToken from "@/app/api/unsubscribe/[token]/route";
import { okJson as ok, redirectJson as redirect } from "@/lib/api/json-values";
import { catalogueEntry, type CatalogueEntry } from "@/lib/api/openapi";
import { myApiTokenJson } from "@/lib/services/api-tokens";
import { unsubscribedJson } from "@/lib/services/notification-settings";
import { createdOrganisationJson } from "@/lib/services/organisations";

/**
 * The routes outside an organisation's address (app/api/openapi.json/catalogue.ts has those):
 * a browser's session and account, sign-up, links from emails, and the health check.
 */

const SESSION = "Session and account (session only)";
const healthReport = z.object({ ok: z.boolean(), database: z.boolean() });

export const sessionCatalogue: CatalogueEntry[] = [
  // Session and account: a browser's session, never a token
  catalogueEntry({ path: "/api/orgs", tag: SESSION, module: orgs, operations: {
    POST: { summary: "Create another organisation, owned by you", response: z.object({ organisation: createdOrganisationJson, redirectTo: z.string() }) },
  } }),
  catalogueEntry({ path: "/api/session", tag: SESSION, module: session, operations: {
    POST: { summary: "Sign in", description: "Sets the session cookie. Too many failures per account, address or in all answer 429.", response: redirect, errors: ["rate_limited"] },
    DELETE: { summary: "Sign out on this device", response: redirect },
  } }),
  catalogueEntry({ path: "/api/session/everywhere", tag: SESSION, module: sessionEverywhere, operations: {
    POST: { summary: "End every session of the person", response: redirect },
  } }),
  catalogueEntry({ path: "/api/sign-up", tag: SESSION, module: signUp, operations: {
    POST: {
      summary: "Ask for an account and organisation: a confirmation link is emailed",
      response: z.object({
        checkInbox: z.boolean().meta({ description: "Always true: the same answer whether or not the address has an account." }),
        devMailbox: z.boolean().meta({ description: "Mail goes to the development mailbox, not out." }),
      }),
      errors: ["rate_limited"],
    },
  } }),
  catalogueEntry({ path: "/api/sign-up/confirm/{token}", tag: SESSION, module: signUpConfirmToken, operations: {
    POST: {
      summary: "Confirm a sign-up: the account and organisation are created and signed in",
      response: z.object({ redirectTo: z.string(), organisation: createdOrganisationJson }),
      errors: ["gone", "rate_limited"],
    },
  } }),
  catalogueEntry({ path: "/api/account", tag: SESSION, module: account, operations: {
    PATCH: { summary: "Your name and language", response: ok },
  } }),
  catalogueEntry({ path: "/api/account/tokens", tag: SESSION, module: accountTokens, operations: {
    GET: { summary: "Your API tokens", response: z.object({ tokens: z.array(myApiTokenJson) }) },
    POST: { summary: "Make an API token for one organisation", description: "The answer's `secret` (`rtn_…`) is shown this once; only its hash is kept.", response: z.object({ token: myApiTokenJson, secret: z.string() }) },
  } }),
  catalogueEntry({ path: "/api/account/tokens/{tokenId}", tag: SESSION, module: accountTokensTokenid, operations: {
    DELETE: { summary: "Revoke one of your API tokens", response: ok },
  } }),
  catalogueEntry({ path: "/api/account/password", tag: SESSION, module: accountPassword, operations: {
    POST: { summary: "Change your password; every other session ends", response: ok, errors: ["rate_limited"] },
  } }),
  catalogueEntry({ path: "/api/preferences", tag: SESSION, module: preferences, operations: {
    POST: { summary: "Language and theme cookies (and the account's language when signed in)", response: ok },
  } }),
  catalogueEntry({ path: "/api/password-reset", tag: SESSION, module: passwordReset, operations: {
    POST: { summary: "Email a reset link (the same answer for every address)", response: ok, errors: ["rate_limited"] },
  } }),
  catalogueEntry({ path: "/api/password-reset/{token}", tag: SESSION, module: passwordResetToken, operations: {
    POST: { summary: "Set a new password from a reset link; every session ends", response: redirect, errors: ["gone", "rate_limited"] },
  } }),
  catalogueEntry({ path: "/api/invitations/{token}/accept", tag: SESSION, module: invitationsTokenAccept, operations: {
    POST: { summary: "Accept an invitation as the signed-in person with the invited email", response: redirect, errors: ["gone", "rate_limited"] },
  } }),
  catalogueEntry({ path: "/api/invitations/{token}/sign-up", tag: SESSION, module: invitationsTokenSignUp, operations: {
    POST: { summary: "Create the account with the invited email, join and sign in", response: redirect, errors: ["gone", "rate_limited"] },
  } }),
  catalogueEntry({ path: "/api/unsubscribe/{token}", tag: SESSION, module: unsubscribeToken, operations: {
    POST: { summary: "One-click unsubscribe (RFC 8058) from an email's link", response: ok.extend({ topic: unsubscribedJson.shape.topic }) },
  } }),
  catalogueEntry({ path: "/api/health", tag: "Health", module: health, operations: {
    GET: {
      summary: "Whether the server reaches its database (503 when it does not)",
      response: healthReport,
      otherAnswers: { 503: { description: "The database cannot be reached: the same report, with both false.", response: healthReport } },
    },
  } }),
];
