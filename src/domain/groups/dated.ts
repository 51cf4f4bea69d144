import { isActiveAt, isIsoDate, type DatePrecision, type IsoDate, type Membership, type ScheduledEnd } from '../group.ts';
import type { Localized } from '../lang.ts';

/*
 * How precisely a membership is dated, and what the Observatory says about it. A source that gives only a
 * year or a month is stored as 1 January or the first of the month with that precision, and shown as the
 * year or the month, never as a day. A membership whose start no source gives is "date unknown": it is
 * counted from the earliest date on which a source attests it (or since before the records when none does).
 */

/** How much of a membership's start a source gives. */
export function fromPrecision(m: Pick<Membership, 'from' | 'fromKnown'>): DatePrecision {
  return m.fromKnown ?? (m.from === null ? 'unknown' : 'day');
}

/** How much of a membership's end a source gives. */
export function toPrecision(m: Pick<Membership, 'to' | 'toKnown'>): DatePrecision {
  return m.toKnown ?? (m.to === null ? 'unknown' : 'day');
}

/**
 * A date as a source writes it, to the day, the month or the year, or null when it is none of these.
 * @example partialDate('2023-12') // { date: '2023-12-01', known: 'month' }
 * @example partialDate('1990') // { date: '1990-01-01', known: 'year' }
 */
export function partialDate(text: string): { date: IsoDate; known: DatePrecision } | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { date: `${t}-01-01`, known: 'year' };
  if (/^\d{4}-\d{2}$/.test(t) && isIsoDate(`${t}-01`)) return { date: `${t}-01`, known: 'month' };
  if (isIsoDate(t)) return { date: t, known: 'day' };
  return null;
}

/**
 * A date as precisely as its source gives it.
 * @example dateAsGiven('2027-01-01', 'year') // '2027'
 */
export function dateAsGiven(date: IsoDate, known: DatePrecision): string {
  return known === 'year' ? date.slice(0, 4) : known === 'month' ? date.slice(0, 7) : date;
}

/**
 * Where a scheduled end stands on a date: still ahead ("scheduled"), or passed without any source recording
 * that it took effect ("unconfirmed"): the membership then still counts.
 */
export type ScheduleState = 'scheduled' | 'unconfirmed';

export function scheduleState(s: ScheduledEnd, on: IsoDate): ScheduleState {
  return s.date > on ? 'scheduled' : 'unconfirmed';
}

/** A graduation (or other departure) decided for a date, as recorded beside a membership. */
export interface Schedule {
  groupId: string;
  iso3: string;
  scheduled: IsoDate | null;
  known: DatePrecision;
  resolution: string;
  note?: string;
}

/** Attaches each schedule with a date to the country's open membership, without closing it. */
export function withScheduled(memberships: readonly Membership[], schedules: readonly Schedule[]): Membership[] {
  return memberships.map((m) => {
    const s = schedules.find((x) => x.groupId === m.groupId && x.iso3 === m.iso3 && x.scheduled !== null);
    if (!s || s.scheduled === null || m.to !== null || m.scheduledTo) return m;
    return { ...m, scheduledTo: { date: s.scheduled, known: s.known, source: s.note ? `${s.resolution}. ${s.note}` : s.resolution } };
  });
}

/** What the counts of a group on a date rest on, for the notes beside them. */
export interface CountBasis {
  groupId: string;
  on: IsoDate;
  /** Full members listed on the date (the European Union in the WTO included). */
  listed: readonly string[];
  /** The members counted in aggregates: countries and economies with data of their own. */
  counted: readonly string[];
  memberships: readonly Membership[];
}

const EU = 'EUU';

/**
 * The notes that go with a group's member count on a date, in English and French: members listed but not
 * counted (the EU in the WTO), members whose start is not dated, departures scheduled and not confirmed,
 * and the OACPS's own count where it differs.
 */
export function membershipNotes(b: CountBasis): Localized[] {
  const notes: Localized[] = [];
  const uncounted = b.listed.filter((iso3) => !b.counted.includes(iso3));
  if (uncounted.includes(EU)) {
    notes.push({
      en: `${b.listed.length} members: the European Union is a WTO member in its own right, beside its member States. Aggregates count the EU's member States individually and not the EU itself: ${b.counted.length} economies counted.`,
      fr: `${b.listed.length} membres : l'Union européenne est membre de l'OMC à part entière, à côté de ses États membres. Les agrégats comptent chacun des États membres de l'UE et non l'UE elle-même : ${b.counted.length} économies comptées.`,
    });
  } else if (uncounted.length > 0) {
    notes.push({
      en: `${b.listed.length} members listed; ${b.counted.length} counted in aggregates (${uncounted.join(', ')}: not in the table of countries and economies).`,
      fr: `${b.listed.length} membres ; ${b.counted.length} comptés dans les agrégats (${uncounted.join(', ')} : absents de la table des pays et économies).`,
    });
  }
  const active = b.memberships.filter((m) => m.status === 'member' && isActiveAt(m, b.on));
  const attested = active.filter((m) => fromPrecision(m) === 'unknown' && m.from !== null).length;
  const undated = active.filter((m) => m.from === null).length;
  if (attested > 0) {
    notes.push({
      en: `${attested} of ${active.length} members: date of accession unknown (no source gives it); each is counted from the earliest date a source attests its membership, so counts before those dates are lower bounds.`,
      fr: `${attested} des ${active.length} membres : date d'adhésion inconnue (aucune source ne la donne) ; chacun est compté à partir de la première date à laquelle une source atteste son adhésion : avant ces dates, les effectifs sont des minima.`,
    });
  }
  if (undated > 0) {
    notes.push({
      en: `${undated} of ${active.length} members: date of accession unknown; counted as members since before the records.`,
      fr: `${undated} des ${active.length} membres : date d'adhésion inconnue ; comptés comme membres depuis avant les sources.`,
    });
  }
  const unconfirmed = active.filter((m) => m.scheduledTo && scheduleState(m.scheduledTo, b.on) === 'unconfirmed');
  if (unconfirmed.length > 0) {
    const list = unconfirmed.map((m) => `${m.iso3} (${m.scheduledTo ? dateAsGiven(m.scheduledTo.date, m.scheduledTo.known) : ''})`).join(', ');
    notes.push({
      en: `Departure scheduled but not confirmed by the sources, so still counted: ${list}.`,
      fr: `Départ prévu mais non confirmé par les sources, donc encore compté : ${list}.`,
    });
  }
  const ahead = active.filter((m) => m.scheduledTo && scheduleState(m.scheduledTo, b.on) === 'scheduled');
  if (ahead.length > 0) {
    const list = ahead.map((m) => `${m.iso3} (${m.scheduledTo ? dateAsGiven(m.scheduledTo.date, m.scheduledTo.known) : ''})`).join(', ');
    notes.push({ en: `Departure scheduled: ${list}.`, fr: `Départ prévu : ${list}.` });
  }
  if (b.groupId === 'ACP' && b.counted.includes('MDV') && b.listed.length === 80) {
    notes.push({
      en: 'The OACPS says it has 79 Member States, yet its list includes the Maldives, a full member from 9 December 2022: the Observatory counts the 80 States the sources name.',
      fr: "L'OEACP dit compter 79 États membres, mais sa liste comprend les Maldives, membre à part entière depuis le 9 décembre 2022 : l'Observatoire compte les 80 États que nomment les sources.",
    });
  }
  return notes;
}
