import { isActiveAt, membersAt, type IsoDate, type Membership } from './group.ts';
import { fiscalYearOn, fiscalYearStart, WB_INCOME_GROUPS, WB_REGION_GROUPS } from './worldbank.ts';

/** The two World Bank classifications the Observatory keeps by fiscal year. */
export type ClassificationKind = 'region' | 'income';

export const WB_REGION_IDS: readonly string[] = [...new Set(WB_REGION_GROUPS.values())];
export const WB_INCOME_IDS: readonly string[] = [...new Set(WB_INCOME_GROUPS.values())];

/** Which classification a group belongs to, or null for groups that are not World Bank classifications. */
export function classificationKindOf(groupId: string): ClassificationKind | null {
  if (WB_REGION_IDS.includes(groupId)) return 'region';
  if (WB_INCOME_IDS.includes(groupId)) return 'income';
  return null;
}

/** One economy's group in one classification for one fiscal year, and where that fact comes from. */
export interface FiscalYearAssignment {
  iso3: string;
  kind: ClassificationKind;
  fiscalYear: number;
  groupId: string;
  source: string;
}

/** The fiscal years a membership covers, the last known fiscal year standing in for an open end. */
function yearsOf(m: Membership, lastKnown: number): number[] {
  if (m.from === null) return [];
  const first = fiscalYearOn(m.from);
  const last = m.to === null ? lastKnown : fiscalYearOn(m.to) - 1;
  const out: number[] = [];
  for (let fy = first; fy <= last; fy++) out.push(fy);
  return out;
}

/** The last fiscal year a membership written by `periodsOf` was known in: its note ends with it (FY2020–FY2026). */
function lastYearOfNote(note: string | null | undefined): number | null {
  const m = /FY(\d{4})$/.exec(note ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * The fiscal years of a classification the stored memberships hold: from the first one a membership starts
 * in to the last one a membership starts in or runs through. Null when none is held.
 */
export function heldFiscalYears(memberships: readonly Membership[], kind: ClassificationKind): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const m of memberships) {
    if (classificationKindOf(m.groupId) !== kind || m.from === null) continue;
    const from = fiscalYearOn(m.from);
    first = Math.min(first, from);
    last = Math.max(last, from, m.to === null ? (lastYearOfNote(m.note) ?? from) : fiscalYearOn(m.to) - 1);
  }
  return Number.isFinite(first) ? { first, last } : null;
}

/**
 * Merges the fiscal years of a new classification file into the stored World Bank memberships. Each fiscal
 * year the file gives replaces what was stored for that year, for the classifications the file gives
 * (`kinds`); the other years are kept. Consecutive years in the same group become one membership, from the
 * first day of the first fiscal year (1 July) to the first day of the year after the last; the latest year
 * known stays open. An economy the file leaves unclassified for a year (Venezuela from FY2022) has no
 * membership that year.
 */
export function mergeClassification(
  stored: readonly Membership[],
  fresh: readonly FiscalYearAssignment[],
  kinds: readonly ClassificationKind[],
): Membership[] {
  const freshYears = new Map<ClassificationKind, Set<number>>();
  for (const a of fresh) {
    let set = freshYears.get(a.kind);
    if (!set) freshYears.set(a.kind, (set = new Set()));
    set.add(a.fiscalYear);
  }
  const result: Membership[] = [];
  for (const kind of ['region', 'income'] as const) {
    const own = stored.filter((m) => classificationKindOf(m.groupId) === kind);
    if (!kinds.includes(kind)) {
      result.push(...own.map((m) => ({ ...m })));
      continue;
    }
    const replaced = freshYears.get(kind) ?? new Set<number>();
    const held = heldFiscalYears(own, kind);
    const lastStored = held?.last ?? -Infinity;
    const assignments: FiscalYearAssignment[] = [];
    for (const m of own) {
      for (const fy of yearsOf(m, lastStored)) {
        if (!replaced.has(fy)) assignments.push({ iso3: m.iso3, kind, fiscalYear: fy, groupId: m.groupId, source: m.source });
      }
    }
    assignments.push(...fresh.filter((a) => a.kind === kind));
    result.push(...periodsOf(assignments));
  }
  return result;
}

