import { describe, expect, it } from "vitest";
import { chatPayload, digestMessage, eventMessage, slackPayload, teamsPayload } from "./chat";
import type { OrgEvent } from "./events";

const link = (path: string) => `https://okr.example.test${path}`;
const objective = { id: "00000000-0000-4000-8000-000000000001", title: "Customers <love> us & stay", teamId: null };
const checkIn: OrgEvent = {
  type: "check_in.created",
  data: {
    checkIn: { id: "00000000-0000-4000-8000-000000000002", value: "42", confidence: "at_risk", note: "Slower than hoped", createdAt: "2026-03-02T08:00:00.000Z" },
    keyResult: { id: "00000000-0000-4000-8000-000000000003", title: "NPS to 50" },
    objective,
    author: { id: "00000000-0000-4000-8000-000000000004", name: "Kari" },
  },
};
const turned: OrgEvent = { type: "key_result.status_changed", data: { keyResult: { id: "00000000-0000-4000-8000-000000000003", title: "NPS to 50" }, objective, from: "on_track", to: "off_track" } };

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ type: string; url: string; text: { text: string } }> };
type Card = { type: string; version: string; body: Array<{ type: string; text: string }>; actions: Array<{ type: string; url: string; title: string }> };

describe("Slack and Teams messages", () => {
  it("a check-in as Slack Block Kit, in English and Norwegian, with a link from APP_URL", () => {
    const en = eventMessage(checkIn, "en", link, "nordlys");
    const nb = eventMessage(checkIn, "nb", link, "nordlys");
    if (!en || !nb) throw new Error("no message");
    const slack = slackPayload(en) as { text: string; blocks: Block[] };
    expect(slack.text).toBe("Kari checked in on NPS to 50");
    expect(slack.blocks.map((block) => block.type)).toEqual(["header", "section", "actions"]);
    expect(slack.blocks[0]?.text).toEqual({ type: "plain_text", text: "Kari checked in on NPS to 50", emoji: false });
    expect(slack.blocks[1]?.text?.type).toBe("mrkdwn");
    // Slack's control characters are escaped in mrkdwn.
    expect(slack.blocks[1]?.text?.text).toContain("Objective: Customers &lt;love&gt; us &amp; stay");
    expect(slack.blocks[1]?.text?.text).toContain("New value 42, at risk");
    expect(slack.blocks[2]?.elements?.[0]).toMatchObject({ type: "button", url: `https://okr.example.test/nordlys/okrs/${objective.id}`, text: { text: "Open in Retning" } });
    const norsk = slackPayload(nb) as { text: string; blocks: Block[] };
    expect(norsk.text).toBe("Kari sjekket inn på NPS to 50");
    expect(norsk.blocks[1]?.text?.text).toContain("Ny verdi 42, i fare");
    expect(norsk.blocks[2]?.elements?.[0]?.text.text).toBe("Åpne i Retning");
  });

  it("a status change as a Teams Adaptive Card, in English and Norwegian", () => {
    for (const [locale, title, button] of [
      ["en", "Key result NPS to 50 is now off track", "Open in Retning"],
      ["nb", "Nøkkelresultatet NPS to 50 er nå ute av kurs", "Åpne i Retning"],
    ] as const) {
      const message = eventMessage(turned, locale, link, "nordlys");
      if (!message) throw new Error("no message");
      const teams = teamsPayload(message) as { type: string; attachments: Array<{ contentType: string; content: Card }> };
      expect(teams.type).toBe("message");
      expect(teams.attachments).toHaveLength(1);
      const [attachment] = teams.attachments;
      expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(attachment?.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
      expect(attachment?.content.body[0]).toMatchObject({ type: "TextBlock", text: title, weight: "Bolder" });
      expect(attachment?.content.actions).toEqual([{ type: "Action.OpenUrl", title: button, url: `https://okr.example.test/nordlys/okrs/${objective.id}` }]);
    }
  });

  it("the weekly digest in both languages, linking to the review", () => {
    const digest = { orgName: "Nordlys", week: "2026-03-02", cycleName: "Q1 2026", progress: 0.42, expected: 0.5, worsened: [{ title: "Ship it", status: "off_track" }], teams: [{ name: "Sales", checkedIn: 3, total: 4 }], movers: [{ title: "Grow", delta: 0.12 }] };
    const en = chatPayload("slack", digestMessage(digest, "en", link, "nordlys")) as { text: string; blocks: Block[] };
    expect(en.text).toBe("Nordlys: weekly digest for the week of 2026-03-02");
    expect(en.blocks[1]?.text?.text).toContain("Q1 2026: 42% progress, 50% expected by now");
    expect(en.blocks[1]?.text?.text).toContain("Now off track: Ship it");
    expect(en.blocks[1]?.text?.text).toContain("Sales: 3 of 4 key results checked in");
    expect(en.blocks[2]?.elements?.[0]?.url).toBe("https://okr.example.test/nordlys/review");
    const nb = chatPayload("teams", digestMessage(digest, "nb", link, "nordlys")) as { attachments: Array<{ content: Card }> };
    const lines = nb.attachments[0]?.content.body.map((block) => block.text) ?? [];
    expect(lines[0]).toBe("Nordlys: ukeoppsummering for uken som begynner 2026-03-02");
    // Norwegian spaces the percent sign (a no-break space, as lib/format.ts writes it).
    expect(lines.some((line) => /^Q1 2026: 42\s%\sfremdrift, 50\s%\sforventet nå$/u.test(line))).toBe(true);
    expect(lines).toContain("Nå ute av kurs: Ship it");
  });

  it("events chat channels do not hear about make no message", () => {
    expect(eventMessage({ type: "cycle.closed", data: { cycle: { id: "x", name: "Q1", scoredObjectives: 2 } } }, "en", link, "nordlys")).toBeNull();
  });
});
