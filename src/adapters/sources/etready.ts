import { InputError } from '../../domain/errors.ts';
import { isFuture, parsePartialDate, parseStatus, type EtreadyEvent } from '../../domain/etready/status.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';

/** One line of a list of eTrade Readiness Assessments, its country or region still a name. */
export interface EtreadyLine extends Omit<EtreadyEvent, 'iso3'> {
  line: number;
  regional: boolean;
}

/**
 * Whether a header is a list of eTrade Readiness Assessments: `country_or_region` first, with either a
 * `status` and `status_date` or UNCTAD's partial list's `year_published`.
 */
export function isEtreadyHeader(first: string): boolean {
  const names = first.split(',').map((n) => n.trim());
  return names[0] === 'country_or_region' && (names.includes('year_published') || (names.includes('status') && names.includes('status_date')));
}

const TABLE = columns({
  name: { header: 'country_or_region', required: true },
  acp: { header: 'acp_member' },
  status: { header: 'status' },
  date: { header: 'status_date' },
  year: { header: 'year_published' },
  title: { header: 'title' },
  symbol: { header: 'document_symbol' },
  link: { header: ['evidence_url', 'link'] },
  note: { header: 'evidence_note' },
});

/** "NOT FOUND", as the partial list writes a symbol its compilers could not see, is no symbol. */
const text = (t: string): string | null => (t === '' || /^not found$/i.test(t) ? null : t);

/**
 * Reads a list of assessments: one dated status per line. Without a status, a line of the partial list is
 * the publication in `year_published`. An unknown status, a missing or malformed date and a date after
 * `today` are refused with the file, line and field.
 */
export async function readEtready(input: Chunks, file: string, today: string): Promise<EtreadyLine[]> {
  const out: EtreadyLine[] = [];
  for await (const rows of readTable(input, file, TABLE)) {
    for (const r of rows) {
      const name = r.get('name');
      if (name === '') throw new InputError('no country or region named', r.at('name'));
      const statusText = r.get('status');
      const status = statusText === '' ? 'published' : parseStatus(statusText);
      if (status === null) throw new InputError(`unknown status "${statusText}"; expected requested, in preparation, published or implementation review`, r.at('status'));
      const field = r.get('date') !== '' || status !== 'published' ? 'date' : 'year';
      const raw = r.get(field);
      if (raw === '') throw new InputError(`the date of the status "${status}" is required`, r.at(field));
      const date = parsePartialDate(raw);
      if (date === null) throw new InputError(`not a date (YYYY, YYYY-MM or YYYY-MM-DD): "${raw}"`, r.at(field));
      if (isFuture(date, today)) throw new InputError(`date in the future: ${date} is after ${today}`, r.at(field));
      const regional = /\(regional\)/i.test(name) || /^regional\b/i.test(r.get('acp'));
      out.push({ line: r.line, name, regional, status, date, title: text(r.get('title')), symbol: text(r.get('symbol')), link: text(r.get('link')), note: text(r.get('note')) });
    }
  }
  return out;
}