/** Consecutive fiscal years of an economy in the same group, as memberships; the latest year known stays open. */
export function periodsOf(assignments: readonly FiscalYearAssignment[]): Membership[] {
  const last = Math.max(...assignments.map((a) => a.fiscalYear));
  const byEconomy = new Map<string, FiscalYearAssignment[]>();
  for (const a of assignments) {
    const key = `${a.kind}|${a.iso3}`;
    const list = byEconomy.get(key);
    if (list) list.push(a);
    else byEconomy.set(key, [a]);
  }
  const out: Membership[] = [];
  for (const list of byEconomy.values()) {
    // One group per year: the later in the list (the newer file) wins.
    const byYear = new Map<number, FiscalYearAssignment>();
    for (const a of list) byYear.set(a.fiscalYear, a);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    let run: { start: number; end: number; groupId: string; sources: string[] } | null = null;
    const close = () => {
      if (!run) return;
      const first = byYear.get(run.start) as FiscalYearAssignment;
      out.push({
        groupId: run.groupId,
        iso3: first.iso3,
        status: 'member',
        from: fiscalYearStart(run.start),
        to: run.end === last ? null : fiscalYearStart(run.end + 1),
        source: run.sources.join('; '),
        note: run.start === run.end ? `FY${run.start}` : `FY${run.start}–FY${run.end}`,
      });
    };
    for (const fy of years) {
      const a = byYear.get(fy) as FiscalYearAssignment;
      if (run && run.groupId === a.groupId && run.end === fy - 1) {
        run.end = fy;
        for (const s of a.source.split('; ')) if (!run.sources.includes(s)) run.sources.push(s);
      } else {
        close();
        run = { start: fy, end: fy, groupId: a.groupId, sources: a.source.split('; ') };
      }
    }
    close();
  }
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId) || a.iso3.localeCompare(b.iso3) || (a.from ?? '').localeCompare(b.from ?? ''));
}

/** How well a classification file (economy → region and income group ids) matches one stored fiscal year. */
export interface FiscalYearMatch {
  fiscalYear: number;
  /** Economies compared (those the file classifies and the stored year holds). */
  compared: number;
  /** Economies in the same groups in both. */
  agreeing: number;
}

/**
 * Which stored fiscal year a classification file of unknown date is: every held fiscal year compared with
 * the file's income groups (and regions, where held), best first. Only a year that agrees on every economy
 * compared, and is the only one to, identifies the file (see `identifyFiscalYear`).
 */
export function matchFiscalYears(
  rows: readonly { iso3: string; region: string | null; income: string | null }[],
  stored: readonly Membership[],
): FiscalYearMatch[] {
  const incomeHeld = heldFiscalYears(stored, 'income');
  if (!incomeHeld) return [];
  const regionHeld = heldFiscalYears(stored, 'region');
  const out: FiscalYearMatch[] = [];
  for (let fy = incomeHeld.first; fy <= incomeHeld.last; fy++) {
    const on = fiscalYearStart(fy);
    const groupOf = new Map<string, string>();
    for (const m of stored) {
      const kind = classificationKindOf(m.groupId);
      if (kind && m.status === 'member' && isActiveAt(m, on)) groupOf.set(`${kind}|${m.iso3}`, m.groupId);
    }
    let compared = 0;
    let agreeing = 0;
    for (const r of rows) {
      const checks: [ClassificationKind, string | null][] = [['income', r.income]];
      if (regionHeld && fy >= regionHeld.first && fy <= regionHeld.last) checks.push(['region', r.region]);
      for (const [kind, group] of checks) {
        const storedGroup = groupOf.get(`${kind}|${r.iso3}`) ?? null;
        if (group === null && storedGroup === null) continue;
        compared++;
        if (group === storedGroup) agreeing++;
      }
    }
    if (compared > 0) out.push({ fiscalYear: fy, compared, agreeing });
  }
  return out.sort((a, b) => b.agreeing / b.compared - a.agreeing / a.compared || b.fiscalYear - a.fiscalYear);
}

