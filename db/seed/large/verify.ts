import type { Confidence, KeyResultDirection } from "@/db/schema/enums";
import { achievement, finalScore, keyResultProgress, objectiveProgress } from "@/lib/okr/progress";
import type { Session } from "./sql";

/**
 * Checks a generated organisation against the rules it must follow: stored progress equals what
 * lib/okr/progress.ts computes (on a sample, in JavaScript; for everything, in SQL), key results
 * match their latest check-in, and every row points at people and rows of its own organisation.
 * Returns the problems found; an empty list is a pass.
 */

const TOLERANCE = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

interface KeyResultSample {
  id: string;
  direction: KeyResultDirection;
  start_value: string;
  target_value: string;
  current_value: string;
  achievement: string;
  progress: string;
  last_check_in_at: string | null;
  last_confidence: Confidence | null;
  latest_value: string | null;
  latest_at: string | null;
  latest_confidence: Confidence | null;
}

interface ObjectiveSample {
  id: string;
  status: string;
  progress: string;
  score: string | null;
  key_results: Array<{ progress: string; weight: string }>;
  last_point: string | null;
}

const time = (value: string | null) => (value === null ? null : new Date(value).getTime());

async function checkKeyResults(session: Session, orgId: string, sample: number, problems: string[]): Promise<number> {
  const rows = await session.query<KeyResultSample>(
    `select k.id, k.direction, k.start_value::text, k.target_value::text, k.current_value::text, k.achievement::text, k.progress::text,
            k.last_check_in_at::text, k.last_confidence, c.value::text as latest_value, c.created_at::text as latest_at, c.confidence as latest_confidence
       from key_results k
       left join lateral (select value, created_at, confidence from check_ins c
                           where c.org_id = k.org_id and c.key_result_id = k.id order by created_at desc limit 1) c on true
      where k.org_id = $1 order by md5(k.id::text) limit $2`,
    [orgId, sample],
  );
  for (const kr of rows) {
    const measure = { direction: kr.direction, start: Number(kr.start_value), target: Number(kr.target_value), current: Number(kr.current_value) };
    if (!near(Number(kr.achievement), achievement(measure))) problems.push(`key result ${kr.id}: achievement ${kr.achievement} ≠ ${achievement(measure)}`);
    if (!near(Number(kr.progress), keyResultProgress(measure))) problems.push(`key result ${kr.id}: progress ${kr.progress} ≠ ${keyResultProgress(measure)}`);
    if (Number(kr.current_value) !== Number(kr.latest_value ?? kr.start_value)) problems.push(`key result ${kr.id}: current value is not its latest check-in's`);
    if (time(kr.last_check_in_at) !== time(kr.latest_at)) problems.push(`key result ${kr.id}: last_check_in_at is not its latest check-in's`);
    if (kr.last_confidence !== kr.latest_confidence) problems.push(`key result ${kr.id}: last_confidence is not its latest check-in's`);
  }
  return rows.length;
}

async function checkObjectives(session: Session, orgId: string, sample: number, problems: string[]): Promise<number> {
  const rows = await session.query<ObjectiveSample>(
    `select o.id, c.status::text, o.progress::text, o.score::text,
            coalesce((select json_agg(json_build_object('progress', k.progress::text, 'weight', k.weight::text))
                        from key_results k where k.org_id = o.org_id and k.objective_id = o.id), '[]'::json) as key_results,
            (select h.progress::text from objective_progress_history h
              where h.org_id = o.org_id and h.objective_id = o.id order by h.day desc limit 1) as last_point
       from objectives o join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where o.org_id = $1 order by md5(o.id::text) limit $2`,
    [orgId, sample],
  );
  for (const objective of rows) {
    const keyResults = objective.key_results.map((kr) => ({ progress: Number(kr.progress), weight: Number(kr.weight) }));
    const expected = objectiveProgress({ mode: "key_results", keyResults, children: [], manual: null });
    if (!near(Number(objective.progress), expected)) problems.push(`objective ${objective.id}: progress ${objective.progress} ≠ ${expected}`);
    const score = objective.status === "closed" ? finalScore(Number(objective.progress)) : null;
    if ((objective.score === null ? null : Number(objective.score)) !== score) problems.push(`objective ${objective.id}: score ${objective.score} ≠ ${score}`);
    if (objective.last_point === null || !near(Number(objective.last_point), Number(objective.progress))) {
      problems.push(`objective ${objective.id}: its latest history point is not its progress`);
    }
  }
  return rows.length;
}

