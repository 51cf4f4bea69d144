import type { CyberlawStatus, Law } from '../../domain/cyberlaw.ts';
import { InputError } from '../../domain/errors.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { yearInTitle } from './cyberlaw-tracker.ts';

/** One economy of an earlier data-protection edition: its status, from the instruments listed for it. */
export interface HistoryCountry {
  /** The name as UNCTAD wrote it at the time. */
  country: string;
  status: CyberlawStatus;
  /** The instruments in force (for "legislation") or the drafts (for "draft"). */
  laws: Law[];
  line: number;
}

/** The columns of UNCTAD's DP.xlsx sheet as CSV; `Type` is absent from the editions after 2020. */
const COLUMNS = columns({
  country: { header: 'Country', required: true },
  type: { header: 'Type' },
  title: { header: 'Title of Legislation/Draft Legislation', required: true },
  link: { header: 'Links to laws' },
});

/** Words by which a title without a type says it is a draft ("Bill - …", "Draft Data Privacy Bill 2020"). */
export const DRAFT_TITLE = /\b(bill|draft)\b/i;

const TYPES: Record<string, CyberlawStatus> = { legislation: 'legislation', 'draft legislation': 'draft', 'no data': 'no-data' };

/**
 * Reads an earlier edition of UNCTAD's data-protection list (`Country,[Type,]Title…,Links to laws`, one row
 * per instrument) into one status per country: "legislation" when one instrument in force is listed, else
 * "draft" when a draft is, else "no data". Without a Type column, a title naming a bill or a draft is a draft.
 * An unknown type is an error naming the line and column.
 */
export async function readDataProtectionList(input: Chunks, file: string): Promise<{ countries: HistoryCountry[]; typed: boolean }> {
  let typed = false;
  const onHeader = ({ header }: { header: { find(...a: string[]): number } }) => {
    typed = header.find('Type') >= 0;
  };
  const ifEmpty = () => {
    throw new InputError('the file is empty', { file, line: 1 });
  };
  const byCountry = new Map<string, { rows: { status: CyberlawStatus; law: Law | null }[]; line: number }>();
  for await (const batch of readTable(input, file, COLUMNS, { onHeader, ifEmpty })) {
    for (const row of batch) {
      if (row.fields.every((f) => f.trim() === '')) continue;
      const country = row.text('country').replace(/\s+/g, ' ').trim();
      if (!country) throw new InputError('no country', row.at('country'));
      const title = row.text('title').replace(/\s+/g, ' ').trim();
      let status: CyberlawStatus;
      if (typed) {
        const s = TYPES[row.text('type').trim().toLowerCase().replace(/\s+/g, ' ')];
        if (!s) throw new InputError(`"${row.text('type')}" is not a type (Legislation, Draft Legislation, No Data)`, row.at('type'));
        status = s;
      } else {
        status = title === '' ? 'no-data' : DRAFT_TITLE.test(title) ? 'draft' : 'legislation';
      }
      const link = row.text('link').trim();
      const law = status === 'no-data' || !title ? null : { title, year: yearInTitle(title), url: /^https?:\/\//.test(link) ? link : null };
      let entry = byCountry.get(country);
      if (!entry) byCountry.set(country, (entry = { rows: [], line: row.line }));
      entry.rows.push({ status, law });
    }
  }
  const countries: HistoryCountry[] = [];
  for (const [country, { rows, line }] of byCountry) {
    const status: CyberlawStatus = rows.some((r) => r.status === 'legislation') ? 'legislation' : rows.some((r) => r.status === 'draft') ? 'draft' : 'no-data';
    const laws = rows.filter((r) => r.status === status && r.law).map((r) => r.law as Law);
    countries.push({ country, status, laws, line });
  }
  return { countries, typed };
}
