/**
 * Word lists for generated names and titles, in English and Norwegian as a Norwegian company
 * writes them. Every list is non-empty (`pick` from db/seed/random.ts needs that).
 */

type Words = readonly [string, ...string[]];

export const firstNames: Words = [
  "Ingrid", "Lars", "Maja", "Ola", "Sofie", "Emil", "Nora", "Jonas", "Henrik", "Sara",
  "Kari", "Anders", "Astrid", "Magnus", "Ida", "Sander", "Thea", "Mathias", "Emma", "Kristian",
  "Hanna", "Sindre", "Ingeborg", "Eirik", "Marte", "Tobias", "Silje", "Håkon", "Julie", "Aksel",
  "Oliver", "Amelia", "Noah", "Leah", "Daniel", "Grace", "Samuel", "Olivia", "Adam", "Zara",
  "Amir", "Fatima", "Mikkel", "Live", "Even", "Frida", "Jakob", "Vilde", "Ørjan", "Åse",
];

export const lastNames: Words = [
  "Solberg", "Haugen", "Berg", "Nordmann", "Lie", "Johansen", "Kristiansen", "Bakke", "Dahl", "Moen",
  "Pedersen", "Nilsen", "Hansen", "Olsen", "Larsen", "Andersen", "Jensen", "Karlsen", "Eriksen", "Halvorsen",
  "Strand", "Lund", "Vik", "Aas", "Myhre", "Hagen", "Sæther", "Brekke", "Ødegård", "Fjeld",
  "Smith", "Brown", "Taylor", "Wilson", "Khan", "Ahmed", "Nguyen", "Novak", "Silva", "Rossi",
];

/** Top-level team names; a division takes one as is. */
export const areas: Words = [
  "Commerce", "Platform", "Operations", "Finance", "People", "Growth", "Product", "Sales", "Marketing", "Logistikk",
  "Kundeservice", "Data", "Security", "Mobile", "Payments", "Search", "Checkout", "Infrastructure", "Design", "Brand",
  "Partnerships", "Support", "Analytics", "Content", "Innovation", "Quality", "Compliance", "Innkjøp", "Lager", "Levering",
];

/** The second word of deeper teams' names ("Payments Fjord"). */
export const teamWords: Words = [
  "Fjord", "Aurora", "Polar", "Vind", "Fjell", "Skog", "Elv", "Storm", "Lys", "Nord",
  "Tinde", "Bre", "Vidde", "Hav", "Kyst", "Fyr", "Ørn", "Ulv", "Rein", "Gaupe",
  "Core", "Edge", "Insight", "Flow", "Pulse", "Orbit", "Forge", "Harbour", "Compass", "Beacon",
];

export const teamPurposes: Words = [
  "We make the everyday work of our colleagues simpler.",
  "Vi sørger for at kundene får det de trenger, når de trenger det.",
  "We turn data into decisions the whole company can trust.",
  "Vi bygger og drifter tjenestene kundene bruker hver dag.",
  "We help customers find us, choose us and come back.",
  "Vi holder kostnadene nede og kvaliteten oppe.",
  "We keep the lights on and the pages fast.",
];

export const objectiveOpenings: Words = [
  "Build", "Grow", "Strengthen", "Simplify", "Modernise", "Scale", "Improve", "Become known for", "Deliver", "Win",
];

export const objectiveSubjects: Words = [
  "a checkout customers love", "customer loyalty in the Nordics", "a data platform everyone trusts", "our partner network",
  "the fastest delivery in Norway", "a healthy, profitable growth engine", "a product people recommend", "operational excellence",
  "a great place to work", "self-service for our customers", "the mobile experience", "our brand among young adults",
];

export const norwegianObjectives: Words = [
  "Styrke kundelojaliteten i hele Norden",
  "Forenkle leveransene fra lager til dør",
  "Bygge en robust og rask plattform",
  "Øke salget uten å øke kostnadene",
  "Gjøre kundeservice til vårt fremste konkurransefortrinn",
  "Bli den foretrukne arbeidsplassen i bransjen",
  "Ta eierskap til dataene våre",
  "Gi kundene svar før de rekker å spørre",
];

export const personalObjectives: Words = [
  "Grow as a mentor for the team",
  "Get the basics of our data stack right",
  "Make my area run without me",
  "Learn the customer's side of the business",
  "Lære meg domenet skikkelig",
  "Bli tryggere som presentatør",
  "Automate the boring parts of my week",
  "Share what I learn with the rest of the company",
];

export const milestones: Words = [
  "Launch the new onboarding flow",
  "Ship the partner portal",
  "Roll out the new design system",
  "Migrate the order service to the new platform",
  "Sign the framework agreement with Posten",
  "Publish the quarterly customer insight report",
  "Lansere ny app i App Store og Google Play",
  "Ferdigstille ny leverandøravtale",
  "Innføre nytt lagersystem",
  "Run the first company-wide hackathon",
];

export const reflections: Words = [
  "We aimed high and learned a lot; the trend is right even if we fell short.",
  "Good quarter. The weekly check-ins kept us honest.",
  "Vi var for optimistiske i starten, men tok igjen mye mot slutten.",
  "Dependencies on other teams slowed us down; we will agree on them up front next time.",
  "Målene var riktige, men vi startet for sent.",
  "Hit the target early and kept going. Next time we stretch further.",
];
