import type { CommentSpec, ObjectiveSpec } from "./story";

/**
 * The current quarter: Nordlys' first company-wide OKR cycle. Week indexes in `notes` and
 * trajectories count weekly check-ins from the start of the cycle (week 7 is late November in Q4).
 */

export const companyObjectives: ObjectiveSpec[] = [
  {
    key: "c1",
    title: "Become the online shop Norwegians recommend to friends",
    description: "Word of mouth is the cheapest marketing there is. We earn it one order at a time.",
    level: "company",
    owner: "ingrid",
    // Measured by the teams' objectives aligned to it; its own key results are the scoreboard.
    rollupMode: "children",
    keyResults: [
      { key: "c1-nps", title: "Raise NPS from 32 to 50", owner: "nora", unit: "number", direction: "increase", start: 32, target: 50, decimals: 0, trajectory: { kind: "progress", final: 0.75, noise: 0.06 }, notes: { 2: "Survey now goes out 10 days after delivery instead of 3." } },
      { key: "c1-repeat", title: "Increase repeat purchase rate from 18 % to 28 %", owner: "maja", unit: "percent", direction: "increase", start: 18, target: 28, decimals: 1, weight: 2, trajectory: { kind: "progress", final: 0.8, curve: 1.2 } },
      { key: "c1-rating", title: "Keep the average review rating above 4.5", owner: "nora", unit: "number", direction: "stay_above", start: 4.6, target: 4.5, decimals: 2, trajectory: { kind: "threshold", typical: 4.61, jitter: 0.04, breaches: { 3: 4.46 } }, notes: { 3: "Two damaged sofa deliveries pulled us down. Following up personally." } },
    ],
  },
  {
    key: "c2",
    title: "Make every order arrive fast and right",
    level: "company",
    owner: "lars",
    keyResults: [
      { key: "c2-late", title: "Cut late deliveries from 12 % to 4 %", owner: "kari", unit: "percent", direction: "decrease", start: 12, target: 4, decimals: 1, trajectory: { kind: "progress", final: 0.85 }, notes: { 1: "Ny avtale med Posten om henting kl. 15 i stedet for 12." } },
      { key: "c2-returns", title: "Bring the return rate down from 9 % to 6 %", owner: "kari", unit: "percent", direction: "decrease", start: 9, target: 6, decimals: 1, trajectory: { kind: "progress", final: 0.3, noise: 0.08 }, silentWeeks: 3 },
      { key: "c2-uptime", title: "Keep checkout uptime above 99.9 %", owner: "henrik", unit: "percent", direction: "stay_above", start: 99.95, target: 99.9, decimals: 2, trajectory: { kind: "threshold", typical: 99.96, jitter: 0.03, breaches: { 5: 99.71 } }, notes: { 5: "Payment provider outage Tuesday night, 48 minutes. Post-mortem: https://status.nordlys.example/incidents/2026-11" } },
    ],
  },
  {
    key: "c3",
    title: "Grow revenue profitably through the Christmas season",
    level: "company",
    owner: "ingrid",
    keyResults: [
      { key: "c3-revenue", title: "Grow monthly revenue from NOK 2 400 000 to NOK 3 600 000", owner: "maja", unit: "currency", direction: "increase", start: 2_400_000, target: 3_600_000, decimals: -3, weight: 2, trajectory: { kind: "progress", final: 1.1, curve: 1.6 }, notes: { 6: "Julekampanjen er i gang, tidlig respons er god.", 7: "Black Friday week: biggest week we have ever had." } },
      { key: "c3-cac", title: "Keep customer acquisition cost below NOK 350", owner: "ola", unit: "currency", direction: "stay_below", start: 320, target: 350, decimals: 0, trajectory: { kind: "threshold", typical: 318, jitter: 18, breaches: { 7: 372 } }, notes: { 7: "Black Friday auctions pushed CPCs up. Expected, should normalise next week." } },
      { key: "c3-guide", title: "Launch the Christmas gift guide", owner: "sofie", unit: "number", direction: "milestone", start: 0, target: 1, decimals: 0, dueDaysBeforeEnd: 45, trajectory: { kind: "milestone", doneWeek: 5 }, notes: { 5: "Gaveguiden er live! 48 produkter, 6 kategorier." } },
    ],
  },
];

