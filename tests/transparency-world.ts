import { getDb } from "@/db/client";
import { checkIns, cycles, keyResults, objectives, teamMembers, teams, type Confidence, type ObjectiveLevel } from "@/db/schema";
import { activeCycleId } from "./okr-world";
import { newOrganisation } from "./world";
import { now } from "@/lib/clock";

interface KeyResultSpec {
  title: string;
  description?: string;
  owner?: string;
  /** The latest check-in's confidence; none = not started. */
  confidence?: Confidence;
  /** Days since that check-in; more than seven in an active cycle makes it stale. */
  daysAgo?: number;
}

export interface ObjectiveSpec {
  title: string;
  description?: string;
  level?: ObjectiveLevel;
  teamId?: string;
  owner: string;
  parent?: string;
  progress?: string;
  archived?: boolean;
  cycleId?: string;
  keyResults?: KeyResultSpec[];
}

/** Rows written directly (as the test's connecting user): fast, and every value under control. */
export async function insertObjective(orgId: string, cycleId: string, spec: ObjectiveSpec): Promise<string> {
  const db = await getDb();
  const level = spec.level ?? "company";
  const [row] = await db
    .insert(objectives)
    .values({
      orgId,
      cycleId: spec.cycleId ?? cycleId,
      level,
      teamId: level === "team" ? spec.teamId : null,
      ownerUserId: spec.owner,
      parentObjectiveId: spec.parent ?? null,
      title: spec.title,
      description: spec.description ?? "",
      progress: spec.progress ?? "0",
      archivedAt: spec.archived ? now() : null,
    })
    .returning({ id: objectives.id });
  if (!row) throw new Error("no objective");
  let position = 0;
  for (const kr of spec.keyResults ?? []) {
    const checkedAt = kr.confidence ? new Date(now().getTime() - (kr.daysAgo ?? 1) * 86_400_000) : null;
    const [inserted] = await db
      .insert(keyResults)
      .values({
        orgId,
        objectiveId: row.id,
        title: kr.title,
        description: kr.description ?? "",
        ownerUserId: kr.owner ?? spec.owner,
        targetValue: "100",
        currentValue: "40",
        progress: "0.4",
        achievement: "0.4",
        dueDate: "2099-12-31",
        position: position++,
        lastCheckInAt: checkedAt,
        lastConfidence: kr.confidence ?? null,
        // Created before the last check-in, so staleness counts from the check-in.
        createdAt: checkedAt ? new Date(checkedAt.getTime() - 86_400_000) : now(),
      })
      .returning({ id: keyResults.id });
    if (inserted && kr.confidence && checkedAt) {
      await db.insert(checkIns).values({
        orgId,
        keyResultId: inserted.id,
        authorUserId: kr.owner ?? spec.owner,
        value: "40",
        previousValue: "0",
        confidence: kr.confidence,
        note: `Note on ${kr.title}`,
        createdAt: checkedAt,
      });
    }
  }
  return row.id;
}

export async function insertTeam(orgId: string, name: string, parentTeamId: string | null = null, memberIds: string[] = []) {
  const db = await getDb();
  const [team] = await db.insert(teams).values({ orgId, name, parentTeamId }).returning({ id: teams.id });
  if (!team) throw new Error("no team");
  if (memberIds.length) await db.insert(teamMembers).values(memberIds.map((userId) => ({ orgId, teamId: team.id, userId })));
  return team.id;
}

export async function insertClosedCycle(orgId: string) {
  const db = await getDb();
  const [cycle] = await db
    .insert(cycles)
    .values({ orgId, name: "Q1 2020", startDate: "2020-01-01", endDate: "2020-03-31", status: "closed", closedAt: new Date("2020-04-01") })
    .returning({ id: cycles.id });
  if (!cycle) throw new Error("no cycle");
  return cycle.id;
}

/**
 * A small shop: Commerce with Customer Service below it, and Platform; a company objective with
 * team objectives aligned to it, an unaligned one, personal ones, an archived one and one in a
 * closed cycle; English and Norwegian text; every status once.
 */
export async function transparencyWorld(label = "Transparency") {
  const org = await newOrganisation(label);
  const nora = await org.join("member", "Nora Kristiansen");
  const henrik = await org.join("member", "Henrik Dahl");
  const emil = await org.join("member", "Emil Johansen");
  const cycleId = await activeCycleId(org.ownerCtx);
  const closedCycleId = await insertClosedCycle(org.orgId);
  const commerce = await insertTeam(org.orgId, "Commerce", null, [emil.user.id]);
  const service = await insertTeam(org.orgId, "Customer Service", commerce, [nora.user.id]);
  const platform = await insertTeam(org.orgId, "Platform", null, [henrik.user.id]);
  const o = (spec: ObjectiveSpec) => insertObjective(org.orgId, cycleId, spec);

  const company = await o({
    title: "Become the shop Norwegians recommend to friends",
    description: "Word of mouth is the cheapest marketing there is.",
    owner: org.owner.id,
    progress: "0.5",
    keyResults: [{ title: "Raise NPS from 32 to 50", confidence: "on_track" }],
  });
  const answers = await o({
    title: "Give answers customers brag about",
    description: "Kundene skal oppleve at vi svarer raskt og løser saken på første forsøk.",
    level: "team",
    teamId: service,
    owner: nora.user.id,
    parent: company,
    progress: "0.9",
    keyResults: [
      { title: "Cut first response time from 9 to 2 hours", confidence: "on_track" },
      { title: "Raise CSAT from 82 % to 92 %", confidence: "on_track", owner: emil.user.id },
    ],
  });
  const regulars = await o({
    title: "Turn first-time buyers into regulars",
    description: "Vi gjør førstegangskunder til faste kunder.",
    level: "team",
    teamId: commerce,
    owner: emil.user.id,
    parent: company,
    progress: "0.1",
    keyResults: [{ title: "Raise the second-order rate", confidence: "at_risk" }],
  });
  const checkout = await o({
    title: "A checkout that never lets a customer down",
    level: "team",
    teamId: platform,
    owner: henrik.user.id,
    progress: "0",
    keyResults: [{ title: "Move all payments to the new provider", description: "Betalingsløsningen må aldri feile", confidence: "off_track" }],
  });
  const email = await o({
    title: "Learn email automation",
    level: "individual",
    owner: emil.user.id,
    parent: regulars,
    progress: "0.3",
    keyResults: [{ title: "Launch the Christmas flow before julekampanjen", confidence: "on_track", daysAgo: 12 }],
  });
  const robot = await o({
    title: "Answer faster without sounding like a robot",
    level: "individual",
    owner: nora.user.id,
    progress: "1",
    keyResults: [{ title: "Rewrite 40 help-centre articles" }],
  });
  const archived = await o({ title: "Old archived goal about customers", owner: nora.user.id, level: "individual", archived: true });
  const closed = await o({ title: "Last year's customer goal", owner: nora.user.id, cycleId: closedCycleId, progress: "0.7" });

  return {
    org,
    people: { nora, henrik, emil },
    cycleId,
    closedCycleId,
    teams: { commerce, service, platform },
    objectives: { company, answers, regulars, checkout, email, robot, archived, closed },
  };
}
