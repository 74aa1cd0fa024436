import type { z } from "zod";
import type { KeyResultDirection, ObjectiveLevel } from "@/lib/domain";
import type { KeyResultUnitFields } from "@/lib/services/key-result-measure";
import { MAX_KEY_RESULTS } from "@/lib/okr/coach";
import { alignmentRefusal, teamsAbove } from "@/lib/okr/alignment";
import { normaliseValues } from "@/lib/okr/key-result-values";
import { can, type Actor } from "@/lib/permissions";
import { decimal } from "@/lib/validation/common";
import { keyResultCreateSchema, objectiveCreateSchema } from "@/lib/validation/okrs";
import { levelNames, numberText, parseDay, parseDirection, parseLevel, parseUnit, personKey, titleKey } from "./columns";
import type { ImportFile, ImportRow, RawIssue } from "./file";
import { IMPORT_MAX_KEY_RESULTS, type ImportColumn, type ImportPreviewObjective } from "./types";

/**
 * Judges every row of an import against the organisation, as creating the same objectives and key
 * results by hand would: the same zod schemas for titles, numbers and units, the same permission
 * table (can), the same alignment rule (alignmentRefusal) — and plans what to write. Pure: the
 * service loads what it reads (ImportLookups) in one transaction and writes the plan in it.
 */

export interface ImportMember {
  userId: string;
  name: string;
  email: string;
}

export interface ImportLookups {
  actor: Actor;
  cycle: { id: string; startDate: string; endDate: string };
  /** The members the file names (by name or email). */
  members: readonly ImportMember[];
  /** Every team of the organisation (names to match, parents for alignment). */
  teams: ReadonlyArray<{ id: string; name: string; parentTeamId: string | null }>;
  /** Objectives of the cycle, not archived, whose titles the file names. */
  existing: ReadonlyArray<{ id: string; title: string; level: ObjectiveLevel; teamId: string | null; ownerName: string }>;
  /** The people who lead a team the member belongs to (lib/services/objective-scope.ts). */
  leadIds: (userId: string) => readonly string[];
  newId: () => string;
}

export interface PlannedKeyResult extends KeyResultUnitFields {
  id: string;
  row: number;
  title: string;
  ownerUserId: string;
  startValue: string;
  targetValue: string;
  dueDate: string;
}

export interface PlannedObjective {
  id: string;
  row: number;
  title: string;
  level: ObjectiveLevel;
  teamId: string | null;
  ownerUserId: string;
  parentObjectiveId: string | null;
  keyResults: PlannedKeyResult[];
}

export interface ImportPlan {
  /** Parents before the objectives aligned to them, so rows can be inserted in this order. */
  objectives: PlannedObjective[];
  keyResults: number;
  /** Existing objectives that gain aligned objectives: their progress rolls up again. */
  existingParents: string[];
  errors: RawIssue[];
  warnings: RawIssue[];
  preview: ImportPreviewObjective[];
}

/** Stands in for an id the row could not resolve, so the schemas judge the other fields. */
const PLACEHOLDER = "00000000-0000-4000-8000-000000000000";

interface Group {
  key: string;
  id: string;
  row: number;
  title: string;
  level: ObjectiveLevel | null;
  teamId: string | null;
  teamName: string | null;
  owner: ImportMember | null;
  alignedTo: string;
  bareRow: number | null;
  keyResultRows: Map<string, number>;
  keyResults: Array<PlannedKeyResult & { ownerName: string }>;
  /** Whether every objective cell of its first row resolved: only then is it judged as a whole. */
  resolved: boolean;
  parent: { id: string; inFile: Group | null } | null;
}

