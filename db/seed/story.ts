import type {
  KeyResultDirection,
  KeyResultUnit,
  Locale,
  MembershipRole,
  ObjectiveLevel,
  RollupMode,
} from "@/db/schema/enums";

/**
 * The shapes of the demo story. The data files declare people, teams and OKRs with these; the seed
 * turns them into rows, with dates relative to `today` and values from a deterministic simulation.
 */

export type PersonKey =
  | "ingrid"
  | "lars"
  | "maja"
  | "ola"
  | "sofie"
  | "emil"
  | "nora"
  | "jonas"
  | "henrik"
  | "sara"
  | "kari"
  | "anders";

export interface PersonSpec {
  key: PersonKey;
  name: string;
  /** Job title, for the summary and the story; not stored (users have no title column). */
  title: string;
  role: MembershipRole;
  locale: Locale;
}

export type TeamKey = "commerce" | "marketing" | "customerService" | "platform";

export interface TeamSpec {
  key: TeamKey;
  name: string;
  description: string;
  parent?: TeamKey;
  lead: PersonKey;
  /** Including the lead. */
  members: PersonKey[];
  /** The pilot team existed a quarter before everyone else. */
  inPilot?: boolean;
}

/**
 * How a key result's value moves over the cycle.
 * - `progress` (increase / decrease): achievement reaches `final` at the cycle's end along
 *   `fraction ** curve` (curve > 1: a slow start, e.g. a Christmas peak), plus noise.
 * - `threshold` (stay_above / stay_below): hovers around `typical`; `breaches` maps a week index to
 *   a value that breaks the threshold.
 * - `milestone`: flips to done in week `doneWeek`, or never (null).
 */
export type Trajectory =
  | { kind: "progress"; final: number; curve?: number; noise?: number }
  | { kind: "threshold"; typical: number; jitter: number; breaches?: Record<number, number> }
  | { kind: "milestone"; doneWeek: number | null };

export interface KeyResultSpec {
  /** Unique in the story; seeds the key result's random series and names it for alignment. */
  key: string;
  title: string;
  description?: string;
  owner: PersonKey;
  unit: KeyResultUnit;
  /** For `custom` units: "hours", "followers", … */
  unitLabel?: string;
  direction: KeyResultDirection;
  start: number;
  target: number;
  /** Decimal places the metric is reported with. */
  decimals?: number;
  weight?: number;
  /** Due before the cycle ends (default: the cycle's last day). */
  dueDaysBeforeEnd?: number;
  trajectory: Trajectory;
  /** Stops reporting this many weeks before today: the stale key results the dashboard flags. */
  silentWeeks?: number;
  /** Notes for particular check-ins, by week index; other weeks draw from the shared pools. */
  notes?: Record<number, string>;
}

export interface ObjectiveSpec {
  key: string;
  title: string;
  description?: string;
  level: ObjectiveLevel;
  team?: TeamKey;
  owner: PersonKey;
  /** Key of the objective this one aligns to, in the same cycle. */
  parent?: string;
  /** Key of one key result of `parent`. */
  parentKeyResult?: string;
  rollupMode?: RollupMode;
  keyResults: KeyResultSpec[];
  /** Closed cycles only: the owner's look back. */
  reflection?: string;
}

export interface CommentSpec {
  objective: string;
  author: PersonKey;
  body: string;
  /** Where in the cycle so far (0 = start, 1 = today) it was written. */
  at: number;
}
