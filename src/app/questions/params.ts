import { groupIdRule } from '../services/user-groups.ts';
import type { Country } from '../../domain/country.ts';
import { isGroupId, isIsoDate, type Group, type IsoDate } from '../../domain/group.ts';
import { MAX_YEAR, MIN_YEAR, parseYearRange, type YearRange } from '../../domain/observation.ts';
import type { MembershipBasis } from '../services/observatory.ts';
import type { IndicatorInfo, Reference } from '../services/reference.ts';
import { NotFoundError, ParameterError } from '../../domain/errors.ts';

/** A refused parameter: its name and why. */
export const badParameter = (parameter: string, reason: string): ParameterError => new ParameterError(parameter, reason);

/** The answer formats of the API. */
export type Format = 'json' | 'csv';

/** The chosen format, and whether it came from the Accept header rather than from `format=`. */
export interface FormatChoice {
  format: Format;
  negotiated: boolean;
}

/**
 * The query of a request as one value per name, refusing names the route does not accept and names
 * given twice: a typo such as `year=` must not silently return every year.
 * @example readQuery('http://x/api/v1/vintages?format=csv', ['format']).get('format') // 'csv'
 */
export function readQuery(url: string | URLSearchParams, accepted: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, value] of typeof url === 'string' ? new URL(url).searchParams : url) {
    if (!accepted.includes(name)) {
      const suggestion = closest(name, accepted);
      const hint = accepted.length === 0 ? 'this route takes no query parameters' : `accepted: ${accepted.join(', ')}`;
      throw badParameter(name, `unknown parameter${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${hint}`);
    }
    if (result.has(name)) throw badParameter(name, 'given more than once; give it once, with lists separated by commas (countries=NGA,KEN)');
    result.set(name, value.trim());
  }
  return result;
}

/** The accepted name nearest to a misspelt one, when it is close enough to be a likely typo. */
function closest(name: string, accepted: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of accepted) {
    const a = name.toLowerCase();
    const b = candidate.toLowerCase();
    const d = a === b ? 0 : b.startsWith(a) || a.startsWith(b) ? 1 : editDistance(a, b);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function list(parameter: string, value: string): string[] {
  const codes = [...new Set(value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
  if (codes.length === 0) throw badParameter(parameter, `expected a comma-separated list of codes, got "${value}"`);
  return codes;
}

/**
 * `countries=NGA,KEN,WLD`: ISO3 codes of countries and economies, or World Bank aggregate codes met in
 * the data; unknown codes are named in the 400.
 * @example parseCountries('nga, WLD', ref) // ['NGA', 'WLD']
 */
export function parseCountries(value: string | undefined, ref: Reference): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = list('countries', value);
  const unknown = codes.filter((c) => !ref.countries.has(c) && !ref.economies.has(c) && !ref.aggregates.has(c));
  if (unknown.length) {
    throw badParameter(
      'countries',
      `unknown code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: expected ISO3 country codes (see /api/v1/countries) or World Bank aggregate codes present in the data (${[...ref.aggregates.keys()].slice(0, 5).join(', ') || 'none imported'})`,
    );
  }
  return codes;
}

/**
 * `groups=ACP,LDC`: group identifiers; unknown ones are named in the 400.
 * @example parseGroups('acp', ref) // ['ACP']
 */
export function parseGroups(value: string | undefined, ref: Reference): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = list('groups', value);
  const unknown = ids.filter((id) => !ref.groups.has(id));
  if (unknown.length) throw badParameter('groups', `unknown group${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see /api/v1/groups)`);
  return ids;
}

/**
 * `years=2020`, `2020-2022`, `2015-` or `-2010`.
 * @example parseYears('2020-2022') // { from: 2020, to: 2022 }
 */
export function parseYears(value: string | undefined): YearRange | undefined {
  if (value === undefined) return undefined;
  const range = parseYearRange(value);
  if (!range) throw badParameter('years', `expected a year or a range like 2020-2022, got "${value}" (years run from ${MIN_YEAR} to ${MAX_YEAR})`);
  return range;
}

/** The years of a range as a file name shows them: "2020", "2020-2022", "2015-", "-2010". */
export function yearsLabel(range: YearRange): string {
  if (range.from === range.to) return String(range.from);
  return `${range.from === MIN_YEAR ? '' : range.from}-${range.to === MAX_YEAR ? '' : range.to}`;
}

/**
 * `format=json|csv`; without it, `Accept: text/csv` preferred over JSON chooses CSV. Routes that answer
 * only in JSON pass `['json']`.
 * @example parseFormat(undefined, 'text/csv') // { format: 'csv', negotiated: true }
 */
export function parseFormat(value: string | undefined, accept: string | undefined, formats: readonly Format[] = ['json', 'csv']): FormatChoice {
  if (value !== undefined) {
    const format = value.toLowerCase();
    if (format !== 'json' && format !== 'csv') throw badParameter('format', `expected ${formats.map((f) => `"${f}"`).join(' or ')}, got "${value}"`);
    if (!formats.includes(format)) throw badParameter('format', `this resource is available as ${formats.join(' or ')} only, got "${value}"`);
    return { format, negotiated: false };
  }
  if (!formats.includes('csv')) return { format: 'json', negotiated: false };
  return { format: prefersCsv(accept) ? 'csv' : 'json', negotiated: true };
}

/** Whether an Accept header ranks text/csv above JSON (ties go to the type listed first). */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = { q: 0, index: Infinity };
  let json = { q: 0, index: Infinity };
  accept.split(',').forEach((part, index) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) return;
    if (type === 'text/csv' && q > csv.q) csv = { q, index };
    if ((type === 'application/json' || type === 'application/*' || type === '*/*') && q > json.q) json = { q, index };
  });
  return csv.q > 0 && (csv.q > json.q || (csv.q === json.q && csv.index < json.index));
}

