import type { Localized } from './lang.ts';

/** What kind of grouping a group is; it orders the group lists and explains the group's origin. */
export type GroupKind =
  | 'world'
  | 'un' // UN categories: LDC, LLDC, SIDS
  | 'alliance' // ACP/OACPS
  | 'trade' // WTO
  | 'regional' // regional economic communities and unions: ECOWAS, SADC, EAC, COMESA, CARICOM, PIF, AU
  | 'wb_region'
  | 'wb_income'
  | 'm49_region'
  | 'user';

export const GROUP_KINDS: readonly GroupKind[] = [
  'world',
  'un',
  'alliance',
  'trade',
  'regional',
  'wb_region',
  'wb_income',
  'm49_region',
  'user',
];

export interface Group {
  /** Upper-case identifier used in URLs: ACP, LDC, WTO, ECOWAS, WLD … */
  id: string;
  kind: GroupKind;
  names: Localized;
  /** The World Bank's code for its own aggregate of this group, where it publishes one (WLD, LDC, SSF …). */
  wbCode: string | null;
  /** Where the definition of the group comes from. */
  source: string;
  description?: Localized;
}

/** Full members count in aggregates; associates and observers are listed but not counted. */
export type MembershipStatus = 'member' | 'associate' | 'observer';

/** A date as "YYYY-MM-DD". */
export type IsoDate = string;

/**
 * How much of a membership date a source gives: the day, the month (stored as its first day), the year
 * (stored as 1 January), or nothing ("date unknown": the date stored is then the earliest on which a source
 * attests the membership, or null).
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year', 'unknown'];

/** A departure decided but not recorded as having taken effect (an LDC graduation set by the General Assembly). */
export interface ScheduledEnd {
  date: IsoDate;
  known: DatePrecision;
  /** The decision that set the date, and what is known of its status. */
  source: string;
}

/**
 * One country's membership of one group over a period: from `from` (inclusive) to `to` (exclusive).
 * A null `from` means a member since before the records; a null `to` means still a member.
 */
export interface Membership {
  groupId: string;
  iso3: string;
  status: MembershipStatus;
  from: IsoDate | null;
  to: IsoDate | null;
  /** Where this fact comes from: a file vintage or an official document. */
  source: string;
  note?: string | null;
  /** How much of `from` a source gives; by default the day when `from` is set, else unknown. */
  fromKnown?: DatePrecision;
  /** How much of `to` a source gives; by default the day when `to` is set, else unknown. */
  toKnown?: DatePrecision;
  /** A scheduled end that is not applied: the membership stays open until a source records the departure. */
  scheduledTo?: ScheduledEnd | null;
}

const GROUP_ID = /^[A-Z][A-Z0-9_-]{1,31}$/;

/** Group identifiers are upper case, start with a letter, 2–32 characters of A–Z, 0–9, "_" and "-". */
export function isGroupId(id: string): boolean {
  return GROUP_ID.test(id);
}

export function isActiveAt(membership: Membership, date: IsoDate): boolean {
  return (membership.from === null || membership.from <= date) && (membership.to === null || date < membership.to);
}

/**
 * The ISO3 codes of the countries in the group on `date`, with the given statuses (full members by default),
 * sorted.
 */
export function membersAt(
  memberships: readonly Membership[],
  date: IsoDate,
  statuses: readonly MembershipStatus[] = ['member'],
): string[] {
  const members = new Set<string>();
  for (const m of memberships) {
    if (statuses.includes(m.status) && isActiveAt(m, date)) members.add(m.iso3);
  }
  return [...members].sort();
}

/** The date at which membership is read for a calendar year: its last day. */
export function endOfYear(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A dated change to memberships read from a source file that is known to be out of date. */
export type MembershipCorrection =
  | {
      kind: 'join';
      groupId: string;
      iso3: string;
      status?: MembershipStatus;
      from: IsoDate | null;
      source: string;
      note?: string;
    }
  | { kind: 'leave'; groupId: string; iso3: string; to: IsoDate; known?: DatePrecision; source: string; note?: string }
  | { kind: 'status'; groupId: string; iso3: string; status: MembershipStatus; from: IsoDate | null; source: string; note?: string }
  | { kind: 'remove'; groupId: string; iso3: string; source: string; note?: string };

/**
 * Applies official corrections to memberships read from a source file. Returns new memberships;
 * the input is not changed. A correction that the file already reflects changes nothing.
 *
 * - join: adds a membership where the country has no open membership with that status;
 * - leave: closes the open membership at `to` (the departure date);
 * - status: closes the open membership at `from` and opens one with the new status;
 * - remove: drops the country's memberships (an entry the file has wrong).
 */
export function applyCorrections(
  memberships: readonly Membership[],
  corrections: readonly MembershipCorrection[],
): Membership[] {
  let result = memberships.map((m) => ({ ...m }));
  for (const c of corrections) {
    const open = result.filter((m) => m.groupId === c.groupId && m.iso3 === c.iso3 && m.to === null);
    switch (c.kind) {
      case 'join': {
        const status = c.status ?? 'member';
        const already = open.find((m) => m.status === status);
        if (already) {
          if (already.from === null && c.from !== null) {
            already.from = c.from;
            already.source = `${already.source}; ${c.source}`;
          }
        } else {
          for (const m of open) m.to = c.from ?? m.to;
          result.push({ groupId: c.groupId, iso3: c.iso3, status, from: c.from, to: null, source: c.source, note: c.note ?? null });
        }
        break;
      }
      case 'leave': {
        const closed = result.some((m) => m.groupId === c.groupId && m.iso3 === c.iso3 && m.to === c.to);
        for (const m of open) {
          m.to = c.to;
          if (c.known) m.toKnown = c.known;
          m.source = `${m.source}; ${c.source}`;
          if (c.note) m.note = c.note;
        }
        if (open.length === 0 && !closed) {
          // The file already dropped the country: keep the fact that it was a member until `to`.
          result.push({
            groupId: c.groupId,
            iso3: c.iso3,
            status: 'member',
            from: null,
            to: c.to,
            ...(c.known ? { toKnown: c.known } : {}),
            source: c.source,
            note: c.note ?? null,
          });
        }
        break;
      }
      case 'status': {
        if (open.some((m) => m.status === c.status)) break;
        for (const m of open) m.to = c.from;
        result.push({ groupId: c.groupId, iso3: c.iso3, status: c.status, from: c.from, to: null, source: c.source, note: c.note ?? null });
        break;
      }
      case 'remove':
        result = result.filter((m) => !(m.groupId === c.groupId && m.iso3 === c.iso3));
        break;
    }
  }
  return result;
}
