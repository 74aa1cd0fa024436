/**
 * What each write route takes, as the fuzz test needs it: the kind of every body field (so it can
 * make values that kind refuses) and a body that is valid as a whole (so a corrupted field is the
 * only thing wrong). Kept beside the schemas in lib/validation by hand, and checked against the
 * routes under app/ at run time: a new write route fails the test until it is described here.
 */

export type FieldKind =
  | { kind: "text"; min: number; max: number }
  | { kind: "secret"; min: number; max: number }
  | { kind: "uuid"; nullable?: boolean }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "choice"; values: readonly number[]; nullable?: boolean }
  | { kind: "decimal"; positive?: boolean }
  | { kind: "int"; min: number; max: number }
  | { kind: "share" }
  | { kind: "date" }
  | { kind: "email" }
  | { kind: "slug"; optional?: boolean }
  | { kind: "currency" }
  | { kind: "uuids"; min: number; max: number }
  | { kind: "url" }
  | { kind: "enums"; min: number; values: readonly string[] }
  /** A CSV file's text: its size is the service's to judge (413, tested in lib/services/import.test.ts), not a field error. */
  | { kind: "csv" }
  | { kind: "rows"; min: number; max: number; row: Fields; validRow: (world: World) => Record<string, unknown> };

export type Fields = Record<string, FieldKind>;

export type ParamKind = "org" | "uuid" | "token";

/**
 * Real rows of the fuzzing organisation: valid bodies and paths name them, so that a value the
 * validation let through would reach the database (and fail the test by a 5xx or a write).
 */
export type World = {
  org: string;
  userId: string;
  cycleId: string;
  objectiveId: string;
  keyResultId: string;
  teamId: string;
  commentId: string;
  invitationId: string;
  token: string;
  tokenId: string;
  integrationId: string;
  deliveryId: string;
};

export interface Form {
  /** The body's fields; none when the route takes no body (only its path is fuzzed then). */
  fields?: Fields;
  /** A body every field of which is valid. */
  valid?: (world: World) => Record<string, unknown>;
  /**
   * Well-formed path parameters where the world's rows do not fit (a link's secret of another
   * format): the route then reads its body, which is what is fuzzed.
   */
  params?: () => Record<string, string>;
}

/** A well-formed link secret that names nothing: 43 base64url characters (lib/mail/link-secrets.ts). */
const unknownLinkSecret = () => ({ token: "A".repeat(43) });

const id = () => crypto.randomUUID();
const text = (min: number, max: number): FieldKind => ({ kind: "text", min, max });
const units = ["number", "percent", "currency", "custom"] as const;
const directions = ["increase", "decrease", "stay_above", "stay_below", "milestone"] as const;
const confidences = ["on_track", "at_risk", "off_track"] as const;
const roles = ["owner", "admin", "member"] as const;
const webhookEvents = ["check_in.created", "key_result.status_changed", "objective.created", "objective.status_changed", "cycle.closed", "member.joined"] as const;

const keyResultFields: Fields = {
  title: text(1, 300),
  description: text(0, 1000),
  unit: { kind: "enum", values: units },
  currencyCode: { kind: "currency" },
  unitLabel: text(0, 24),
  direction: { kind: "enum", values: directions },
  startValue: { kind: "decimal" },
  targetValue: { kind: "decimal" },
  ownerUserId: { kind: "uuid" },
  dueDate: { kind: "date" },
  weight: { kind: "decimal", positive: true },
};

const objectiveFields: Fields = {
  level: { kind: "enum", values: ["company", "team", "individual"] },
  teamId: { kind: "uuid", nullable: true },
  ownerUserId: { kind: "uuid" },
  title: text(1, 200),
  description: text(0, 2000),
  parentObjectiveId: { kind: "uuid", nullable: true },
  parentKeyResultId: { kind: "uuid", nullable: true },
  rollupMode: { kind: "enum", values: ["key_results", "children", "both", "manual"] },
  manualProgress: { kind: "share" },
  manualProgressReason: text(0, 500),
};

const checkIn: Fields = { value: { kind: "decimal" }, confidence: { kind: "enum", values: confidences }, note: text(0, 2000) };
const comment: Form = { fields: { body: text(1, 5000) }, valid: () => ({ body: "A comment" }) };
const version = { kind: "int", min: 1, max: 2_147_483_647 } as const;

