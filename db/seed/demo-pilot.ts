import type { ObjectiveSpec } from "./story";

/**
 * The previous quarter: a pilot with the Marketing team only, now closed. Its scores are frozen
 * and every objective has its owner's reflection. The trajectories below end where the scores land
 * (the company objective close to 0.7, the "success" line of a stretch goal).
 */
export const pilotObjectives: ObjectiveSpec[] = [
  {
    key: "pc-peak",
    title: "Prepare the shop for its first peak season",
    description: "Our first OKR quarter: Marketing pilots the method while the shop gets ready for Q4.",
    level: "company",
    owner: "ingrid",
    reflection:
      "A good first quarter with OKRs. The newsletter became a real channel; search took longer than we hoped. We learned to write fewer, sharper key results and to check in every Monday, and we are rolling the method out to every team next quarter.",
    keyResults: [
      { key: "pk-subscribers", title: "Grow newsletter subscribers from 4 000 to 12 000", owner: "ola", unit: "number", direction: "increase", start: 4_000, target: 12_000, decimals: 0, trajectory: { kind: "progress", final: 0.82, noise: 0.02 } },
      { key: "pk-photos", title: "Lifestyle photos on 90 % of product pages (from 30 %)", owner: "sofie", unit: "percent", direction: "increase", start: 30, target: 90, decimals: 0, trajectory: { kind: "progress", final: 0.6, noise: 0.02 } },
    ],
  },
  {
    key: "pm-newsletter",
    title: "Grow our newsletter into a real sales channel",
    level: "team",
    team: "marketing",
    owner: "ola",
    parent: "pc-peak",
    parentKeyResult: "pk-subscribers",
    reflection:
      "Nyhetsbrevet ga oss mer enn vi trodde. Pop-up-skjemaet var det største enkeltgrepet. Neste gang starter vi med segmentering fra dag én, ikke i uke åtte.",
    keyResults: [
      { key: "pn-share", title: "Newsletter brings 10 % of revenue (from 4 %)", owner: "sofie", unit: "percent", direction: "increase", start: 4, target: 10, decimals: 1, weight: 2, trajectory: { kind: "progress", final: 0.9, noise: 0.02 } },
      { key: "pn-popup", title: "3 000 sign-ups from the new pop-up form", owner: "emil", unit: "custom", unitLabel: "sign-ups", direction: "increase", start: 0, target: 3_000, decimals: 0, trajectory: { kind: "progress", final: 1.1, noise: 0.02 } },
      { key: "pn-unsubscribe", title: "Keep the unsubscribe rate below 0.5 %", owner: "sofie", unit: "percent", direction: "stay_below", start: 0.3, target: 0.5, decimals: 2, trajectory: { kind: "threshold", typical: 0.32, jitter: 0.08, breaches: { 6: 0.61 } }, notes: { 6: "Sent the sale email twice by mistake. Apologised in the next one." } },
    ],
  },
  {
    key: "pm-search",
    title: "Get found on Google when people shop for home goods",
    level: "team",
    team: "marketing",
    owner: "ola",
    parent: "pc-peak",
    reflection:
      "We underestimated how long SEO takes to show up in the numbers. Rankings moved in the last month, traffic will follow. Keeping it as a team objective, not a company one, next quarter.",
    keyResults: [
      { key: "ps-sessions", title: "Grow organic sessions from 20 000 to 45 000 a month", owner: "ola", unit: "number", direction: "increase", start: 20_000, target: 45_000, decimals: -2, trajectory: { kind: "progress", final: 0.45, curve: 1.5, noise: 0.02 } },
      { key: "ps-keywords", title: "Rank in the top 10 for 30 target keywords (from 5)", owner: "emil", unit: "custom", unitLabel: "keywords", direction: "increase", start: 5, target: 30, decimals: 0, trajectory: { kind: "progress", final: 0.52, curve: 1.4, noise: 0.02 } },
    ],
  },
];
