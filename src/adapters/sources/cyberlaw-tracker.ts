import { normalizeM49 } from '../../domain/country.ts';
import { CYBERLAW_AREAS, statusFromTracker, type CyberlawStatus, type Law } from '../../domain/cyberlaw.ts';
import { InputError } from '../../domain/errors.ts';
import { columns, readTable, type Table } from './columns.ts';
import type { Chunks } from './csv.ts';
import { cell } from './fields.ts';

/** One economy's row of the UNCTAD Global Cyberlaw Tracker status file. */
export interface TrackerStatusRow {
  /** UN M49 numeric code, three digits. */
  m49: string;
  country: string;
  /** Status per area id (see domain/cyberlaw.ts). */
  statuses: Map<string, CyberlawStatus>;
  line: number;
}

/** The economy's columns; one column per area follows (domain/cyberlaw.ts names their headers). */
const COLUMNS = columns({
  code: { header: 'code', required: true },
  country: { header: 'country', required: true },
});

/**
 * Reads the tracker's status file (`code,country,Electronic Transactions,…,Indirect Taxation,<region flags>`):
 * one status per area for each economy. An unknown status is an error naming the line and column.
 */
export async function readTrackerStatus(input: Chunks, file: string): Promise<TrackerStatusRow[]> {
  let areas: { area: string; index: number; name: string }[] = [];
  const onHeader = ({ header }: Table<typeof COLUMNS.spec>) => {
    areas = CYBERLAW_AREAS.filter((a) => a.tracker).map((a) => ({ area: a.id, index: header.require(a.tracker as string), name: a.tracker as string }));
  };
  const ifEmpty = () => {
    throw new InputError('the file is empty', { file, line: 1 });
  };
  const rows: TrackerStatusRow[] = [];
  for await (const batch of readTable(input, file, COLUMNS, { onHeader, ifEmpty })) {
    for (const row of batch) {
      if (row.fields.every((f) => f.trim() === '')) continue;
      const m49 = normalizeM49(row.text('code'));
      if (!m49) throw new InputError(`"${row.text('code')}" is not a UN M49 code`, row.at('code'));
      const statuses = new Map<string, CyberlawStatus>();
      for (const c of areas) {
        const text = cell(row.fields, c.index);
        const status = statusFromTracker(text);
        if (!status) {
          throw new InputError(`"${text}" is not a tracker status (Legislation, Draft Legislation, No Legislation, No Data)`, { file, line: row.line, field: c.name });
        }
        statuses.set(c.area, status);
      }
      rows.push({ m49, country: row.text('country'), statuses, line: row.line });
    }
  }
  return rows;
}

/**
 * The year of a law, when its title gives one ("… Act, 2019", "Law 9880 of 25/02/2008"): the last
 * four-digit number between 1950 and 2035 in the title; null otherwise. The bound leaves out years of other
 * calendars, such as Nepal's Bikram Sambat ("Electronic Transactions Act, 2063 (2008)" → 2008).
 */
export function yearInTitle(title: string): number | null {
  const years = [...title.matchAll(/(?<!\d)(19[5-9]\d|20[0-2]\d|203[0-5])(?!\d)/g)].map((m) => Number(m[1]));
  return years.length ? (years[years.length - 1] as number) : null;
}

/**
 * Reads the tracker's document links (`{ "004": { "countryName": …, "<area column>": false | [[url, title], …] } }`)
 * into laws per M49 code and area id. Bare status words in a list ("No Data", as the 2026 edition has) are skipped.
 */
export function readTrackerLinks(text: string, file: string): Map<string, Map<string, Law[]>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not JSON: ${(error as Error).message}`, { file });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError('expected an object keyed by M49 code', { file });
  const result = new Map<string, Map<string, Law[]>>();
  for (const [code, value] of Object.entries(data as Record<string, unknown>)) {
    const m49 = normalizeM49(code);
    if (!m49) throw new InputError(`"${code}" is not a UN M49 code`, { file, field: code });
    const byArea = new Map<string, Law[]>();
    const record = (value ?? {}) as Record<string, unknown>;
    for (const area of CYBERLAW_AREAS) {
      const links = area.tracker ? record[area.tracker] : undefined;
      if (links === false || links === undefined || links === null) continue;
      if (!Array.isArray(links)) throw new InputError('expected false or a list of [url, title] pairs', { file, field: `${code}.${area.tracker}` });
      const laws: Law[] = [];
      // Some areas hold a bare ["No Data", ""] instead of a list of pairs: the tracker's way of saying none.
      if (links.length === 2 && links.every((x) => typeof x === 'string') && !/^https?:\/\//.test(String(links[0]))) continue;
      for (const [i, pair] of (links as unknown[]).entries()) {
        if (Array.isArray(pair) && pair.every((x) => typeof x === 'string') && !String(pair[1] ?? '').trim() && !/^https?:\/\//.test(String(pair[0]))) continue;
        // The tracker marks some areas with a bare "No Data" (and an empty string) among the pairs: not a law.
        if (typeof pair === 'string' && (pair.trim() === '' || statusFromTracker(pair) !== null)) continue;
        if (!Array.isArray(pair) || typeof pair[1] !== 'string') {
          throw new InputError('expected a [url, title] pair', { file, field: `${code}.${area.tracker}[${i}]` });
        }
        const url = typeof pair[0] === 'string' && /^https?:\/\//.test(pair[0].trim()) ? pair[0].trim() : null;
        const title = pair[1].trim();
        laws.push({ title, year: yearInTitle(title), url });
      }
      byArea.set(area.id, laws);
    }
    result.set(m49, byArea);
  }
  return result;
}
