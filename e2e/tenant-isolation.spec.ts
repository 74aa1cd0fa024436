import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, demo, unique } from "./helpers";
import { discoverRoutes, fill } from "./routes";
import { signUpConfirmed } from "./sign-up";

/**
 * ASVS 8.2.2 / 8.4.1: a member of organisation B asks for organisation A's things, through every
 * page and route handler the app has — discovered from app/ at run time, so a new route is covered
 * the day it is written, or this test fails until it is classified below.
 */

/** Routes that are not inside an organisation, and why they need no tenant check. */
const outsideTenant: Record<string, string> = {
  "/": "landing page",
  "/sign-in": "sign-in page",
  "/sign-up": "sign-up page",
  "/invite/[token]": "an invitation link: the token itself is the authorisation",
  "/account": "the signed-in person's own account",
  "/account/organisations": "the signed-in person's own organisations",
  "/account/my-week": "sends the signed-in person to My week of their own organisation (the installed app's start)",
  "/api/account": "the signed-in person's own profile",
  "/api/account/password": "the signed-in person's own password",
  "/api/account/tokens": "the signed-in person's own API tokens (session only: a token cannot make tokens)",
  "/api/account/tokens/[tokenId]": "revokes one of the signed-in person's own API tokens",
  "/api/health": "database liveness, no data",
  "/api/mcp": "the MCP endpoint: an API token only, in the token's own organisation (e2e/mcp.spec.ts tries another's ids)",
  "/api/ping": "liveness, no data",
  "/api/[...path]": "an /api path that names no endpoint: a JSON 404, no data",
  "/api/openapi.json": "the API's description, the same for everyone",
  "/docs/api": "the API reference page, the same for everyone",
  "/api/preferences": "language and theme cookies",
  "/api/session": "sign-in and sign-out",
  "/api/session/everywhere": "ends the person's own sessions",
  "/api/sign-up": "asks to create a new organisation (confirmed by email)",
  "/sign-up/confirm/[token]": "a sign-up confirmation link: the token is the authorisation",
  "/api/sign-up/confirm/[token]": "a sign-up confirmation link: the token is the authorisation",
  "/api/orgs": "creates a new organisation for the signed-in person",
  "/api/invitations/[token]/accept": "an invitation link: the token is the authorisation",
  "/api/invitations/[token]/sign-up": "an invitation link: the token is the authorisation",
  "/forgot-password": "asks for a password reset link",
  "/reset-password/[token]": "a reset link: the token is the authorisation",
  "/api/password-reset": "asks for a password reset link (same answer for any address)",
  "/api/password-reset/[token]": "a reset link: the token is the authorisation",
  "/dev/mailbox": "the development mailbox: 404 in production",
  "/dev/mailbox/[id]": "the development mailbox: 404 in production",
  "/unsubscribe/[token]": "a signed unsubscribe link: the token is the authorisation",
  "/api/unsubscribe/[token]": "one-click unsubscribe (RFC 8058): the signed token is the authorisation",
};