export const teamObjectives: ObjectiveSpec[] = [
  {
    key: "m-audience",
    title: "Build an audience that loves our brand",
    level: "team",
    team: "marketing",
    owner: "ola",
    parent: "c1",
    rollupMode: "both",
    keyResults: [
      { key: "m-followers", title: "Grow Instagram followers from 8 200 to 15 000", owner: "emil", unit: "custom", unitLabel: "followers", direction: "increase", start: 8_200, target: 15_000, decimals: 0, trajectory: { kind: "progress", final: 0.9 }, notes: { 4: "Reel about styling a small hallway went viral: +900 in two days." } },
      { key: "m-open-rate", title: "Lift newsletter open rate from 28 % to 40 %", owner: "sofie", unit: "percent", direction: "increase", start: 28, target: 40, decimals: 1, trajectory: { kind: "progress", final: 0.85 } },
      { key: "m-ugc", title: "Get 200 customer photos tagged #nordlyshjemme", owner: "emil", unit: "number", direction: "increase", start: 40, target: 200, decimals: 0, trajectory: { kind: "progress", final: 0.45 }, silentWeeks: 2 },
    ],
  },
  {
    key: "m-christmas",
    title: "Make the Christmas campaign our best ever",
    level: "team",
    team: "marketing",
    owner: "ola",
    parent: "c3",
    parentKeyResult: "c3-revenue",
    keyResults: [
      { key: "m-campaign-revenue", title: "Campaign revenue of NOK 1 500 000", owner: "ola", unit: "currency", direction: "increase", start: 0, target: 1_500_000, decimals: -3, weight: 2, trajectory: { kind: "progress", final: 0.95, curve: 1.8 } },
      { key: "m-conversion", title: "Raise conversion of campaign traffic from 1.8 % to 3.0 %", owner: "sofie", unit: "percent", direction: "increase", start: 1.8, target: 3, decimals: 2, trajectory: { kind: "progress", final: 0.55 }, notes: { 6: "Landing pages too slow on mobile, asked Platform for help." } },
      { key: "m-roas", title: "Improve paid social return on ad spend from 3.0 to 4.5", owner: "emil", unit: "custom", unitLabel: "× ROAS", direction: "increase", start: 3, target: 4.5, decimals: 1, dueDaysBeforeEnd: 7, trajectory: { kind: "progress", final: 0.7 } },
    ],
  },
  {
    key: "cs-answers",
    title: "Give answers customers brag about",
    description: "Kundene skal oppleve at vi svarer raskt, forstår saken deres og løser den på første forsøk.",
    level: "team",
    team: "customerService",
    owner: "nora",
    parent: "c1",
    keyResults: [
      { key: "cs-response", title: "Cut first response time from 9 to 2 hours", owner: "nora", unit: "custom", unitLabel: "hours", direction: "decrease", start: 9, target: 2, decimals: 1, weight: 2, trajectory: { kind: "progress", final: 0.8 }, notes: { 1: "Chat er nå bemannet 08–20 på hverdager." } },
      { key: "cs-csat", title: "Raise CSAT from 82 % to 92 %", owner: "jonas", unit: "percent", direction: "increase", start: 82, target: 92, decimals: 0, trajectory: { kind: "progress", final: 0.8 } },
      { key: "cs-first-contact", title: "Solve 80 % of tickets on first contact (from 60 %)", owner: "jonas", unit: "percent", direction: "increase", start: 60, target: 80, decimals: 0, trajectory: { kind: "progress", final: 0.2, noise: 0.05 }, notes: { 5: "Most repeat contacts are about delivery dates we can't see. Need tracking data from Kari's team." } },
    ],
  },
  {
    key: "p-checkout",
    title: "A checkout that never lets a customer down",
    level: "team",
    team: "platform",
    owner: "lars",
    parent: "c2",
    keyResults: [
      { key: "p-load", title: "Checkout loads in 1.5 seconds instead of 3.2", owner: "henrik", unit: "custom", unitLabel: "seconds", direction: "decrease", start: 3.2, target: 1.5, decimals: 2, trajectory: { kind: "progress", final: 1.05 } },
      { key: "p-conversion", title: "Lift checkout conversion from 2.1 % to 2.8 %", owner: "sara", unit: "percent", direction: "increase", start: 2.1, target: 2.8, decimals: 2, trajectory: { kind: "progress", final: 0.9 }, notes: { 3: "New address autocomplete shipped to 50 % of visitors." } },
      { key: "p-payments", title: "Move all payments to the new payment provider", owner: "henrik", unit: "number", direction: "milestone", start: 0, target: 1, decimals: 0, dueDaysBeforeEnd: 30, trajectory: { kind: "milestone", doneWeek: null } },
    ],
  },
  {
    // Deliberately thin: a single key result, for the OKR coach to flag.
    key: "com-regulars",
    title: "Turn first-time buyers into regulars",
    level: "team",
    team: "commerce",
    owner: "maja",
    parent: "c1",
    parentKeyResult: "c1-repeat",
    keyResults: [
      { key: "com-second-order", title: "Raise the 60-day second-order rate from 14 % to 22 %", owner: "maja", unit: "percent", direction: "increase", start: 14, target: 22, decimals: 1, trajectory: { kind: "progress", final: 0.75 } },
    ],
  },
];

/** Objectives that align to nothing on purpose: the OKR coach should point them out. */
export const unalignedObjectiveKeys = new Set(["i-sofie", "i-anders"]);

