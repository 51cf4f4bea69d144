import { InputError, type InputLocation } from '../../../domain/errors.ts';
import { US_PROGRAMMES, usSchemeMembers } from '../../../domain/moratorium/schemes.ts';
import type { TariffLine } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { RowOnce } from '../fields.ts';
import { lineCell, TradeBatcher } from './cells.ts';
import type { TradeBatch } from './records.ts';

const US = 'USA';

export interface UsHtsSummary {
  rows: number;
  tariffs: number;
  /** Lines whose general rate is specific or compound, stored without an ad valorem rate. */
  notAdValorem: string[];
  /** Programme codes of the Special column that the Observatory does not know: rates stored, no members. */
  unknownProgrammes: string[];
}

/**
 * A rate of the HTS: "Free" is 0, "3.7%" is 3.7; a specific or compound duty ("38¢/m2", "15.4¢/kg + 50%")
 * has no ad valorem rate (null). Anything else is an error.
 */
export function htsRate(text: string, where: InputLocation): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^free$/i.test(t)) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (m?.[1]) return Number(m[1]);
  // Specific duties name a money unit or a quantity ("¢/kg", "$3.88/m2", "10¢/pack + 20%").
  if (/[¢$€]|\/|\bper\b/i.test(t)) return null;
  throw new InputError(`not a rate of duty: ${JSON.stringify(t)}`, where);
}

/**
 * The rates of the Special column, each with its programme codes: "Free (A*,AU,BH)" or
 * "Free (AU,SG) 1.2% (KR)".
 * @example specialRates('Free (A,AU)', where) // [{ rate: 0, programmes: ['A', 'AU'] }]
 */
export function specialRates(text: string, where: InputLocation): { rate: number | null; programmes: string[] }[] {
  const out: { rate: number | null; programmes: string[] }[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const m = /^([^()]+?)\s*\(([^)]*)\)\s*[,;]?\s*/.exec(rest);
    if (!m?.[1] || m[2] === undefined) throw new InputError(`expected "rate (programme codes)", found ${JSON.stringify(rest)}`, where);
    const programmes = m[2]
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (programmes.length === 0) throw new InputError(`no programme code for the rate ${JSON.stringify(m[1])}`, where);
    out.push({ rate: htsRate(m[1], where), programmes });
    rest = rest.slice(m[0].length);
  }
  return out;
}

const GENERAL = 'general_rate_mfn';
const SPECIAL = 'special_rate';

const COLUMNS = columns({
  code: { header: 'hts_code', required: true, parse: lineCell },
  hs6: { header: 'hs6', required: true },
  general: { header: GENERAL, required: true, parse: htsRate },
  special: { header: SPECIAL, required: true, parse: specialRates },
});

/**
 * Reads lines of the US Harmonized Tariff Schedule (`hts_code,hs6,description_short,general_rate_mfn,
 * special_rate,column2_rate,…`): the Column 1 General rate as MFN, and each programme of the Special
 * column as a preference (scheme ids "US-FTA-AU", "US-CAFTA-DR", "US-GSP" …; domain/moratorium/schemes.ts),
 * for tariff year `year`. Column 2 (Cuba, North Korea, Russia, Belarus) is not read.
 * @example await forEachTradeBatch(readUsHts(chunks, file, { year: 2026 }), write)
 */
export async function* readUsHts(input: Chunks, file: string, options: BatchOptions & { year: number }): AsyncGenerator<TradeBatch, UsHtsSummary> {
  const batches = new TradeBatcher(options);
  const summary: UsHtsSummary = { rows: 0, tariffs: 0, notAdValorem: [], unknownProgrammes: [] };
  const unknown = new Set<string>();
  const once = new RowOnce(file);
  for await (const rows of readTable(input, file, COLUMNS)) {
    for (const row of rows) {
      summary.rows++;
      const code = row.get('code');
      if (row.text('hs6') !== code.hs6) {
        throw new InputError(`hs6 ${JSON.stringify(row.text('hs6'))} is not the subheading of line ${code.line}`, row.at('hs6'));
      }
      once.check(code.line, row.line, 'hts_code', `line ${code.line}`);
      const general = row.get('general');
      if (general === null && row.text('general') !== '') summary.notAdValorem.push(code.line);
      const base = { year: options.year, reporter: US, line: code.line, hs6: code.hs6, edition: 'HS2022' } as const;
      const tariffs: TariffLine[] = [{ ...base, regime: 'mfn', scheme: null, rate: general }];
      const schemes = new Set<string>();
      for (const { rate, programmes } of row.get('special')) {
        for (const p of programmes) {
          const programme = US_PROGRAMMES.get(p);
          if (!programme) unknown.add(p);
          const scheme = programme?.scheme ?? `US-${p}`;
          // P and P+ (S and S+) are one scheme: its rate is given once per line.
          if (schemes.has(scheme)) continue;
          schemes.add(scheme);
          tariffs.push({ ...base, regime: 'pref', scheme, rate });
        }
      }
      const full = batches.push('tariffs', ...tariffs);
      if (full) yield full;
    }
  }
  const members = batches.push('schemes', ...usSchemeMembers());
  if (members) yield members;
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  summary.unknownProgrammes = [...unknown].sort();
  return summary;
}
