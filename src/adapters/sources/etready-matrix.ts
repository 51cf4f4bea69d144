import { InputError, type InputLocation } from '../../domain/errors.ts';
import { assessmentKey, parsePriority, ROW_TYPES, type Recommendation, type RowType } from '../../domain/etready/matrix.ts';
import { isFuture, parsePartialDate, parseStatus, startOf, type EtreadyEvent } from '../../domain/etready/status.ts';
import { parseItemStatus, parsePolicyArea, POLICY_AREAS, type StatusChange } from '../../domain/tracking.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';

const TABLE = columns({
  type: { header: 'row_type', required: true },
  country: { header: 'country', required: true },
  area: { header: 'area' },
  id: { header: 'recommendation_id' },
  text: { header: 'recommendation' },
  priority: { header: 'priority' },
  lead: { header: 'lead_agency' },
  partners: { header: 'partners' },
  timeline: { header: 'timeline' },
  status: { header: 'status' },
  date: { header: 'status_date' },
  source: { header: 'source' },
  authority: { header: 'requesting_authority' },
});

/** A country or region named in the file: its ISO3 code (null for a region), or undefined when unknown. */
export type ResolveCountry = (name: string) => { iso3: string | null; name: string } | undefined;

/** What a filled-in template gives: the recommendations with their histories, and the requests' dated statuses. */
export interface MatrixFile {
  recommendations: Recommendation[];
  requests: EtreadyEvent[];
}

const blank = (t: string) => (t === '' ? null : t);

/**
 * Reads a filled-in action-matrix template, line by line. Every line is checked: the kind of line, the
 * country (ISO3 or a name the Observatory knows, or "… (regional)"), the area (one of the seven), the
 * recommendation's id and text, the status (of a recommendation or of a request), its date (not after
 * `today`), the priority; two statuses of one recommendation on one date and a recommendation whose
 * country, area or text change between its lines are refused. The first error throws an InputError with
 * the file, line and field, so nothing is stored.
 */
export async function readMatrix(input: Chunks, file: string, today: string, resolve: ResolveCountry): Promise<MatrixFile> {
  const recs = new Map<string, Recommendation & { line: number; dates: Map<string, number> }>();
  const requests: EtreadyEvent[] = [];
  for await (const rows of readTable(input, file, TABLE)) {
    for (const r of rows) {
      if (r.fields.every((f) => f.trim() === '')) continue;
      const typeText = r.get('type').toLowerCase();
      if (!(ROW_TYPES as readonly string[]).includes(typeText)) throw new InputError(`unknown row type "${r.get('type')}"; expected ${ROW_TYPES.join(' or ')}`, r.at('type'));
      const type = typeText as RowType;
      const countryText = r.get('country');
      if (countryText === '') throw new InputError('no country named (an ISO3 code or a name)', r.at('country'));
      const who = resolve(countryText);
      if (who === undefined) throw new InputError(`unknown country "${countryText}": give its ISO3 code or its English or French name (a regional assessment is named "… (regional)")`, r.at('country'));
      const dateText = r.get('date');
      if (dateText === '') throw new InputError('the date of the status is required', r.at('date'));
      const date = parsePartialDate(dateText);
      if (date === null) throw new InputError(`not a date (YYYY, YYYY-MM or YYYY-MM-DD): "${dateText}"`, r.at('date'));
      if (isFuture(date, today)) throw new InputError(`date in the future: ${date} is after today (${today})`, r.at('date'));
      const source = blank(r.get('source'));
      if (type === 'request') {
        const statusText = r.get('status');
        const status = statusText === '' ? 'requested' : parseStatus(statusText);
        if (status === null) throw new InputError(`unknown status of a request "${statusText}"; expected requested, in preparation, published or implementation review`, r.at('status'));
        const link = source !== null && /^https?:\/\//.test(source) ? source : null;
        requests.push({ iso3: who.iso3, name: who.name, status, date, title: null, symbol: null, link, note: link ? null : source, authority: blank(r.get('authority')) });
        continue;
      }
      const areaText = r.get('area');
      if (areaText === '') throw new InputError(`no policy area; expected one of ${POLICY_AREAS.join(', ')} (or their names in the reports)`, r.at('area'));
      const area = parsePolicyArea(areaText);
      if (area === null) throw new InputError(`unknown policy area "${areaText}"; expected one of ${POLICY_AREAS.join(', ')} (or their names in the reports)`, r.at('area'));
      const id = r.get('id');
      if (id === '') throw new InputError('no recommendation id', r.at('id'));
      const statusText = r.get('status');
      if (statusText === '') throw new InputError('no status; expected not started, under implementation, completed or dropped', r.at('status'));
      const status = parseItemStatus(statusText);
      if (status === null) throw new InputError(`unknown status "${statusText}"; expected not started, under implementation, completed or dropped`, r.at('status'));
      const priorityText = r.get('priority');
      const priority = priorityText === '' ? null : parsePriority(priorityText);
      if (priorityText !== '' && priority === null) throw new InputError(`unknown priority "${priorityText}"; expected high, medium or low`, r.at('priority'));
      const text = r.get('text');
      const key = `${assessmentKey(who.iso3, who.name)}|${id}`;
      const change: StatusChange = { status, date, source };
      const known = recs.get(key);
      if (!known) {
        if (text === '') throw new InputError(`no text for recommendation ${id} (its first line must give it)`, r.at('text'));
        recs.set(key, { id, area, iso3: who.iso3, assessment: who.name, text, priority, lead: blank(r.get('lead')), partners: blank(r.get('partners')), timeline: blank(r.get('timeline')), history: [change], line: r.line, dates: new Map([[startOf(date), r.line]]) });
        continue;
      }
      const differs = (field: 'area' | 'text', value: string, at: InputLocation) => {
        throw new InputError(`recommendation ${id} has ${field === 'area' ? 'area' : 'text'} "${value}" here but "${known[field]}" on line ${known.line}`, at);
      };
      if (known.area !== area) differs('area', area, r.at('area'));
      if (text !== '' && text !== known.text) differs('text', text, r.at('text'));
      const same = known.dates.get(startOf(date));
      if (same !== undefined) throw new InputError(`recommendation ${id} already has a status on ${date} (line ${same}): give each change its own date`, r.at('date'));
      known.dates.set(startOf(date), r.line);
      known.history = [...known.history, change];
      known.priority ??= priority;
      known.lead ??= blank(r.get('lead'));
      known.partners ??= blank(r.get('partners'));
      known.timeline ??= blank(r.get('timeline'));
    }
  }
  const recommendations = [...recs.values()].map(({ line: _line, dates: _dates, ...rec }) => rec);
  return { recommendations, requests };
}