export const individualObjectives: ObjectiveSpec[] = [
  {
    key: "i-emil",
    title: "Make our Instagram the place people discover home ideas",
    level: "individual",
    owner: "emil",
    parent: "m-audience",
    parentKeyResult: "m-followers",
    keyResults: [
      { key: "ie-reels", title: "Publish 24 Reels", owner: "emil", unit: "custom", unitLabel: "Reels", direction: "increase", start: 0, target: 24, decimals: 0, trajectory: { kind: "progress", final: 1.15, noise: 0.03 } },
      { key: "ie-engagement", title: "Raise average engagement rate from 2.5 % to 4 %", owner: "emil", unit: "percent", direction: "increase", start: 2.5, target: 4, decimals: 1, trajectory: { kind: "progress", final: 0.8 } },
    ],
  },
  {
    key: "i-henrik",
    title: "Make checkout errors a thing of the past",
    level: "individual",
    owner: "henrik",
    parent: "p-checkout",
    keyResults: [
      { key: "ih-errors", title: "Reduce checkout errors from 14 to 3 per 1 000 orders", owner: "henrik", unit: "custom", unitLabel: "errors per 1 000 orders", direction: "decrease", start: 14, target: 3, decimals: 1, weight: 2, trajectory: { kind: "progress", final: 0.9 } },
      { key: "ih-tests", title: "Cover the checkout with automated tests: 35 % to 80 %", owner: "henrik", unit: "percent", direction: "increase", start: 35, target: 80, decimals: 0, trajectory: { kind: "progress", final: 0.85 } },
    ],
  },
  {
    key: "i-jonas",
    title: "Answer faster without sounding like a robot",
    level: "individual",
    owner: "jonas",
    parent: "cs-answers",
    parentKeyResult: "cs-response",
    keyResults: [
      { key: "ij-articles", title: "Rewrite 40 help-centre articles in plain language", owner: "jonas", unit: "custom", unitLabel: "articles", direction: "increase", start: 0, target: 40, decimals: 0, trajectory: { kind: "progress", final: 0.7, noise: 0.02 } },
      { key: "ij-handle", title: "Cut average handling time from 14 to 9 minutes", owner: "jonas", unit: "custom", unitLabel: "minutes", direction: "decrease", start: 14, target: 9, decimals: 1, trajectory: { kind: "progress", final: 0.35 } },
    ],
  },
  {
    // A learning goal, not an outcome, and aligned to nothing: a classic first-quarter mistake.
    key: "i-sofie",
    title: "Learn email automation",
    level: "individual",
    owner: "sofie",
    keyResults: [
      { key: "is-course", title: "Finish the email flows course", owner: "sofie", unit: "number", direction: "milestone", start: 0, target: 1, decimals: 0, dueDaysBeforeEnd: 60, trajectory: { kind: "milestone", doneWeek: 3 } },
      { key: "is-welcome", title: "Launch the welcome flow for new subscribers", owner: "sofie", unit: "number", direction: "milestone", start: 0, target: 1, decimals: 0, trajectory: { kind: "milestone", doneWeek: null } },
      { key: "is-share", title: "Automated emails bring 15 % of email revenue (from 5 %)", owner: "sofie", unit: "percent", direction: "increase", start: 5, target: 15, decimals: 1, trajectory: { kind: "progress", final: 0.25 } },
    ],
  },
  {
    // Long title, one key result, no alignment: more for the coach.
    key: "i-anders",
    title: "Close the monthly books in five working days instead of twelve, every month",
    level: "individual",
    owner: "anders",
    keyResults: [
      { key: "ia-close", title: "Working days to close the books: 12 → 5", owner: "anders", unit: "custom", unitLabel: "working days", direction: "decrease", start: 12, target: 5, decimals: 0, trajectory: { kind: "progress", final: 0.6, noise: 0.02 }, silentWeeks: 2 },
    ],
  },
];

export const currentObjectives: ObjectiveSpec[] = [...companyObjectives, ...teamObjectives, ...individualObjectives];

export const comments: CommentSpec[] = [
  { objective: "c1", author: "ingrid", at: 0.15, body: "Love that every team found a way to contribute to this one. Let's review NPS verbatims together at the next all-hands." },
  { objective: "cs-answers", author: "maja", at: 0.35, body: "Nora, can we share the macro library with Marketing? They get the same questions on Instagram." },
  { objective: "cs-answers", author: "nora", at: 0.4, body: "Ja, selvfølgelig!\nJeg legger dem i den delte mappen i dag." },
  { objective: "p-checkout", author: "henrik", at: 0.55, body: "Load-time dashboard is here if anyone wants to follow along: https://grafana.nordlys.example/d/checkout" },
  { objective: "m-christmas", author: "maja", at: 0.75, body: "Gift guide looks great. Can we add a \"under 500 kr\" section before Black Friday?" },
  { objective: "c2", author: "lars", at: 0.9, body: "Kari, the return rate has not been updated for a few weeks. Could you add the November numbers?" },
];
