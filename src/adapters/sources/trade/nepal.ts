import { InputError } from '../../../domain/errors.ts';
import { SAFTA_MEMBERS } from '../../../domain/moratorium/schemes.ts';
import type { TradeFlow } from '../../../domain/moratorium/trade.ts';
import { WORLD_PARTNER } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { RowOnce } from '../fields.ts';
import { amountCell, lineCell, rateCell, TradeBatcher } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';

/** Nepal's national lines follow HS 2022 since the Customs Tariff 2022/23. */
const EDITION = 'HS2022';
const NEPAL = 'NPL';

/**
 * The calendar year in which a Nepali fiscal year named in a file ("fy2082_83", Bikram Sambat) ends:
 * FY 2082/83 runs from mid-July 2025 to mid-July 2026, so 2026 (BS 2083 begins in mid-April 2026).
 * @example nepalFiscalYearOf('nepal_imports_fy2082_83_digitisable_hs8.csv') // 2026
 */
export function nepalFiscalYearOf(fileName: string): number | null {
  const m = /fy_?(\d{4})[_/-](\d{2})/i.exec(fileName);
  if (!m?.[1] || !m[2]) return null;
  const start = Number(m[1]);
  if (Number(m[2]) !== (start + 1) % 100) return null;
  return start + 1 - 57;
}

/**
 * The calendar year in which the tariff year named in a file ("tariff_2026_27") ends: the Customs Tariff
 * 2026/27 applies from mid-July 2026 to mid-July 2027, so 2027.
 * @example nepalTariffYearOf('nepal_customs_tariff_2026_27_digitisable.csv') // 2027
 */
export function nepalTariffYearOf(fileName: string): number | null {
  const m = /tariff_(\d{4})_(\d{2})/i.exec(fileName);
  if (!m?.[1] || !m[2]) return null;
  const start = Number(m[1]);
  return Number(m[2]) === (start + 1) % 100 ? start + 1 : null;
}

export interface NepalImportsSummary {
  rows: number;
  flows: number;
  /** The NPR per US dollar rate used, and the year it is from. */
  rate: { rate: number; year: number };
  /** Partner names not recognised: their values stay in the remainder under WLD. */
  unknownPartners: string[];
  /** Imports of the file in NPR thousand, and the part split among recognised partners. */
  totalNprThousand: number;
  listedNprThousand: number;
  /** Lines whose listed partners, rounded one by one, exceeded the line's total and were scaled down to it. */
  scaledLines: number;
}

const PARTNERS = 'top_partners_value_npr_thousand';
const VALUE = 'import_value_npr_thousand';

const IMPORT_COLUMNS = columns({
  code: { header: 'hs8', required: true, parse: lineCell },
  hs6: { header: 'hs6', required: true },
  quantity: { header: 'quantity', required: true, parse: amountCell },
  value: { header: VALUE, required: true, parse: amountCell },
  partners: { header: PARTNERS, required: true },
});

/**
 * Reads the Department of Customs' imports by national line (`hs8,hs6,…,import_value_npr_thousand,…,
 * top_partners_value_npr_thousand`) into flows in US dollars: each line split among its listed partners
 * ("China=1200; India=300"), the rest under WLD. Values are NPR thousand, converted at the World
 * Bank's rate for the latest year not after `year`; without a stored rate the file is refused.
 * @example await forEachTradeBatch(readNepalImports(chunks, file, context, { year: 2026 }), write)
 */
