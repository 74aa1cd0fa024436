import type { PersonKey, PersonSpec, TeamSpec } from "./story";

/** Nordlys Nettbutikk AS: a Norwegian online shop for home goods, twelve people strong. */
export const demoOrganisation = {
  name: "Nordlys Nettbutikk AS",
  slug: "nordlys",
  fiscalYearStartMonth: 1,
} as const;

/** Everyone signs in with this password; it is printed by `npm run db:seed`. */
export const DEMO_PASSWORD = "retning-demo";

export const demoEmailDomain = "nordlys.example";

export const people: PersonSpec[] = [
  { key: "ingrid", name: "Ingrid Solberg", title: "CEO", role: "owner", locale: "en" },
  { key: "lars", name: "Lars Haugen", title: "CTO", role: "admin", locale: "en" },
  { key: "maja", name: "Maja Berg", title: "Head of Commerce", role: "admin", locale: "en" },
  { key: "ola", name: "Ola Nordmann", title: "Marketing lead", role: "member", locale: "en" },
  { key: "sofie", name: "Sofie Lie", title: "Marketing, email and campaigns", role: "member", locale: "en" },
  { key: "emil", name: "Emil Johansen", title: "Marketing, social and content", role: "member", locale: "en" },
  { key: "nora", name: "Nora Kristiansen", title: "Customer Service lead", role: "member", locale: "nb" },
  { key: "jonas", name: "Jonas Bakke", title: "Customer Service", role: "member", locale: "en" },
  { key: "henrik", name: "Henrik Dahl", title: "Platform developer", role: "member", locale: "en" },
  { key: "sara", name: "Sara Moen", title: "Platform designer", role: "member", locale: "en" },
  { key: "kari", name: "Kari Pedersen", title: "Warehouse and logistics", role: "member", locale: "nb" },
  { key: "anders", name: "Anders Nilsen", title: "Finance", role: "member", locale: "en" },
];

/** Who was there for the Marketing-only pilot quarter; the others joined for the company-wide rollout. */
export const pilotPeople = new Set<PersonKey>(["ingrid", "ola", "sofie", "emil"]);

/** Two levels: Commerce holds Marketing and Customer Service; Platform stands alone. */
export const teamSpecs: TeamSpec[] = [
  {
    key: "commerce",
    name: "Commerce",
    description: "Vi gjør førstegangskunder til faste kunder, fra første klikk til pakken står på døra.",
    lead: "maja",
    members: ["maja", "kari"],
  },
  {
    key: "marketing",
    name: "Marketing",
    description: "We make people who love a beautiful home find us, and come back for more.",
    parent: "commerce",
    lead: "ola",
    members: ["ola", "sofie", "emil"],
    inPilot: true,
  },
  {
    key: "customerService",
    name: "Customer Service",
    description: "Vi sørger for at hver kunde får svar raskere enn de forventer.",
    parent: "commerce",
    lead: "nora",
    members: ["nora", "jonas"],
  },
  {
    key: "platform",
    name: "Platform",
    description: "We build and run the shop itself: fast pages, a checkout that just works, and data we can trust.",
    lead: "lars",
    members: ["lars", "henrik", "sara"],
  },
];

export function emailOf(person: PersonSpec): string {
  return `${person.key}@${demoEmailDomain}`;
}