export function planImport(file: ImportFile, lookups: ImportLookups): ImportPlan {
  const errors: RawIssue[] = [];
  const warnings: RawIssue[] = [];
  const byEmail = new Map<string, ImportMember>();
  const byName = new Map<string, ImportMember[]>();
  for (const member of lookups.members) {
    byEmail.set(personKey(member.email), member);
    const key = personKey(member.name);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const teamsByName = new Map<string, Array<{ id: string; name: string }>>();
  for (const team of lookups.teams) {
    const key = titleKey(team.name);
    teamsByName.set(key, [...(teamsByName.get(key) ?? []), team]);
  }
  const teamName = new Map(lookups.teams.map((team) => [team.id, team.name]));
  const groups = new Map<string, Group>();

  for (const row of file.rows) {
    const flagged = new Set<ImportColumn>();
    const issue = (column: ImportColumn, key: string, values?: Record<string, string | number>) => {
      if (flagged.has(column)) return;
      flagged.add(column);
      errors.push({ row: row.row, column, key, ...(values ? { values } : {}) });
    };
    // A person by email, else by name: a name two members share must be written as an email.
    const person = (column: ImportColumn, text: string): ImportMember | null => {
      const byMail = byEmail.get(personKey(text));
      if (byMail) return byMail;
      const named = byName.get(personKey(text)) ?? [];
      if (named.length === 1) return named[0] ?? null;
      issue(column, named.length > 1 ? "import.errors.ambiguousPerson" : "import.errors.unknownPerson");
      return null;
    };
    const { cells } = row;
    if (!cells.objective) {
      issue("objective", cells.keyResult ? "import.errors.objectiveMissing" : "validation.required");
      continue;
    }
    const group = objectiveOf(row, groups, issue, person, { teamsByName, teamName, newId: lookups.newId });
    if (!group) continue;
    if (titleKey(cells.alignedTo) !== titleKey(group.alignedTo)) issue("alignedTo", "import.errors.conflict", { row: group.row });

    const keyResultCells = [cells.keyResultOwner, cells.start, cells.target, cells.unit, cells.direction, cells.dueDate];
    if (!cells.keyResult) {
      if (keyResultCells.some((cell) => cell !== "")) issue("keyResult", "validation.required");
      else if (group.bareRow !== null && group.bareRow !== row.row) issue("objective", "import.errors.duplicateObjective", { row: group.bareRow });
      else group.bareRow = row.row;
      continue;
    }
    const first = group.keyResultRows.get(titleKey(cells.keyResult));
    if (first !== undefined) {
      issue("keyResult", "import.errors.duplicateKeyResult", { row: first });
      continue;
    }
    group.keyResultRows.set(titleKey(cells.keyResult), row.row);
    if (group.keyResultRows.size > IMPORT_MAX_KEY_RESULTS) issue("keyResult", "import.errors.tooManyKeyResults", { max: IMPORT_MAX_KEY_RESULTS });
    const keyResult = keyResultOf(row, lookups, issue, person, group);
    if (keyResult && flagged.size === 0) group.keyResults.push(keyResult);
  }

  const list = [...groups.values()];
  const byTitle = new Map<string, Candidate[]>();
  const add = (candidate: Candidate) => byTitle.set(titleKey(candidate.title), [...(byTitle.get(titleKey(candidate.title)) ?? []), candidate]);
  // The file's own first: they are what the file means when it names a title both have.
  for (const group of list) add({ id: group.id, title: group.title, level: group.level, teamId: group.teamId, teamName: group.teamName, ownerName: group.owner?.name ?? null, inFile: group });
  for (const objective of lookups.existing) add({ ...objective, teamName: objective.teamId ? (teamName.get(objective.teamId) ?? null) : null, inFile: null });
  const existingTitles = new Set(lookups.existing.map((objective) => titleKey(objective.title)));

  for (const group of list) {
    if (!group.resolved || !group.level || !group.owner) continue;
    const at = (column: ImportColumn, key: string, values?: Record<string, string | number>) =>
      errors.push({ row: group.row, column, key, ...(values ? { values } : {}) });
    const scope = { level: group.level, teamId: group.teamId, ownerUserId: group.owner.userId, ownerLeadIds: group.level === "individual" ? lookups.leadIds(group.owner.userId) : [] };
    if (!can(lookups.actor, "objective.create", scope)) {
      at(group.level === "company" ? "level" : group.level === "team" ? "team" : "owner", `import.errors.forbidden.${group.level}`);
    }
    if (group.alignedTo) alignParent(group, { at, candidates: (title) => byTitle.get(titleKey(title)) ?? [], teams: lookups.teams });
    if (existingTitles.has(titleKey(group.title))) {
      warnings.push({ row: group.row, column: "objective", key: "import.warnings.exists", values: { title: group.title } });
    }
    if (group.keyResultRows.size > MAX_KEY_RESULTS) {
      warnings.push({ row: group.row, column: "keyResult", key: "import.warnings.manyKeyResults", values: { count: group.keyResultRows.size, max: MAX_KEY_RESULTS } });
    }
  }
  for (const group of list) {
    // A chain of objectives of the file that comes back to where it started.
    const seen = new Set<Group>();
    for (let at: Group | null = group; at; at = at.parent?.inFile ?? null) {
      if (seen.has(at)) {
        errors.push({ row: group.row, column: "alignedTo", key: "validation.alignmentLoop" });
        break;
      }
      seen.add(at);
    }
  }

  const ordered = byDepth(list);
  return {
    objectives: ordered.flatMap((group) =>
      group.level && group.owner
        ? [
            {
              id: group.id,
              row: group.row,
              title: group.title,
              level: group.level,
              teamId: group.teamId,
              ownerUserId: group.owner.userId,
              parentObjectiveId: group.parent?.id ?? null,
              keyResults: group.keyResults.map(({ ownerName: _ownerName, ...keyResult }) => keyResult),
            },
          ]
        : [],
    ),
    keyResults: list.reduce((sum, group) => sum + group.keyResultRows.size, 0),
    existingParents: [...new Set(list.flatMap((group) => (group.parent && !group.parent.inFile ? [group.parent.id] : [])))],
    errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    warnings,
    preview: list.map((group) => ({
      row: group.row,
      title: group.title,
      level: group.level ?? "individual",
      team: group.teamName,
      owner: group.owner?.name ?? "",
      alignedTo: group.alignedTo || null,
      keyResults: group.keyResults.map((keyResult) => ({
        row: keyResult.row,
        title: keyResult.title,
        owner: keyResult.ownerName,
        direction: keyResult.direction,
        startValue: keyResult.startValue,
        targetValue: keyResult.targetValue,
        unit: keyResult.unit,
        currencyCode: keyResult.currencyCode,
        unitLabel: keyResult.unitLabel,
        dueDate: keyResult.dueDate,
      })),
    })),
  };
}

type Issue = (column: ImportColumn, key: string, values?: Record<string, string | number>) => void;
type Person = (column: ImportColumn, text: string) => ImportMember | null;

/** The objective a row belongs to: rows with the same title, level, team and owner are one objective. */
function objectiveOf(
  row: ImportRow,
  groups: Map<string, Group>,
  issue: Issue,
  person: Person,
  teams: { teamsByName: Map<string, Array<{ id: string; name: string }>>; teamName: Map<string, string>; newId: () => string },
): Group | null {
  const { cells } = row;
  const level = parseLevel(cells.level);
  if (!level) issue("level", cells.level ? "import.errors.level" : "validation.required");
  const owner = cells.owner ? person("owner", cells.owner) : (issue("owner", "validation.required"), null);
  let teamId: string | null = null;
  let teamOk = true;
  if (level === "team") {
    const found = cells.team ? (teams.teamsByName.get(titleKey(cells.team)) ?? []) : [];
    if (!cells.team) issue("team", "validation.teamRequired");
    else if (found.length === 0) issue("team", "import.errors.unknownTeam");
    else if (found.length > 1) issue("team", "import.errors.ambiguousTeam");
    teamId = found.length === 1 ? (found[0]?.id ?? null) : null;
    teamOk = teamId !== null;
  } else if (level && cells.team) {
    issue("team", "import.errors.teamNotTeamLevel");
    teamOk = false;
  }
  // The title as creating it by hand would judge it (length, characters that cannot be stored).
  const parsed = objectiveCreateSchema.safeParse({
    cycleId: PLACEHOLDER,
    level: level ?? "company",
    teamId: level === "team" ? (teamId ?? PLACEHOLDER) : null,
    ownerUserId: owner?.userId ?? PLACEHOLDER,
    title: cells.objective,
  });
  if (!parsed.success) for (const { path, key } of issuesOf(parsed.error)) if (path === "title") issue("objective", key, key === "validation.tooLong" ? { max: 200 } : undefined);
  const title = parsed.success ? parsed.data.title : cells.objective;
  const key = [titleKey(cells.objective), level ?? titleKey(cells.level), teamId ?? titleKey(cells.team), owner?.userId ?? personKey(cells.owner)].join("\u0000");
  const existing = groups.get(key);
  if (existing) return existing;
  const group: Group = {
    key,
    id: teams.newId(),
    row: row.row,
    title,
    level,
    teamId,
    teamName: teamId ? (teams.teamName.get(teamId) ?? null) : null,
    owner,
    alignedTo: cells.alignedTo,
    bareRow: null,
    keyResultRows: new Map(),
    keyResults: [],
    resolved: !!level && !!owner && teamOk && parsed.success,
    parent: null,
  };
  groups.set(key, group);
  return group;
}

function keyResultOf(row: ImportRow, lookups: ImportLookups, issue: Issue, person: Person, group: Group): (PlannedKeyResult & { ownerName: string }) | null {
  const { cells } = row;
  const owner = cells.keyResultOwner ? person("keyResultOwner", cells.keyResultOwner) : group.owner;
  let direction: KeyResultDirection | null = null;
  if (cells.direction) {
    direction = parseDirection(cells.direction);
    if (!direction) issue("direction", "import.errors.direction");
  }
  const start = cells.start ? numberText(cells.start) : "0";
  const target = cells.target ? numberText(cells.target) : undefined;
  if (!direction && !cells.direction) {
    // The export names no direction for a file written by hand: the numbers tell it.
    const from = decimal.safeParse(start);
    const to = target === undefined ? null : decimal.safeParse(target);
    if (from.success && to?.success) {
      const [a, b] = [Number(from.data), Number(to.data)];
      if (a === b) issue("target", "import.errors.startEqualsTarget");
      direction = b < a ? "decrease" : "increase";
    }
  }
  let dueDate = lookups.cycle.endDate;
  if (cells.dueDate) {
    const day = parseDay(cells.dueDate);
    if (!day) issue("dueDate", "import.errors.dueDate");
    else if (day < lookups.cycle.startDate || day > lookups.cycle.endDate) issue("dueDate", "import.errors.dueOutsideCycle", { start: lookups.cycle.startDate, end: lookups.cycle.endDate });
    else dueDate = day;
  }
  const unit = parseUnit(cells.unit);
  const parsed = keyResultCreateSchema.safeParse({
    title: cells.keyResult,
    unit: unit.unit,
    currencyCode: unit.currencyCode,
    unitLabel: unit.unitLabel,
    direction: direction ?? "increase",
    startValue: start,
    targetValue: target,
    ownerUserId: owner?.userId ?? PLACEHOLDER,
    weight: "1",
  });
  if (!parsed.success) {
    const found = issuesOf(parsed.error);
    // A number that is not one says so; whether the target is above it is then no question.
    const badNumber = found.some(({ key }) => key === "validation.decimal");
    for (const { path, key } of found) {
      if (badNumber && (key === "validation.targetAboveStart" || key === "validation.targetBelowStart")) continue;
      const column = keyResultColumn[path];
      if (column) issue(column, key, key === "validation.tooLong" ? { max: path === "title" ? 300 : 24 } : undefined);
    }
    return null;
  }
  if (!owner) return null;
  const value = parsed.data;
  // The values a milestone or a threshold keeps, as createKeyResult normalises them.
  const values = normaliseValues(value.direction, value.startValue, value.targetValue);
  return {
    id: lookups.newId(),
    row: row.row,
    title: value.title,
    ownerUserId: owner.userId,
    ownerName: owner.name,
    unit: value.unit,
    currencyCode: value.unit === "currency" ? (value.currencyCode ?? null) : null,
    unitLabel: value.unit === "custom" ? (value.unitLabel ?? null) : null,
    direction: value.direction,
    ...values,
    dueDate,
  };
}

/** Where a key result's schema field is read from in the file. */
const keyResultColumn: Partial<Record<string, ImportColumn>> = {
  title: "keyResult",
  startValue: "start",
  targetValue: "target",
  unit: "unit",
  currencyCode: "unit",
  unitLabel: "unit",
  direction: "direction",
  ownerUserId: "keyResultOwner",
};

/** A schema's issues as message keys, as lib/validation/errors.ts reads them. */
function issuesOf(error: z.ZodError): Array<{ path: string; key: string }> {
  return error.issues.map((issue) => ({
    path: issue.path.join("."),
    key: issue.message.startsWith("validation.") ? issue.message : issue.code === "too_big" ? "validation.tooLong" : "validation.invalid",
  }));
}

/** An objective a row may align to: another of the file, or one already in the cycle. */
interface Candidate {
  id: string;
  title: string;
  level: ObjectiveLevel | null;
  teamId: string | null;
  teamName: string | null;
  ownerName: string | null;
  inFile: Group | null;
}

/**
 * "Grow (Marketing)": a title and, in brackets, what tells objectives of that title apart — the
 * team of a team objective, the owner of an individual one, or the level. The export adds it when
 * a cycle has several objectives of the parent's title (cascading copies the title down).
 */
const QUALIFIED = /^(.*\S)\s*\(([^()]+)\)$/;

/**
 * The objective a row aligns to, by title: another objective of the file, else one already in the
 * cycle. Among several of that title, a qualifier in brackets picks, then the alignment rule
 * (alignmentRefusal) keeps those it allows, the file's first; more than one left is ambiguous.
 */
function alignParent(
  group: Group,
  context: {
    at: (column: ImportColumn, key: string) => void;
    candidates: (title: string) => Candidate[];
    teams: ReadonlyArray<{ id: string; parentTeamId: string | null }>;
  },
) {
  const level = group.level;
  if (!level) return;
  if (level === "company") return context.at("alignedTo", "validation.companyCannotAlign");
  let named = context.candidates(group.alignedTo);
  const qualified = QUALIFIED.exec(group.alignedTo);
  if (named.every((candidate) => candidate.inFile === group) && qualified) {
    const [, title = "", qualifier = ""] = qualified;
    const wanted = titleKey(qualifier);
    named = context
      .candidates(title)
      .filter((candidate) => [candidate.teamName, candidate.ownerName, ...(candidate.level ? levelNames(candidate.level) : [])].some((name) => name !== null && titleKey(name) === wanted));
  }
  const others = named.filter((candidate) => candidate.inFile !== group);
  if (others.length === 0) return context.at("alignedTo", named.length > 0 ? "import.errors.alignSelf" : "import.errors.unknownParent");
  const above = level === "team" ? teamsAbove(group.teamId, context.teams) : [];
  const child = { level, teamId: group.teamId };
  const refusal = (parent: Candidate) => (parent.level ? alignmentRefusal(child, { level: parent.level, teamId: parent.teamId }, above) : "import.errors.unknownParent");
  const allowed = others.filter((parent) => refusal(parent) === null);
  const fromFile = allowed.filter((parent) => parent.inFile);
  const pool = fromFile.length > 0 ? fromFile : allowed;
  const [parent] = pool;
  if (pool.length > 1) return context.at("alignedTo", "import.errors.ambiguousParent");
  if (!parent) return context.at("alignedTo", (others[0] && refusal(others[0])) ?? "import.errors.unknownParent");
  group.parent = { id: parent.id, inFile: parent.inFile };
}

/** Objectives ordered so that each comes after the objective of the file it aligns to. */
function byDepth(groups: Group[]): Group[] {
  const depth = (group: Group): number => {
    let n = 0;
    for (let at = group.parent?.inFile ?? null; at && n <= groups.length; at = at.parent?.inFile ?? null) n++;
    return n;
  };
  return groups
    .map((group, index) => ({ group, index, depth: depth(group) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ group }) => group);
}