export async function* readNepalImports(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: BatchOptions & { year: number },
): AsyncGenerator<TradeBatch, NepalImportsSummary> {
  const rate = context.usdRate(NEPAL, options.year);
  if (rate === null) {
    throw new InputError(
      `no NPR per US dollar rate (World Bank PA.NUS.FCRF) for Nepal in or before ${options.year}: import datasets-wdi-fx (pa.nus.fcrf.csv) first`,
      { file },
    );
  }
  const batches = new TradeBatcher(options);
  const summary: NepalImportsSummary = { rows: 0, flows: 0, rate, unknownPartners: [], totalNprThousand: 0, listedNprThousand: 0, scaledLines: 0 };
  const unknown = new Set<string>();
  const once = new RowOnce(file);
  const usd = (nprThousand: number) => (nprThousand * 1000) / rate.rate;

  for await (const rows of readTable(input, file, IMPORT_COLUMNS)) {
    for (const row of rows) {
      const { line } = row;
      summary.rows++;
      const code = row.get('code');
      if (row.text('hs6') !== code.hs6) {
        throw new InputError(`hs6 ${JSON.stringify(row.text('hs6'))} is not the subheading of line ${code.line}`, row.at('hs6'));
      }
      once.check(code.line, line, 'hs8', `line ${code.line}`);
      const total = row.get('value');
      if (total === null) throw new InputError('empty import value', row.at('value'));
      const quantity = row.get('quantity');
      summary.totalNprThousand += total;

      const byPartner = new Map<string, number>();
      let listed = 0;
      let unknownOnLine = 0;
      for (const entry of splitPartners(row.text('partners'))) {
        const eq = entry.lastIndexOf('=');
        const name = eq > 0 ? entry.slice(0, eq).trim() : '';
        if (name === '') throw new InputError(`expected "Country=value", found ${JSON.stringify(entry)}`, { file, line, field: PARTNERS });
        const value = amountCell(entry.slice(eq + 1), { file, line, field: PARTNERS });
        if (value === null) throw new InputError(`no value for ${JSON.stringify(name)}`, { file, line, field: PARTNERS });
        const iso3 = context.iso3OfName(name);
        if (iso3 === null) {
          unknown.add(name);
          unknownOnLine++;
          continue;
        }
        byPartner.set(iso3, (byPartner.get(iso3) ?? 0) + value);
        listed += value;
      }
      // Each figure is rounded to the thousand on its own, so the listed partners may exceed the line's total
      // by half a thousand per figure; they are then scaled down to the total. More than that is a wrong figure.
      const entries = byPartner.size + unknownOnLine;
      if (listed > total + 0.5 * (entries + 1)) {
        throw new InputError(`the listed partners sum to ${listed}, more than the line's imports of ${total}`, { file, line, field: PARTNERS });
      }
      const scale = listed > total ? total / listed : 1;
      if (scale < 1) summary.scaledLines++;
      summary.listedNprThousand += listed * scale;
      const remainder = Math.max(0, total - listed * scale);
      const parts: [string, number][] = [...byPartner].filter(([, v]) => v > 0).map(([p, v]) => [p, v * scale]);
      if (remainder > 0) parts.push([WORLD_PARTNER, remainder]);
      // The quantity cannot be apportioned among partners (unit values differ): kept only when one row takes the whole line.
      const whole = parts.length === 1;
      for (const [partner, value] of parts) {
        const flow: TradeFlow = {
          year: options.year,
          reporter: NEPAL,
          partner,
          line: code.line,
          hs6: code.hs6,
          edition: EDITION,
          valueUsd: usd(value),
          quantity: whole ? quantity : null,
        };
        const full = batches.push('flows', flow);
        if (full) yield full;
      }
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.flows = batches.counts.flows;
  summary.unknownPartners = [...unknown].sort();
  return summary;
}

/** The "Name=value; Name=value" entries of a partners cell (names may hold commas, never semicolons). */
function splitPartners(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface NepalTariffSummary {
  rows: number;
  tariffs: number;
  /** Lines whose MFN rate is blank in the source. */
  withoutMfn: string[];
}

const MFN = 'duty_general_mfn_pct';
const SAARC = 'duty_saarc_pct';

const TARIFF_COLUMNS = columns({
  code: { header: 'hs_code_as_published', required: true, parse: lineCell },
  hs6: { header: 'hs6', required: true },
  saarc: { header: SAARC, required: true, parse: rateCell },
  mfn: { header: MFN, required: true, parse: rateCell },
});

/**
 * Reads the Customs Tariff of Nepal (`hs_code_as_published,hs6,duty_saarc_pct,duty_general_mfn_pct,…`):
 * the general duty as the MFN rate and the SAARC duty as the SAFTA preference, for tariff year `year`,
 * with the SAFTA parties as the scheme's members. A blank rate is no rate ("Free" is 0).
 * @example await forEachTradeBatch(readNepalTariff(chunks, file, { year: 2027 }), write)
 */
export async function* readNepalTariff(
  input: Chunks,
  file: string,
  options: BatchOptions & { year: number },
): AsyncGenerator<TradeBatch, NepalTariffSummary> {
  const batches = new TradeBatcher(options);
  const summary: NepalTariffSummary = { rows: 0, tariffs: 0, withoutMfn: [] };
  const once = new RowOnce(file);
  for await (const rows of readTable(input, file, TARIFF_COLUMNS)) {
    for (const row of rows) {
      summary.rows++;
      const code = row.get('code');
      if (row.text('hs6') !== code.hs6) {
        throw new InputError(`hs6 ${JSON.stringify(row.text('hs6'))} is not the subheading of line ${code.line}`, row.at('hs6'));
      }
      once.check(code.line, row.line, 'hs_code_as_published', `line ${code.line}`);
      const mfn = row.get('mfn');
      const saarc = row.get('saarc');
      if (mfn === null) summary.withoutMfn.push(code.line);
      const base = { year: options.year, reporter: NEPAL, line: code.line, hs6: code.hs6, edition: EDITION } as const;
      const full = batches.push(
        'tariffs',
        { ...base, regime: 'mfn', scheme: null, rate: mfn },
        { ...base, regime: 'pref', scheme: 'SAFTA', rate: saarc },
      );
      if (full) yield full;
    }
  }
  const members = batches.push('schemes', ...SAFTA_MEMBERS);
  if (members) yield members;
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  return summary;
}