/**
 * `basis=current|historical`: whose membership counts in each year of an aggregate.
 * @example parseBasis('historical') // 'historical'
 */
export function parseBasis(value: string | undefined): MembershipBasis | undefined {
  if (value === undefined) return undefined;
  if (value === 'current' || value === 'historical') return value;
  throw badParameter('basis', `expected "current" (today's members every year) or "historical" (members at each year's end), got "${value}"`);
}

/**
 * `minCoverage=0.5`: the smallest share (0–1) of a group's population with data for which a value is given.
 * @example parseMinCoverage('0.5') // 0.5
 */
export function parseMinCoverage(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) throw badParameter('minCoverage', `expected a share between 0 and 1 such as 0.5, got "${value}"`);
  return n;
}

/**
 * A date parameter such as `at=2024-12-31`.
 * @example parseDate('2024-12-31', 'at') // '2024-12-31'
 */
export function parseDate(value: string | undefined, parameter: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw badParameter(parameter, `expected a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

/**
 * `vintage=12`: the id of a stored vintage (see /api/v1/vintages).
 * @example parseVintage('12', ref) // 12
 */
export function parseVintage(value: string | undefined, ref: Reference): number | undefined {
  if (value === undefined) return undefined;
  const id = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id < 1) throw badParameter('vintage', `expected a vintage id (a positive whole number, see /api/v1/vintages), got "${value}"`);
  if (!ref.vintages.has(id)) throw badParameter('vintage', `no vintage ${id} (see /api/v1/vintages)`);
  return id;
}

/** The country a path names (case-insensitive), or a 404. */
export function pathCountry(ref: Reference, raw: string): Country {
  const country = ref.countries.get(raw.toUpperCase());
  if (!country) throw new NotFoundError(`no country "${raw}": expected an ISO3 code listed at /api/v1/countries`);
  return country;
}

/** The group a path names (case-insensitive), or a 404. */
export function pathGroup(ref: Reference, raw: string): Group {
  const group = ref.groups.get(raw.toUpperCase());
  if (!group) throw new NotFoundError(`no group "${raw}": the groups are listed at /api/v1/groups`);
  return group;
}

/** The indicator a path names (as written, else upper-cased), or a 404. */
export function pathIndicator(ref: Reference, raw: string): IndicatorInfo {
  const info = ref.indicators.get(raw) ?? ref.indicators.get(raw.toUpperCase());
  if (!info) throw new NotFoundError(`no indicator "${raw}" with data: the indicators are listed at /api/v1/indicators`);
  return info;
}

/** A group identifier given in a path for a write, checked before anything is looked up. */
export function pathGroupId(raw: string): string {
  if (!isGroupId(raw)) throw badParameter('id', groupIdRule(raw));
  return raw;
}

