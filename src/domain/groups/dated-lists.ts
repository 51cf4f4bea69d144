import type { IsoDate, Membership } from '../group.ts';
import { partialDate } from './dated.ts';

/** One country of the UN list of least developed countries with its inclusion and graduation, as a dated list gives it. */
export interface LdcDatesRecord {
  iso3: string;
  country: string;
  inclusionYear: number;
  /** "graduated", "current LDC" or "current LDC, graduation scheduled", as of the list's date. */
  status: string;
  /** The date of graduation to the day, month or year, as written ("2023-12", "2011-01-01"), else empty. */
  graduationDate: string;
  graduationYear: number | null;
  /** The scheduled graduation to the day, month or year, else empty. */
  scheduledDate: string;
  scheduledYear: number | null;
  /** Where the graduation or scheduled date comes from, and what is known of its status. */
  dateNote: string;
  yearSources: string;
  line: number;
}

/**
 * LDC memberships from a dated list: each member from its year of inclusion (to the year), until its
 * graduation where it has graduated (to the precision the list gives). A scheduled graduation is attached to
 * the open membership and not applied: the country stays an LDC until a source records the graduation.
 */
export function ldcMemberships(records: readonly LdcDatesRecord[], source: string): Membership[] {
  return records.map((r) => {
    const graduated = /^graduated/i.test(r.status);
    const end = graduated
      ? (partialDate(r.graduationDate) ?? (r.graduationYear !== null ? partialDate(String(r.graduationYear)) : null))
      : null;
    const scheduled = graduated
      ? null
      : (partialDate(r.scheduledDate) ?? (r.scheduledYear !== null ? partialDate(String(r.scheduledYear)) : null));
    const sources = [source, r.yearSources].filter(Boolean).join('; ');
    return {
      groupId: 'LDC',
      iso3: r.iso3,
      status: 'member',
      from: `${String(r.inclusionYear).padStart(4, '0')}-01-01`,
      fromKnown: 'year',
      to: end?.date ?? null,
      ...(end ? { toKnown: end.known } : {}),
      scheduledTo: scheduled ? { date: scheduled.date, known: scheduled.known, source: r.dateNote || sources } : null,
      source: sources,
      note: r.dateNote || null,
    } satisfies Membership;
  });
}

/** One State of the ACP/OACPS membership evidence. */
export interface AcpEvidenceRecord {
  iso3: string;
  /** Whether the State is on the roster of 79 (the column starts with "yes"). */
  onRoster: boolean;
  /** Whether the State is among the 65 ACP States of 1985 (Lomé III). */
  inList1985: boolean;
  /** A dated event (accession, admission, ratification), to the day, month or year; else empty. */
  eventDate: string;
  event: string;
  eventSource: string;
  note: string;
  line: number;
}

/** The day from which the 65 ACP States of 1985 are counted when no earlier event dates them. */
export const ACP_LIST_1985: IsoDate = '1985-01-01';
export const ACP_LIST_1985_SOURCE = 'The Courier ACP-EEC No 89 (1985): the 65 ACP States signatory to the third Lomé Convention';

/** An event that states a member's rank ("Admitted as 78th ACP member"): every State counted then was a member by that day. */
const ORDINAL = /\b(\d+)(?:st|nd|rd|th)\s+(?:ACP\s+)?member\b/i;
/** An event that is not the accession itself ("admission date … NOT confirmed"): it only attests membership from its date. */
const NOT_ACCESSION = /not confirmed/i;

/**
 * ACP/OACPS memberships from the dated evidence, with the rule stated on the method page:
 * - a dated accession or admission counts from its date, to the precision given;
 * - a State on the 1985 list with no earlier event counts from 1985, its date of accession unknown;
 * - a State with neither counts from the day of an event that gives the member count (Cuba, "78th member",
 *   14 December 2000), when that count equals the States dated before it plus the undated ones: all of
 *   them were members by then. Its date of accession is unknown;
 * - an event that is not the accession (Timor-Leste's ratification of Cotonou) attests membership from its
 *   date, the date of accession unknown.
 * Returns the memberships and, when the count check fails, a warning (the undated States then count from
 * the latest dated event).
 */
export function acpMemberships(records: readonly AcpEvidenceRecord[], source: string): { memberships: Membership[]; warnings: string[] } {
  const warnings: string[] = [];
  const dated = new Map(records.map((r) => [r.iso3, r.eventDate ? partialDate(r.eventDate) : null]));
  const undated = records.filter((r) => !dated.get(r.iso3) && !r.inList1985);
  const ordinalRow = records.find((r) => ORDINAL.test(r.event) && dated.get(r.iso3));
  let attestDay: IsoDate | null = null;
  let attestNote = '';
  if (ordinalRow) {
    const day = dated.get(ordinalRow.iso3)?.date as IsoDate;
    const rank = Number(ORDINAL.exec(ordinalRow.event)?.[1]);
    const before = records.filter((r) => {
      const d = dated.get(r.iso3);
      return r.iso3 !== ordinalRow.iso3 && (d ? d.date <= day : true);
    }).length;
    if (before + 1 === rank) {
      attestDay = day;
      attestNote = `a member by ${day}, when the ${rank}th member was admitted (${ordinalRow.eventSource || ordinalRow.iso3})`;
    } else {
      warnings.push(`the rank ${rank} of line ${ordinalRow.line} does not match the ${before} States counted before it; undated States count from the latest dated event`);
    }
  } else if (undated.length > 0) {
    warnings.push('no event states the member count; undated States count from the latest dated event');
  }
  if (attestDay === null) {
    attestDay = [...dated.values()].reduce<IsoDate>((a, d) => (d && d.date > a ? d.date : a), ACP_LIST_1985);
    attestNote = `a member by ${attestDay}, the latest dated event of the evidence`;
  }

  const memberships = records.map((r): Membership => {
    const d = dated.get(r.iso3);
    const sources = (extra: string) => [source, extra].filter(Boolean).join('; ');
    const say = (...parts: string[]) => parts.filter(Boolean).join(' ') || null;
    if (d && !NOT_ACCESSION.test(`${r.event} ${r.note}`)) {
      const early = r.inList1985 && d.date < ACP_LIST_1985;
      return {
        groupId: 'ACP', iso3: r.iso3, status: 'member', from: d.date, fromKnown: d.known, to: null,
        source: sources(r.eventSource), note: say(`${r.event}.`.replace(/\.\.$/, '.'), early ? 'Listed among the 65 ACP States of 1985.' : '', r.note),
      };
    }
    if (d) {
      return {
        groupId: 'ACP', iso3: r.iso3, status: 'member', from: d.date, fromKnown: 'unknown', to: null,
        source: sources(r.eventSource), note: say(`Date of accession unknown; attested from ${d.date}: ${r.event}`, r.note),
      };
    }
    if (r.inList1985) {
      return {
        groupId: 'ACP', iso3: r.iso3, status: 'member', from: ACP_LIST_1985, fromKnown: 'unknown', to: null,
        source: sources(ACP_LIST_1985_SOURCE), note: say('Date of accession unknown; listed among the 65 ACP States of 1985.', r.note),
      };
    }
    return {
      groupId: 'ACP', iso3: r.iso3, status: 'member', from: attestDay, fromKnown: 'unknown', to: null,
      source: sources(r.eventSource), note: say(`Date of accession unknown; ${attestNote}.`, r.note),
    };
  });
  return { memberships, warnings };
}
