import { LineCounter, parseDocument, visit as visitYaml, type Document } from 'yaml';
import { OrgFileSchema, type OrgFile } from './org-file-schema.ts';
import { meetingOverrideProblems } from '../rhythm/rhythm-rules.ts';
import { ROLES_BY_TEMPLATE, type Role } from './roles.ts';

/** One reason a file was refused; `reason` is a catalogue key under org.file. */
export interface OrgFileProblem {
  line: number;
  reason: string;
  value?: string;
}

export type ParseOrgFileResult = { ok: true; org: OrgFile } | { ok: false; problems: OrgFileProblem[] };

type Path = (string | number)[];

/** Deeper than any real org (the brand's is six); a file past it is a mistake or an attack. */
export const MAX_CHAIN_DEPTH = 50;
/** Aliases resolved while reading; an anchor bomb ("billion laughs") needs far more. */
const MAX_ALIAS_COUNT = 100;

/** Reads ORG_FILE text: YAML, then shape, then the rules that tie people, chains and markets together. */
export function parseOrgFile(text: string): ParseOrgFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        reason: 'yaml',
        value: error.code,
      })),
    };
  }
  const lineOf = (path: Path): number => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };

  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // yaml refuses an alias expansion past maxAliasCount: an anchor bomb, refused like any bad file
    return {
      ok: false,
      problems: [{ line: firstAliasLine(doc, lineCounter), reason: 'yaml_aliases', value: String(MAX_ALIAS_COUNT) }],
    };
  }
  const shaped = OrgFileSchema.safeParse(plain);
  if (!shaped.success) {
    return {
      ok: false,
      problems: shaped.error.issues.map((issue) => {
        const path = issue.path as Path;
        const reason = issue.code === 'unrecognized_keys' ? 'unknown_key' : issue.path.length === 0 ? 'shape' : 'field';
        const field =
          issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : path.filter((p) => typeof p === 'string').at(-1);
        const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
        return { line: lineOf(at), reason, value: String(field ?? '') };
      }),
    };
  }
  const problems = checkReferences(shaped.data, lineOf);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, org: shaped.data };
}

function checkReferences(org: OrgFile, lineOf: (path: Path) => number): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  if (!isKnownTimeZone(org.organisation.timezone)) {
    problems.push({ line: lineOf(['organisation', 'timezone']), reason: 'timezone', value: org.organisation.timezone });
  }
  const indexById = new Map<string, number>();
  problems.push(...peopleProblems(org, lineOf, indexById));
  problems.push(...referenceProblems(org, lineOf, indexById));
  problems.push(...roleListProblems(org, lineOf));
  const hierarchy = hierarchyProblem(org, lineOf, indexById);
  if (hierarchy) problems.push(hierarchy);
  return problems;
}

/** Duplicate people and roles the template does not know; fills `indexById` (Slack id → index in `people`). */
function peopleProblems(org: OrgFile, lineOf: (path: Path) => number, indexById: Map<string, number>) {
  const problems: OrgFileProblem[] = [];
  const allowedRoles = ROLES_BY_TEMPLATE[org.organisation.template];
  org.people.forEach((person, i) => {
    if (indexById.has(person.slack))
      problems.push({ line: lineOf(['people', i, 'slack']), reason: 'duplicate_person', value: person.slack });
    indexById.set(person.slack, i);
    if (!allowedRoles.includes(person.role as Role)) {
      problems.push({ line: lineOf(['people', i, 'role']), reason: 'unknown_role', value: person.role });
    }
  });
  return problems;
}

/** Managers, markets, market owners and admins that name nobody (or nothing) in the file. */
function referenceProblems(org: OrgFile, lineOf: (path: Path) => number, indexById: Map<string, number>) {
  const problems: OrgFileProblem[] = [];
  const marketCodes = new Set(org.markets.map((m) => m.code));
  org.people.forEach((person, i) => {
    (person.reports_to ?? []).forEach((managerId, j) => {
      if (!indexById.has(managerId))
        problems.push({ line: lineOf(['people', i, 'reports_to', j]), reason: 'unknown_manager', value: managerId });
      if (managerId === person.slack)
        problems.push({ line: lineOf(['people', i, 'reports_to', j]), reason: 'cycle', value: person.name });
    });
    (person.markets ?? []).forEach((code, j) => {
      if (!marketCodes.has(code))
        problems.push({ line: lineOf(['people', i, 'markets', j]), reason: 'unknown_market', value: code });
    });
  });
  org.markets.forEach((market, i) => {
    if (!market.owner)
      problems.push({ line: lineOf(['markets', i]), reason: 'market_without_owner', value: market.code });
    else if (!indexById.has(market.owner))
      problems.push({ line: lineOf(['markets', i, 'owner']), reason: 'market_without_owner', value: market.code });
  });
  org.admins.forEach((adminId, i) => {
    if (!indexById.has(adminId))
      problems.push({ line: lineOf(['admins', i]), reason: 'unknown_admin', value: adminId });
  });
  return problems;
}