/** "METHOD /pattern" → its form. Routes whose only input is their path have an empty form. */
export const forms: Record<string, Form> = {
  "POST /api/account/password": {
    fields: { currentPassword: { kind: "secret", min: 1, max: 128 }, newPassword: { kind: "secret", min: 8, max: 128 } },
    valid: () => ({ currentPassword: "not the password", newPassword: "a new long passphrase" }),
  },
  "POST /api/account/tokens": {
    fields: { org: { kind: "slug" }, name: text(1, 80), scope: { kind: "enum", values: ["read", "read_write"] }, expiresInDays: { kind: "choice", values: [7, 30, 90, 365], nullable: true } },
    valid: (w) => ({ org: w.org, name: "Fuzz token", scope: "read", expiresInDays: 7 }),
  },
  "DELETE /api/account/tokens/[tokenId]": {},
  "DELETE /api/orgs/[org]/tokens/[tokenId]": {},
  "PATCH /api/account": { fields: { name: text(1, 100), locale: { kind: "enum", values: ["en", "nb"] } }, valid: () => ({ name: "Fuzz", locale: "en" }) },
  "POST /api/invitations/[token]/accept": {},
  "POST /api/invitations/[token]/sign-up": {
    fields: { name: text(1, 100), password: { kind: "secret", min: 8, max: 128 } },
    valid: () => ({ name: "Fuzz", password: "a long passphrase" }),
  },
  "POST /api/orgs/[org]/check-ins": {
    fields: { entries: { kind: "rows", min: 1, max: 100, row: { keyResultId: { kind: "uuid" }, ...checkIn }, validRow: (w) => ({ keyResultId: w.keyResultId, value: "1", confidence: "on_track" }) } },
    valid: (w) => ({ entries: [{ keyResultId: w.keyResultId, value: "1", confidence: "on_track" }] }),
  },
  "PATCH /api/orgs/[org]/comments/[commentId]": comment,
  "DELETE /api/orgs/[org]/comments/[commentId]": {},
  "POST /api/orgs/[org]/cycles": {},
  "POST /api/orgs/[org]/cycles/[cycleId]/activate": {},
  "POST /api/orgs/[org]/cycles/[cycleId]/close": {},
  "POST /api/orgs/[org]/cycles/[cycleId]/carry-over": {
    fields: {
      toCycleId: { kind: "uuid" },
      items: { kind: "rows", min: 1, max: 200, row: { objectiveId: { kind: "uuid" } }, validRow: (w) => ({ objectiveId: w.objectiveId }) },
    },
    valid: (w) => ({ toCycleId: w.cycleId, items: [{ objectiveId: w.objectiveId }] }),
  },
  "POST /api/orgs/[org]/cycles/[cycleId]/import": {
    fields: { csv: { kind: "csv" } },
    valid: () => ({ csv: "Objective,Level,Owner\r\nFuzz import,Company,Nobody\r\n" }),
  },
  "POST /api/orgs/[org]/getting-started/example": { fields: { cycleId: { kind: "uuid" } }, valid: (w) => ({ cycleId: w.cycleId }) },
  "POST /api/orgs/[org]/invitations": {
    fields: { email: { kind: "email" }, role: { kind: "enum", values: roles }, locale: { kind: "enum", values: ["en", "nb"] } },
    valid: () => ({ email: "someone@example.test", role: "member", locale: "nb" }),
  },
  "DELETE /api/orgs/[org]/invitations/[invitationId]": {},
  "POST /api/orgs/[org]/invitations/[invitationId]/resend": {},
  "POST /api/orgs/[org]/key-results/[keyResultId]/check-ins": { fields: checkIn, valid: () => ({ value: "1", confidence: "on_track", note: "" }) },
  "PATCH /api/orgs/[org]/key-results/[keyResultId]": { fields: { version, ...keyResultFields }, valid: () => ({ version: 1, title: "Renamed" }) },
  "DELETE /api/orgs/[org]/key-results/[keyResultId]": {},
  "POST /api/orgs/[org]/leave": {},
  "PATCH /api/orgs/[org]/members/[userId]": { fields: { role: { kind: "enum", values: roles } }, valid: () => ({ role: "member" }) },
  "DELETE /api/orgs/[org]/members/[userId]": {},
  "POST /api/orgs/[org]/objectives": {
    fields: { cycleId: { kind: "uuid" }, ...objectiveFields },
    valid: (w) => ({ cycleId: w.cycleId, level: "company", ownerUserId: w.userId, title: "Objective" }),
  },
  "PATCH /api/orgs/[org]/objectives/[objectiveId]": { fields: { version, ...objectiveFields }, valid: () => ({ version: 1, title: "Renamed" }) },
  "DELETE /api/orgs/[org]/objectives/[objectiveId]": {},
  "POST /api/orgs/[org]/objectives/[objectiveId]/archive": {},
  "POST /api/orgs/[org]/objectives/[objectiveId]/restore": {},
  "POST /api/orgs/[org]/objectives/[objectiveId]/cascade": {
    fields: {
      targets: {
        kind: "rows",
        min: 1,
        max: 100,
        row: { teamId: { kind: "uuid" }, keyResultId: { kind: "uuid", nullable: true } },
        validRow: (w) => ({ teamId: w.teamId }),
      },
    },
    valid: (w) => ({ targets: [{ teamId: w.teamId }] }),
  },
  "POST /api/orgs/[org]/objectives/[objectiveId]/comments": comment,
  "POST /api/orgs/[org]/objectives/[objectiveId]/key-results": {
    fields: keyResultFields,
    valid: (w) => ({ title: "Key result", targetValue: "2", ownerUserId: w.userId }),
  },
  "PUT /api/orgs/[org]/objectives/[objectiveId]/key-results/order": { fields: { keyResultIds: { kind: "uuids", min: 1, max: 50 } }, valid: (w) => ({ keyResultIds: [w.keyResultId] }) },
  "POST /api/orgs/[org]/objectives/[objectiveId]/move": { fields: { version, cycleId: { kind: "uuid" } }, valid: (w) => ({ version: 1, cycleId: w.cycleId }) },
  "PUT /api/orgs/[org]/objectives/[objectiveId]/reflection": { fields: { reflection: text(1, 2000) }, valid: () => ({ reflection: "Learned a lot" }) },
  "PATCH /api/orgs/[org]": {
    fields: { name: text(2, 100), slug: { kind: "slug" }, fiscalYearStartMonth: { kind: "int", min: 1, max: 12 } },
    valid: () => ({ name: "Renamed", slug: `fuzz-${id().slice(0, 8)}`, fiscalYearStartMonth: 1 }),
  },
  "DELETE /api/orgs/[org]": { fields: { confirmSlug: text(0, 100) }, valid: () => ({ confirmSlug: "not-the-address" }) },
  "POST /api/orgs/[org]/teams": {
    fields: { name: text(1, 80), description: text(0, 500), parentTeamId: { kind: "uuid", nullable: true }, leadUserId: { kind: "uuid", nullable: true } },
    valid: () => ({ name: `Team ${id().slice(0, 8)}` }),
  },
  "PATCH /api/orgs/[org]/teams/[teamId]": {
    fields: { name: text(1, 80), description: text(0, 500), parentTeamId: { kind: "uuid", nullable: true }, leadUserId: { kind: "uuid", nullable: true } },
    valid: () => ({ name: "Renamed" }),
  },
  "DELETE /api/orgs/[org]/teams/[teamId]": {
    fields: { objectives: { kind: "enum", values: ["move", "delete"] }, moveToTeamId: { kind: "uuid" } },
    valid: (w) => ({ objectives: "move", moveToTeamId: w.teamId }),
  },
  "POST /api/orgs/[org]/teams/[teamId]/members": { fields: { userId: { kind: "uuid" } }, valid: (w) => ({ userId: w.userId }) },
  "DELETE /api/orgs/[org]/teams/[teamId]/members/[userId]": {},
  "POST /api/orgs": { fields: { name: text(2, 100), slug: { kind: "slug", optional: true } }, valid: () => ({ name: "Another organisation" }) },
  "POST /api/preferences": {
    fields: { locale: { kind: "enum", values: ["en", "nb"] }, theme: { kind: "enum", values: ["light", "dark", "system"] } },
    valid: () => ({ locale: "en" }),
  },
  "POST /api/session": { fields: { email: { kind: "email" }, password: { kind: "secret", min: 1, max: 128 } }, valid: () => ({ email: "nobody@example.test", password: "x" }) },
  "POST /api/sign-up": {
    fields: {
      name: text(1, 100),
      email: { kind: "email" },
      password: { kind: "secret", min: 8, max: 128 },
      organisationName: text(2, 100),
      organisationSlug: { kind: "slug", optional: true },
      timeZone: text(0, 100),
    },
    valid: () => ({ name: "Fuzz", email: `fuzz-${id()}@example.test`, password: "a long passphrase", organisationName: "Fuzz Org", timeZone: "Europe/Oslo" }),
  },
  "POST /api/sign-up/confirm/[token]": { params: unknownLinkSecret },
  "POST /api/password-reset": { fields: { email: { kind: "email" } }, valid: () => ({ email: `fuzz-${id()}@example.test` }) },
  "POST /api/password-reset/[token]": {
    fields: { password: { kind: "secret", min: 8, max: 128 } },
    valid: () => ({ password: "a long new passphrase" }),
    params: unknownLinkSecret,
  },
  "POST /api/unsubscribe/[token]": { params: () => ({ token: "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.reminders.unsigned" }) },
  // A message id that names nothing: retrying it is a 404, and a malformed one must be too.
  "POST /api/orgs/[org]/mail/[outboxId]/retry": { params: () => ({ outboxId: id() }) },
  "POST /api/orgs/[org]/reminders/send": {},
  "POST /api/orgs/[org]/integrations": {
    fields: { kind: { kind: "enum", values: ["webhook", "slack", "teams"] }, url: { kind: "url" }, description: text(0, 200), events: { kind: "enums", min: 1, values: webhookEvents } },
    valid: () => ({ kind: "webhook", url: "http://127.0.0.1:9/fuzz", description: "Fuzz", events: ["check_in.created"] }),
  },
  "PATCH /api/orgs/[org]/integrations/[integrationId]": {
    fields: { description: text(0, 200), events: { kind: "enums", min: 1, values: webhookEvents }, checkInTeamId: { kind: "uuid", nullable: true } },
    valid: () => ({ description: "Renamed" }),
  },
  "DELETE /api/orgs/[org]/integrations/[integrationId]": {},
  "POST /api/orgs/[org]/integrations/[integrationId]/rotate": {},
  "POST /api/orgs/[org]/integrations/[integrationId]/test": {},
  "POST /api/orgs/[org]/integrations/[integrationId]/deliveries/[deliveryId]/resend": {},
  // Its fields are on/off switches that take a boolean or a form's "on": nothing of a wrong kind to send but the path.
  "PUT /api/orgs/[org]/notifications/me": {},
  "PATCH /api/orgs/[org]/notifications": {
    fields: {
      timeZone: text(1, 100),
      reminderWeekday: { kind: "int", min: 1, max: 7 },
      reminderTime: text(5, 5),
      digestWeekday: { kind: "int", min: 1, max: 7 },
      digestTime: text(5, 5),
    },
    valid: () => ({ timeZone: "Europe/Oslo", remindersEnabled: true, reminderWeekday: 5, reminderTime: "13:00", digestEnabled: true, digestWeekday: 1, digestTime: "08:00" }),
  },
};

/** Write routes with no input at all: nothing malformed can be sent to them. */
export const withoutInput: Record<string, string> = {
  "POST /api/session/everywhere": "no path parameters, no body",
  "DELETE /api/session": "no path parameters, no body",
  "POST /api/mcp": "JSON-RPC for an API token only (a session gets 401 before the body is read); e2e/mcp.spec.ts sends it malformed messages with a token",
  "DELETE /api/mcp": "stateless MCP has no session to end; token only",
  ...Object.fromEntries(["POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} /api/[...path]`, "no endpoint: every request gets a JSON 404 (e2e/fuzz-queries.spec.ts)"])),
};

export function paramKind(name: string): ParamKind {
  return name === "org" ? "org" : name === "token" ? "token" : "uuid";
}
