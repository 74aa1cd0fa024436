/**
 * Renders one email of every kind in every language, with sample data, and prints them as JSON:
 * e2e/email-accessibility.spec.ts runs axe on each (Playwright's loader cannot import the
 * message catalogues' JSON itself, tsx can).
 *   npx tsx scripts/email-samples.ts > samples.json
 */
import { locales, mailKinds, type MailKind } from "../lib/domain";
import { renderMail } from "../lib/mail/render";

/** One message of every kind, with the data its template reads. */
const samples: Record<MailKind, unknown> = {
  invitation: { orgName: "Nordlys Nettbutikk AS", inviterName: "Maja Berg", role: "admin", nonce: "00000000-0000-4000-8000-000000000001", orgId: "00000000-0000-4000-8000-000000000002" },
  password_reset: { name: "Emil Johansen", nonce: "00000000-0000-4000-8000-000000000003" },
  sign_up_confirm: { name: "Kari Nordmann", organisationName: "Fjordkaffe", nonce: "00000000-0000-4000-8000-000000000004" },
  sign_up_existing: { name: "Kari Nordmann" },
  check_in_reminder: {
    orgName: "Nordlys Nettbutikk AS",
    orgSlug: "nordlys",
    name: "Emil Johansen",
    week: "2026-03-23",
    keyResults: [
      { title: "Grow NPS from 30 to 50", objectiveTitle: "Customers recommend us", unit: "number", currencyCode: null, unitLabel: null, direction: "increase", last: "34", expected: "41.5" },
      { title: "Launch the loyalty club", objectiveTitle: "Customers come back", unit: "number", currencyCode: null, unitLabel: null, direction: "milestone", last: null, expected: null },
    ],
  },
  escalation: {
    orgName: "Nordlys Nettbutikk AS",
    orgSlug: "nordlys",
    name: "Ola Nordmann",
    week: "2026-03-23",
    teams: [{ id: "00000000-0000-4000-8000-000000000005", name: "Marketing", missing: [{ name: "Sofie Lie", owed: 2 }], stale: [{ title: "Open rate above 40 %", ownerName: "Emil Johansen" }] }],
  },
  weekly_digest: {
    orgName: "Nordlys Nettbutikk AS",
    orgSlug: "nordlys",
    name: "Ingrid Solberg",
    week: "2026-03-23",
    cycleName: "Q1 2026",
    progress: 0.42,
    expected: 0.55,
    worsened: [{ title: "Customers come back", status: "at_risk" }],
    teams: [{ name: "Marketing", checkedIn: 5, total: 8 }],
    movers: [{ title: "Customers recommend us", delta: 0.12 }],
  },
  comments: {
    orgName: "Nordlys Nettbutikk AS",
    orgSlug: "nordlys",
    name: "Ingrid Solberg",
    objectiveId: "00000000-0000-4000-8000-000000000006",
    objectiveTitle: "Customers recommend us",
    comments: [{ author: "Lars Haugen", body: "Can we talk about the target?" }],
  },
  integration_disabled: {
    orgName: "Nordlys Nettbutikk AS",
    orgSlug: "nordlys",
    name: "Ingrid Solberg",
    label: "Data warehouse",
    url: "https://hooks.example.com/retning",
    failingSince: "2026-03-02T08:00:00.000Z",
  },
};

// Rendering needs AUTH_SECRET (link secrets) and APP_URL, as the server has them.
process.env.AUTH_SECRET ??= "sample-secret-sample-secret-sample-secret-0123";
process.env.APP_URL ??= "https://okr.example.test";

async function main() {
  const rendered = [];
  for (const locale of locales) {
    for (const kind of mailKinds) {
      const mail = await renderMail({ id: "00000000-0000-4000-8000-000000000007", orgId: "00000000-0000-4000-8000-000000000002", kind, toUserId: "00000000-0000-4000-8000-000000000008", locale, data: samples[kind] });
      rendered.push({ kind, locale, subject: mail.subject, html: mail.html, text: mail.text });
    }
  }
  process.stdout.write(JSON.stringify(rendered));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