/** A body each write would accept from a member with the right to it; it names A's ids where it can. */
function sampleBody(method: string, pattern: string, a: Record<string, string>): unknown {
  const bodies: Record<string, unknown> = {
    "POST /api/orgs/[org]/check-ins": { entries: [{ keyResultId: a.keyResultId, value: "1", confidence: "on_track" }] },
    "POST /api/orgs/[org]/cycles": {},
    "POST /api/orgs/[org]/cycles/[cycleId]/activate": {},
    "POST /api/orgs/[org]/cycles/[cycleId]/close": {},
    "POST /api/orgs/[org]/cycles/[cycleId]/carry-over": { toCycleId: a.cycleId, items: [{ objectiveId: a.objectiveId }] },
    "POST /api/orgs/[org]/cycles/[cycleId]/import": { csv: "Objective,Level,Owner\r\nSmuggled,Company,maja@nordlys.example\r\n" },
    "POST /api/orgs/[org]/getting-started/example": { cycleId: a.cycleId },
    "POST /api/orgs/[org]/invitations": { email: "intruder@example.test", role: "owner" },
    "DELETE /api/orgs/[org]/invitations/[invitationId]": {},
    "POST /api/orgs/[org]/invitations/[invitationId]/resend": {},
    "POST /api/orgs/[org]/key-results/[keyResultId]/check-ins": { value: "1", confidence: "on_track", note: "" },
    "PATCH /api/orgs/[org]/key-results/[keyResultId]": { version: 1, title: "Hijacked" },
    "DELETE /api/orgs/[org]/key-results/[keyResultId]": {},
    "POST /api/orgs/[org]/leave": {},
    "PATCH /api/orgs/[org]/members/[userId]": { role: "member" },
    "DELETE /api/orgs/[org]/members/[userId]": {},
    "POST /api/orgs/[org]/objectives": { cycleId: a.cycleId, level: "company", ownerUserId: a.userId, title: "Smuggled" },
    "PATCH /api/orgs/[org]/objectives/[objectiveId]": { version: 1, title: "Hijacked" },
    "DELETE /api/orgs/[org]/objectives/[objectiveId]": {},
    "POST /api/orgs/[org]/objectives/[objectiveId]/archive": {},
    "POST /api/orgs/[org]/objectives/[objectiveId]/restore": {},
    "POST /api/orgs/[org]/objectives/[objectiveId]/cascade": { targets: [{ teamId: a.teamId }] },
    "POST /api/orgs/[org]/objectives/[objectiveId]/move": { version: 1, cycleId: a.cycleId },
    "POST /api/orgs/[org]/objectives/[objectiveId]/key-results": { title: "Smuggled", targetValue: "2", ownerUserId: a.userId },
    "PUT /api/orgs/[org]/objectives/[objectiveId]/key-results/order": { keyResultIds: [a.keyResultId] },
    "PUT /api/orgs/[org]/objectives/[objectiveId]/reflection": { reflection: "Hijacked" },
    "POST /api/orgs/[org]/objectives/[objectiveId]/comments": { body: "Smuggled" },
    "PATCH /api/orgs/[org]/comments/[commentId]": { body: "Hijacked" },
    "DELETE /api/orgs/[org]/comments/[commentId]": {},
    "PATCH /api/orgs/[org]": { name: "Hijacked", slug: `hijacked-${unique()}`, fiscalYearStartMonth: 1 },
    "DELETE /api/orgs/[org]": { confirmSlug: demo.org },
    "POST /api/orgs/[org]/teams": { name: `Smuggled ${unique()}`, parentTeamId: a.teamId },
    "PATCH /api/orgs/[org]/teams/[teamId]": { name: "Hijacked" },
    "DELETE /api/orgs/[org]/teams/[teamId]": { objectives: "delete" },
    "POST /api/orgs/[org]/teams/[teamId]/members": { userId: a.userId },
    "DELETE /api/orgs/[org]/teams/[teamId]/members/[userId]": {},
    "PATCH /api/orgs/[org]/notifications": { timeZone: "UTC", remindersEnabled: false, reminderWeekday: 1, reminderTime: "00:00", digestEnabled: false, digestWeekday: 1, digestTime: "00:00" },
    "PUT /api/orgs/[org]/notifications/me": { reminderEmails: false, escalationEmails: false, digestEmails: false, commentEmails: false },
    "POST /api/orgs/[org]/reminders/send": {},
    "POST /api/orgs/[org]/mail/[outboxId]/retry": {},
    "DELETE /api/orgs/[org]/tokens/[tokenId]": {},
    "POST /api/orgs/[org]/integrations": { kind: "webhook", url: "http://127.0.0.1:9/smuggled", description: "Smuggled", events: ["check_in.created"] },
    "PATCH /api/orgs/[org]/integrations/[integrationId]": { enabled: false },
    "DELETE /api/orgs/[org]/integrations/[integrationId]": {},
    "POST /api/orgs/[org]/integrations/[integrationId]/rotate": {},
    "POST /api/orgs/[org]/integrations/[integrationId]/test": {},
    "POST /api/orgs/[org]/integrations/[integrationId]/deliveries/[deliveryId]/resend": {},
  };
  const key = `${method} ${pattern}`;
  if (!(key in bodies)) throw new Error(`No sample body for ${key}: add one to the tenant sweep.`);
  return bodies[key];
}

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await context.post("/api/session", { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok(), await response.text()).toBeTruthy();
  return context;
}

async function json(context: APIRequestContext, path: string) {
  const response = await context.get(path);
  expect(response.status(), path).toBe(200);
  return response.json();
}