/** Whole-organisation rules in SQL: each query counts the rows that break one. */
const violations: ReadonlyArray<readonly [string, string]> = [
  ["objectives whose progress is not the weighted mean of their key results", `select count(*) from objectives o where o.org_id = $1 and abs(o.progress - coalesce((select sum(k.progress * k.weight) / sum(k.weight) from key_results k where k.org_id = o.org_id and k.objective_id = o.id), 0)) > 0.000001`],
  ["key results whose current value is not their latest check-in's", `select count(*) from key_results k where k.org_id = $1 and k.current_value <> coalesce((select c.value from check_ins c where c.org_id = k.org_id and c.key_result_id = k.id order by c.created_at desc limit 1), k.start_value)`],
  ["check-ins whose previous value is not the value before", `select count(*) from (select c.previous_value, coalesce(lag(c.value) over (partition by c.key_result_id order by c.created_at), k.start_value) as before from check_ins c join key_results k on k.org_id = c.org_id and k.id = c.key_result_id where c.org_id = $1) x where x.previous_value <> x.before`],
  ["check-ins by someone who is not a member", `select count(*) from check_ins c where c.org_id = $1 and not exists (select 1 from memberships m where m.org_id = c.org_id and m.user_id = c.author_user_id)`],
  ["objectives or key results owned by someone who is not a member", `select (select count(*) from objectives o where o.org_id = $1 and not exists (select 1 from memberships m where m.org_id = o.org_id and m.user_id = o.owner_user_id)) + (select count(*) from key_results k where k.org_id = $1 and not exists (select 1 from memberships m where m.org_id = k.org_id and m.user_id = k.owner_user_id))`],
  ["objectives aligned to an objective of another cycle", `select count(*) from objectives o join objectives p on p.org_id = o.org_id and p.id = o.parent_objective_id where o.org_id = $1 and p.cycle_id <> o.cycle_id`],
  ["members not in exactly one team", `select count(*) from memberships m where m.org_id = $1 and (select count(*) from team_members t where t.org_id = m.org_id and t.user_id = m.user_id) <> 1`],
  ["teams whose lead is not a member of the team", `select count(*) from teams t where t.org_id = $1 and not exists (select 1 from team_members tm where tm.org_id = t.org_id and tm.team_id = t.id and tm.user_id = t.lead_user_id)`],
  ["check-ins on or after the day of the seed", `select count(*) from check_ins c where c.org_id = $1 and c.created_at >= $2::timestamptz`],
  ["activity rows pointing at key results of another organisation", `select count(*) from activity a where a.org_id = $1 and a.key_result_id is not null and not exists (select 1 from key_results k where k.org_id = a.org_id and k.id = a.key_result_id)`],
];

export interface Verification {
  problems: string[];
  keyResultsSampled: number;
  objectivesSampled: number;
}

export interface VerifyOptions {
  /** The day the organisation was seeded as (YYYY-MM-DD): nothing may be reported on or after it. */
  today: string;
  keyResults?: number;
  objectives?: number;
}

export async function verifyOrganisation(session: Session, orgId: string, options: VerifyOptions): Promise<Verification> {
  const problems: string[] = [];
  const keyResultsSampled = await checkKeyResults(session, orgId, options.keyResults ?? 1_000, problems);
  const objectivesSampled = await checkObjectives(session, orgId, options.objectives ?? 200, problems);
  for (const [rule, query] of violations) {
    const params = query.includes("$2") ? [orgId, `${options.today}T00:00:00Z`] : [orgId];
    const [row] = await session.query<{ count: number }>(`select (${query})::int as count`, params);
    if (row && Number(row.count) > 0) problems.push(`${row.count} ${rule}`);
  }
  return { problems, keyResultsSampled, objectivesSampled };
}
