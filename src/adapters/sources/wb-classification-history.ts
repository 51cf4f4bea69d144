import { InputError, type InputLocation } from '../../domain/errors.ts';
import { WB_INCOME_GROUPS, WB_REGION_GROUPS } from '../../domain/worldbank.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { entityCell } from './fields.ts';

/** One economy's World Bank groups in one fiscal year, as the Observatory's group ids (null: not classified). */
export interface FiscalYearClassification {
  iso3: string;
  fiscalYear: number;
  /** Null where the file has no region column (OGHIST) or leaves the economy without one. */
  region: string | null;
  income: string | null;
  line: number;
}

/** A fiscal year written "FY2026" (or "2026"), between FY1950 and FY2100. */
function fiscalYearCell(text: string, where: InputLocation): number {
  const m = /^(?:FY)?(\d{4})$/i.exec(text.trim());
  const year = m?.[1] ? Number(m[1]) : NaN;
  if (!(year >= 1950 && year <= 2100)) throw new InputError(`not a fiscal year (FY2026): ${JSON.stringify(text.trim())}`, where);
  return year;
}

/** OGHIST's income codes: L, LM, UM, H; "LM*" is Yemen's footnoted LM; ".." or empty: not classified. */
const INCOME_CODES: ReadonlyMap<string, string> = new Map([
  ['L', 'LIC'],
  ['LM', 'LMC'],
  ['LM*', 'LMC'],
  ['UM', 'UMC'],
  ['H', 'HIC'],
]);

function incomeCodeCell(text: string, where: InputLocation): string | null {
  const t = text.trim();
  if (t === '' || t === '..') return null;
  const group = INCOME_CODES.get(t.toUpperCase());
  if (!group) throw new InputError(`not an income group code (L, LM, UM, H or empty): ${JSON.stringify(t)}`, where);
  return group;
}

function namedGroupCell(names: ReadonlyMap<string, string>, what: string) {
  return (text: string, where: InputLocation): string | null => {
    const t = text.trim();
    if (t === '' || t === '..') return null;
    const group = names.get(t);
    if (!group) throw new InputError(`unknown World Bank ${what}: ${JSON.stringify(t)}`, where);
    return group;
  };
}

const OGHIST = columns({
  code: { header: 'iso3', required: true, parse: entityCell },
  fiscalYear: { header: 'fiscal_year', required: true, parse: fiscalYearCell },
  income: { header: 'income_group_code', required: true, parse: incomeCodeCell },
});

const CLASS = columns({
  fiscalYear: { header: 'fiscal_year', required: true, parse: fiscalYearCell },
  code: { header: 'iso3', required: true, parse: entityCell },
  region: { header: 'region', required: true, parse: namedGroupCell(WB_REGION_GROUPS, 'region') },
  income: { header: 'income_group', required: true, parse: namedGroupCell(WB_INCOME_GROUPS, 'income group') },
});

/** Refuses an economy given twice for the same fiscal year. */
class Once {
  private readonly seen = new Map<string, number>();
  check(file: string, r: FiscalYearClassification): void {
    const key = `${r.iso3}|${r.fiscalYear}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      throw new InputError(`${r.iso3} in FY${r.fiscalYear} is given again (first on line ${first})`, { file, line: r.line, field: 'iso3' });
    }
    this.seen.set(key, r.line);
  }
}

/**
 * Reads the World Bank's historical income classification in long form (from OGHIST.xlsx: `iso3, economy,
 * fiscal_year, …, income_group_code, …`), one row per economy and fiscal year since FY1989.
 */
export async function readIncomeHistory(input: Chunks, file: string): Promise<FiscalYearClassification[]> {
  const out: FiscalYearClassification[] = [];
  const once = new Once();
  for await (const rows of readTable(input, file, OGHIST)) {
    for (const row of rows) {
      const r = { iso3: row.get('code'), fiscalYear: row.get('fiscalYear'), region: null, income: row.get('income'), line: row.line };
      once.check(file, r);
      out.push(r);
    }
  }
  return out;
}

/**
 * Reads the World Bank's CLASS files stacked by fiscal year (`fiscal_year, iso3, economy, region,
 * income_group, lending_category, …`): region and income group of each economy, FY2020 to FY2026.
 */
export async function readClassHistory(input: Chunks, file: string): Promise<FiscalYearClassification[]> {
  const out: FiscalYearClassification[] = [];
  const once = new Once();
  for await (const rows of readTable(input, file, CLASS)) {
    for (const row of rows) {
      const r = { fiscalYear: row.get('fiscalYear'), iso3: row.get('code'), region: row.get('region'), income: row.get('income'), line: row.line };
      once.check(file, r);
      out.push(r);
    }
  }
  return out;
}