test("a member of another organisation gets 404 from every page and route handler, and changes nothing", async ({ baseURL }) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL");
  const a = await signedIn(baseURL, demo.admin);
  const base = `/api/orgs/${demo.org}`;

  // Organisation A's ids, read as A's admin.
  // The first objective on the tree with key results (other journeys may have added bare ones).
  const tree = await (await a.get(`/${demo.org}/okrs/tree`)).text();
  let objectiveId = "";
  let detail: { keyResults: Array<{ id: string }> } = { keyResults: [] };
  for (const match of new Set([...tree.matchAll(new RegExp(`/${demo.org}/okrs/([0-9a-f-]{36})`, "g"))].map((m) => m[1] ?? ""))) {
    detail = await json(a, `${base}/objectives/${match}`);
    objectiveId = match;
    if (detail.keyResults.length > 0) break;
  }
  const { teams } = await json(a, `${base}/teams`);
  const members = await json(a, `${base}/members`);
  const { cycles } = await json(a, `${base}/cycles`);
  const invitation = await (await a.post(`${base}/invitations`, { data: { email: `sweep-${unique()}@example.test`, role: "member" } })).json();
  const comment = await a.post(`${base}/objectives/${objectiveId}/comments`, { data: { body: "Sweep marker" } });
  const aToken = await a.post("/api/account/tokens", { data: { org: demo.org, name: `Sweep ${unique()}`, scope: "read", expiresInDays: 7 } });
  expect(aToken.status(), await aToken.text()).toBe(200);
  // A webhook of A's (paused, so the sweep's writes send nothing), with one delivery in its log.
  const integration = await (await a.post(`${base}/integrations`, { data: { kind: "webhook", url: "http://127.0.0.1:9/sweep", description: "Sweep", events: ["member.joined"] } })).json();
  await a.patch(`${base}/integrations/${integration.integration.id}`, { data: { enabled: false } });
  const delivery = await (await a.post(`${base}/integrations/${integration.integration.id}/test`)).json();
  const ids: Record<string, string> = {
    org: demo.org,
    objectiveId,
    keyResultId: detail.keyResults[0]?.id ?? "",
    teamId: teams[0].id,
    userId: members.items[0].userId,
    cycleId: cycles[0].id,
    invitationId: invitation.invitation.id,
    commentId: comment.ok() ? (await comment.json()).comment.id : "00000000-0000-4000-8000-000000000000",
    // Failed mail is rare; any id of A's organisation or none must answer the same 404 to B.
    outboxId: "00000000-0000-4000-8000-000000000001",
    tokenId: ((await aToken.json()) as { token: { id: string } }).token.id,
    integrationId: integration.integration.id,
    deliveryId: delivery.deliveryId,
  };

  const fingerprint = async () => ({
    objective: await json(a, `${base}/objectives/${objectiveId}`),
    teams: await json(a, `${base}/teams`),
    members: await json(a, `${base}/members`),
    invitations: await json(a, `${base}/invitations`),
    cycles: await json(a, `${base}/cycles`),
    settings: await json(a, base),
    notifications: await json(a, `${base}/notifications`),
    tokens: await json(a, `${base}/tokens`),
    integrations: await json(a, `${base}/integrations`),
  });
  const before = await fingerprint();

  // Organisation B: someone who signed up their own organisation.
  const b = await request.newContext({ baseURL });
  const bSlug = await signUpConfirmed(b, { name: "Other Owner", email: `sweep-b-${unique()}@example.test`, password: "correct horse battery staple", organisation: `Sweep B ${unique()}` });
  // And B's owner as a script: an API token for B (read and write), with no cookie at all.
  const bToken = await b.post("/api/account/tokens", { data: { org: bSlug, name: "Sweep script", scope: "read_write", expiresInDays: 7 } });
  expect(bToken.status(), await bToken.text()).toBe(200);
  const bearer = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${((await bToken.json()) as { secret: string }).secret}` } });
  const clients = [
    { name: "session", client: b },
    { name: "token", client: bearer },
  ];

  const checked: string[] = [];
  for (const route of discoverRoutes()) {
    const tenant = route.pattern.startsWith("/[org]") || route.pattern.startsWith("/api/orgs/[org]");
    if (!tenant) {
      expect(outsideTenant[route.pattern], `${route.pattern} is neither inside an organisation nor classified in the sweep`).toBeDefined();
      continue;
    }
    const hasForeignIds = /\[(?!org\])\w+\]/.test(route.pattern);
    for (const method of route.methods) {
      const data = method === "GET" ? undefined : sampleBody(method, route.pattern, ids);
      // Pages take a session only; the API takes a session or a token, and both must hold.
      for (const { name, client } of route.pattern.startsWith("/api/") ? clients : clients.slice(0, 1)) {
        // A's own address: B is not a member, so nothing there exists for B.
        const asA = await client.fetch(fill(route.pattern, ids), { method, data, maxRedirects: 0 });
        expect(asA.status(), `${method} ${route.pattern} with A's address (${name})`).toBe(404);
        // B's own address with A's ids: the tenant filter, not the membership check, must hold.
        if (hasForeignIds) {
          const asB = await client.fetch(fill(route.pattern, { ...ids, org: bSlug }), { method, data, maxRedirects: 0 });
          expect([400, 404], `${method} ${route.pattern} with B's address and A's ids answered ${asB.status()} (${name})`).toContain(asB.status());
        }
      }
      checked.push(`${method} ${route.pattern}`);
    }
  }
  // Ids in a query string, which the sweep above does not fill: the exports of A's cycle, team and
  // person, asked at B's own address.
  for (const query of [`cycle=${ids.cycleId}`, `kind=quarters&team=${ids.teamId}`, `kind=quarters&person=${ids.userId}`]) {
    for (const { name, client } of clients) {
      const response = await client.get(`/api/orgs/${bSlug}/export?${query}`);
      expect(response.status(), `GET /api/orgs/[org]/export?${query} with B's address and A's ids (${name})`).toBe(404);
    }
  }
  expect(checked.length).toBeGreaterThan(40);
  expect(await fingerprint()).toEqual(before);

  await a.delete(`${base}/invitations/${ids.invitationId}`);
  await a.delete(`/api/account/tokens/${ids.tokenId}`);
  await a.delete(`${base}/integrations/${ids.integrationId}`);
  await a.dispose();
  await b.dispose();
  await bearer.dispose();
});
