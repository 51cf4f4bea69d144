import { InputError, type InputLocation } from '../../domain/errors.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { numberCell } from './fields.ts';

/** One economy of a published edition of the UNCTAD B2C E-commerce Index, as the edition's table gives it. */
export interface B2cRow {
  line: number;
  /** The edition (2019, 2020). */
  edition: number;
  /** UNCTAD's spelling of the economy. */
  economy: string;
  rank: number;
  index: number;
  internet: number | null;
  account: number | null;
  servers: number | null;
  postal: number | null;
}

/** The edition a header names by its rank column ("rank_2020"), or null when it is no B2C table. */
export function b2cEdition(firstLine: string): number | null {
  const m = /^rank_(\d{4}),economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_(\d{4})\b/.exec(firstLine);
  return m && m[1] === m[2] ? Number(m[1]) : null;
}

const number = (text: string, where: InputLocation): number | null => numberCell(text, where);
const required = (text: string, where: InputLocation): number => {
  const v = numberCell(text, where);
  if (v === null) throw new InputError('a value is required', where);
  return v;
};

/** Reads one edition's table; the edition comes from the header's rank column. */
export async function readB2cIndex(input: Chunks, file: string): Promise<B2cRow[]> {
  let edition = 0;
  const out: B2cRow[] = [];
  const header = (e: number) =>
    columns({
      rank: { header: `rank_${e}`, required: true, parse: required },
      economy: { header: 'economy', required: true },
      internet: { header: 'internet_use_pct', required: true, parse: number },
      account: { header: 'account_ownership_pct', required: true, parse: number },
      servers: { header: 'secure_servers_normalized', required: true, parse: number },
      postal: { header: 'upu_postal_reliability', required: true, parse: number },
      index: { header: `index_value_${e}`, required: true, parse: required },
    });
  const reader = readTable(input, file, header(0), {
    layout: (h) => {
      const e = b2cEdition(h.names.map((f) => f.trim().toLowerCase()).join(','));
      if (e === null) throw new InputError('not a UNCTAD B2C E-commerce Index table: the header must start rank_<year>,economy,… with index_value_<year>', { file, line: h.line, field: 'rank' });
      edition = e;
      return header(e);
    },
  });
  for await (const rows of reader) {
    for (const r of rows) {
      const economy = r.get('economy');
      if (economy === '') throw new InputError('no economy named', r.at('economy'));
      for (const k of ['internet', 'account', 'servers', 'postal', 'index'] as const) {
        const v = r.get(k);
        if (v !== null && (v < 0 || v > 100)) throw new InputError(`outside 0-100: ${v}`, r.at(k));
      }
      out.push({ line: r.line, edition, economy, rank: r.get('rank'), index: r.get('index'), internet: r.get('internet'), account: r.get('account'), servers: r.get('servers'), postal: r.get('postal') });
    }
  }
  return out;
}