/**
 * The one fiscal year whose stored classification agrees with the file on every economy, else null. Among the
 * years that agree, those compared on the most facts count (a year whose regions are not held agrees on income
 * groups only, for want of evidence); two such years leave the file unidentified.
 */
export function identifyFiscalYear(matches: readonly FiscalYearMatch[]): number | null {
  const exact = matches.filter((m) => m.agreeing === m.compared);
  const most = Math.max(0, ...exact.map((m) => m.compared));
  const best = exact.filter((m) => m.compared === most);
  return best.length === 1 ? (best[0] as FiscalYearMatch).fiscalYear : null;
}

/**
 * How a vintage records the classification of the World Bank aggregates it carries, when its date does not
 * say (a file without "Last Updated Date" whose country metadata matches one fiscal year). The vintage's
 * note carries it; `classificationOfVintage` reads it back.
 */
export function classificationNote(fiscalYear: number, how: string): string {
  return `World Bank aggregates on the FY${fiscalYear} classification (${how})`;
}

/** The fiscal year of the classification a vintage's World Bank aggregates use: its note, else its date. */
export function classificationOfVintage(v: { publishedAt: string | null; note: string | null }): number | null {
  const m = /World Bank aggregates on the FY(\d{4}) classification/.exec(v.note ?? '');
  if (m?.[1]) return Number(m[1]);
  return v.publishedAt ? fiscalYearOn(v.publishedAt) : null;
}

/** Why a World Bank value is compared with the Observatory's, or why not. */
export type ComparisonBasis =
  /** The members counted are those of the classification the World Bank value uses. */
  | 'same_members'
  /** The members differ; the Observatory's value compared is recomputed on the World Bank's members. */
  | 'recomputed'
  /** The source gives no date, so the classification of its aggregates is unknown. */
  | 'undated_source'
  /** The World Bank value uses a fiscal year's classification the Observatory does not hold. */
  | 'classification_not_held'
  /** Compared whatever the members (compare=always). */
  | 'not_checked';

/** The classification check of one group value against the World Bank's own. */
export interface ClassificationCheck {
  basis: ComparisonBasis;
  /** The fiscal year of the classification the World Bank value uses, when known. */
  wbFiscalYear: number | null;
  /** The fiscal year of the membership the Observatory's value counts. */
  membersFiscalYear: number;
  /** Counted here, not in the World Bank's classification (when it is held). */
  added: string[];
  /** In the World Bank's classification, not counted here. */
  removed: string[];
}

/**
 * Checks whether the members counted on `membersOn` are those of the World Bank's classification of
 * `wbFiscalYear`. Returns the check and, when that classification is held, its members on the first day
 * of that fiscal year (for recomputing the Observatory's value on them).
 */
export function checkClassification(input: {
  groupMemberships: readonly Membership[];
  allWbMemberships: readonly Membership[];
  kind: ClassificationKind;
  members: readonly string[];
  membersOn: IsoDate;
  wbFiscalYear: number | null;
  known: (iso3: string) => boolean;
}): { check: ClassificationCheck; wbMembers: string[] | null } {
  const membersFiscalYear = fiscalYearOn(input.membersOn);
  const base = { wbFiscalYear: input.wbFiscalYear, membersFiscalYear, added: [], removed: [] };
  if (input.wbFiscalYear === null) return { check: { basis: 'undated_source', ...base }, wbMembers: null };
  const held = heldFiscalYears(input.allWbMemberships, input.kind);
  if (!held || input.wbFiscalYear < held.first || input.wbFiscalYear > held.last) {
    return { check: { basis: 'classification_not_held', ...base }, wbMembers: null };
  }
  const wbMembers = membersAt(input.groupMemberships, fiscalYearStart(input.wbFiscalYear)).filter(input.known);
  const wanted = new Set(wbMembers);
  const counted = new Set(input.members);
  const added = input.members.filter((m) => !wanted.has(m));
  const removed = wbMembers.filter((m) => !counted.has(m));
  const basis: ComparisonBasis = added.length === 0 && removed.length === 0 ? 'same_members' : 'recomputed';
  return { check: { ...base, basis, added, removed }, wbMembers };
}
