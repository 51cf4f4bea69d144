/**
 * UNCTAD eTrade Readiness Assessments (eT Ready): the status of a country's or a region's assessment,
 * dated. An assessment moves through requested → in preparation → published → implementation review;
 * each status is recorded with the date the source gives, as precisely as it gives it (a year, a month
 * or a day).
 */

export const ETREADY_STATUSES = ['requested', 'in-preparation', 'published', 'implementation-review'] as const;
export type EtreadyStatus = (typeof ETREADY_STATUSES)[number];

/** The status of a country no imported list covers: not recorded, never "none". */
export const NOT_RECORDED = 'not-recorded';

/** One dated status of one assessment, as stored. */
export interface EtreadyEvent {
  /** The country's ISO3 code, or null for a regional assessment. */
  iso3: string | null;
  /** The country or region as the source names it. */
  name: string;
  status: EtreadyStatus;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  title: string | null;
  /** The UN document symbol (UNCTAD/DTL/STICT/2018/2), null when the source did not capture it. */
  symbol: string | null;
  link: string | null;
  note: string | null;
  /** The authority that asked for the assessment, where a request names it. */
  authority?: string | null;
}

/** A status as written in a file ("in preparation", "Implementation review"), or null when it is none of the four. */
export function parseStatus(text: string): EtreadyStatus | null {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (ETREADY_STATUSES as readonly string[]).includes(key) ? (key as EtreadyStatus) : null;
}

/** A date as precise as the source gives it (YYYY, YYYY-MM, YYYY-MM-DD), or null when it is not one. */
export function parsePartialDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return null;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return t;
}

/** The first day a partial date can mean (2018 → 2018-01-01). */
export function startOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Whether a partial date lies wholly after `today` (its first day is later). */
export function isFuture(date: string, today: string): boolean {
  return startOf(date) > today;
}

/** Whole days from the first day of a partial date to `today`. */
export function daysSince(date: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startOf(date)}T00:00:00Z`)) / 86_400_000);
}

/** One assessment: its statuses with their dates, the current one, and what identifies its report. */
export interface Assessment {
  iso3: string | null;
  name: string;
  /** The latest status (by date; on the same date, the one further along). */
  status: EtreadyStatus;
  /** The date of each status recorded. */
  dates: Partial<Record<EtreadyStatus, string>>;
  title: string | null;
  symbol: string | null;
  link: string | null;
  note: string | null;
}

/** The assessments the events describe, one per country (ISO3) or region (its name), in order of name. */
export function assessments(events: readonly EtreadyEvent[]): Assessment[] {
  const by = new Map<string, EtreadyEvent[]>();
  for (const e of events) {
    const key = e.iso3 ?? `region:${e.name}`;
    const list = by.get(key) ?? [];
    list.push(e);
    by.set(key, list);
  }
  const order = (s: EtreadyStatus) => ETREADY_STATUSES.indexOf(s);
  const out: Assessment[] = [];
  for (const list of by.values()) {
    const sorted = [...list].sort((a, b) => startOf(a.date).localeCompare(startOf(b.date)) || order(a.status) - order(b.status));
    const latest = sorted[sorted.length - 1] as EtreadyEvent;
    const dates: Partial<Record<EtreadyStatus, string>> = {};
    for (const e of sorted) dates[e.status] = e.date;
    const last = <K extends 'title' | 'symbol' | 'link' | 'note'>(k: K) => [...sorted].reverse().find((e) => e[k] !== null)?.[k] ?? null;
    out.push({ iso3: latest.iso3, name: latest.name, status: latest.status, dates, title: last('title'), symbol: last('symbol'), link: last('link'), note: last('note') });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A request still waiting: an assessment whose latest status is "requested", with the days since the request. */
export interface WaitingRequest {
  assessment: Assessment;
  requested: string;
  days: number;
}

/** The requests still waiting on `today`, the longest wait first. */
export function waitingRequests(list: readonly Assessment[], today: string): WaitingRequest[] {
  return list
    .filter((a) => a.status === 'requested' && a.dates.requested !== undefined)
    .map((a) => ({ assessment: a, requested: a.dates.requested as string, days: daysSince(a.dates.requested as string, today) }))
    .sort((a, b) => b.days - a.days || a.assessment.name.localeCompare(b.assessment.name));
}