/** Roles named by expense approval and payers, meeting overrides and onboarding lists. */
function roleListProblems(org: OrgFile, lineOf: (path: Path) => number) {
  const problems: OrgFileProblem[] = [];
  const roles: readonly string[] = ROLES_BY_TEMPLATE[org.organisation.template];
  (org.expenses.approval ?? []).forEach((level, i) => {
    if (!roles.includes(level.role))
      problems.push({ line: lineOf(['expenses', 'approval', i, 'role']), reason: 'unknown_role', value: level.role });
  });
  (org.expenses.payers ?? []).forEach((role, i) => {
    if (!roles.includes(role))
      problems.push({ line: lineOf(['expenses', 'payers', i]), reason: 'unknown_role', value: role });
  });
  for (const problem of meetingOverrideProblems(org.organisation.template, org.meetings)) {
    if (problem.field)
      problems.push({
        line: lineOf(['meetings', problem.id, problem.field]),
        reason: 'meeting_field',
        value: `${problem.id}.${problem.field}`,
      });
    else problems.push({ line: lineOf(['meetings', problem.id]), reason: 'unknown_meeting', value: problem.id });
  }
  for (const role of Object.keys(org.tasks?.onboarding ?? {})) {
    if (!roles.includes(role))
      problems.push({ line: lineOf(['tasks', 'onboarding', role]), reason: 'unknown_role', value: role });
  }
  for (const [kind, approvers] of Object.entries(org.plans ?? {})) {
    (approvers ?? []).forEach((entry, i) => {
      if (!roles.includes(entry) && !org.people.some((p) => p.slack === entry))
        problems.push({ line: lineOf(['plans', kind, i]), reason: 'unknown_role', value: entry });
    });
  }
  return problems;
}

/** A chain deeper than allowed, else a reporting cycle: at most one problem. */
function hierarchyProblem(
  org: OrgFile,
  lineOf: (path: Path) => number,
  indexById: Map<string, number>,
): OrgFileProblem | undefined {
  const tooDeep = firstTooDeep(org);
  if (tooDeep !== undefined)
    return { line: lineOf(['people', tooDeep, 'reports_to']), reason: 'too_deep', value: org.people[tooDeep].slack };
  const cycle = findCycle(org);
  if (cycle)
    return {
      line: lineOf(['people', indexById.get(cycle[0]) ?? 0, 'reports_to']),
      reason: 'cycle',
      value: cycle.join(' → '),
    };
  return undefined;
}

function firstAliasLine(doc: Document, lineCounter: LineCounter): number {
  let line = 1;
  visitYaml(doc, {
    Alias(_key, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visitYaml.BREAK;
    },
  });
  return line;
}

/**
 * The index of the first person more than MAX_CHAIN_DEPTH levels down, or undefined. Walks down
 * from the top without recursion (a 20,000-level chain must not overflow the stack); people in
 * a cycle are never reached here and are left to findCycle.
 */
function firstTooDeep(org: OrgFile): number | undefined {
  const indexById = new Map(org.people.map((p, i) => [p.slack, i]));
  const reports = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const person of org.people) {
    const managers = (person.reports_to ?? []).filter((m) => m !== person.slack && indexById.has(m));
    for (const manager of managers) {
      const list = reports.get(manager) ?? [];
      list.push(person.slack);
      reports.set(manager, list);
    }
    waiting.set(person.slack, managers.length);
    if (managers.length === 0) {
      depth.set(person.slack, 1);
      queue.push(person.slack);
    }
  }
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    const level = depth.get(id) ?? 1;
    if (level > MAX_CHAIN_DEPTH) return indexById.get(id);
    for (const report of reports.get(id) ?? []) {
      depth.set(report, Math.max(depth.get(report) ?? 0, level + 1));
      const left = (waiting.get(report) ?? 1) - 1;
      waiting.set(report, left);
      if (left === 0) queue.push(report);
    }
  }
  return undefined;
}

/** A reporting chain that comes back to where it started, as the ids along it, or null. */
function findCycle(org: OrgFile): string[] | null {
  const managers = new Map(org.people.map((p) => [p.slack, p.reports_to ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of managers.get(id) ?? []) {
      if (next === id || !managers.has(next)) continue;
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of managers.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
