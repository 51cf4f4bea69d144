import { InputError, type InputLocation } from '../../../domain/errors.ts';
import type { HsEdition } from '../../../domain/moratorium/hs.ts';
import { WORLD_PARTNER, type TradeFlow } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable, type Column } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { numberCell, yearOf } from '../fields.ts';
import { hs6Cell, TradeBatcher } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';
import { editionOfClassification, UnCodeResolver, UnknownCodes } from './un-codes.ts';

export interface ComtradeSummary {
  rows: number;
  flows: number;
  editions: HsEdition[];
  years: number[];
  /** Country codes neither M49, a known Comtrade code nor given with an ISO3 code: their rows are left out. */
  unknownCodes: UnknownCodes;
  /** Rows left out by design: exports and re-exports, totals and chapters, breakdowns by customs procedure or transport. */
  skipped: number;
}

function newSummary(): ComtradeSummary {
  return { rows: 0, flows: 0, editions: [], years: [], unknownCodes: new UnknownCodes(), skipped: 0 };
}

/** What one Comtrade row says, whichever layout it came in; strings as the source wrote them. */
interface ComtradeRow {
  classification: string;
  year: string;
  /** The period (YYYY for annual data, YYYYMM for monthly). */
  period: string;
  /** "A" or "M" in Comtrade Plus; derived from the period in the legacy layout. */
  frequency: string | null;
  /** Imports are 1 (legacy) or "M" (Comtrade Plus). */
  flow: string;
  reporterCode: string;
  reporterIso: string;
  partnerCode: string;
  partnerIso: string;
  commodity: string;
  value: string;
  /** Net weight in kg, for a quantity in tonnes as BACI gives it. */
  netWeight: string;
  /** Breakdown codes of Comtrade Plus: a row is a total only when all are their "total" codes. */
  partner2: string;
  customs: string;
  transport: string;
}

/** Turns rows into flows: codes resolved once each, totals and non-import rows left out. */
class ComtradeRows {
  readonly summary = newSummary();
  private readonly codes: UnCodeResolver;
  private readonly editions = new Set<HsEdition>();
  private readonly years = new Set<number>();
  /** Per reporter, year, edition and product: the World row's value and the sum of the partner rows. */
  private readonly cells = new Map<string, { world: number | null; partners: number }>();

  constructor(context: TradeContext) {
    this.codes = new UnCodeResolver(context);
  }

  /** The flow of a row, or null when the row is not an import of one HS6 product from one partner. */
  flow(row: ComtradeRow, at: (field: string) => InputLocation, fields: Record<keyof ComtradeRow, string>): TradeFlow | null {
    this.summary.rows++;
    const flow = row.flow.trim();
    if (flow !== '1' && flow !== 'M') {
      this.summary.skipped++;
      return null;
    }
    const breakdown = [row.partner2, row.customs, row.transport].map((s) => s.trim());
    if (!['', '0'].includes(breakdown[0] ?? '') || !['', 'C00'].includes(breakdown[1] ?? '') || !['', '0'].includes(breakdown[2] ?? '')) {
      this.summary.skipped++;
      return null;
    }
    const commodity = row.commodity.trim();
    // Totals ("TOTAL"), chapters and headings are aggregates of the 6-digit rows of the same file.
    if (!/^\d{5,6}$/.test(commodity)) {
      this.summary.skipped++;
      return null;
    }
    const hs6 = hs6Cell(commodity, at(fields.commodity));
    const edition = editionOfClassification(row.classification);
    if (edition === null) {
      throw new InputError(`not an HS classification: ${JSON.stringify(row.classification.trim())} (expected H0 to H6)`, at(fields.classification));
    }
    const frequency = row.frequency?.trim() ?? '';
    const period = row.period.trim();
    if ((frequency !== '' && frequency !== 'A') || /^\d{6}$/.test(period)) {
      throw new InputError(`monthly data (period ${JSON.stringify(period)}): only annual data can be imported`, at(fields.period));
    }
    const year = yearOf(row.year) ?? yearOf(period);
    if (year === null) throw new InputError(`not a year: ${JSON.stringify(row.year.trim())}`, at(fields.year));
    const reporter = this.country(row.reporterCode, row.reporterIso);
    const partner = this.country(row.partnerCode, row.partnerIso);
    if (reporter === null || partner === null || reporter === WORLD_PARTNER) {
      if (reporter === null || reporter === WORLD_PARTNER) this.summary.unknownCodes.add(label(row.reporterCode, row.reporterIso));
      if (partner === null) this.summary.unknownCodes.add(label(row.partnerCode, row.partnerIso));
      return null;
    }
    const value = numberCell(row.value.trim(), at(fields.value));
    if (value === null || value <= 0) {
      this.summary.skipped++;
      return null;
    }
    const weight = numberCell(row.netWeight.trim(), at(fields.netWeight));
    this.editions.add(edition);
    this.years.add(year);
    const key = `${reporter}\t${year}\t${edition}\t${hs6}`;
    const cellSums = this.cells.get(key) ?? { world: null, partners: 0 };
    this.cells.set(key, cellSums);
    if (partner === WORLD_PARTNER) {
      if (cellSums.world !== null) throw new InputError(`imports of ${hs6} by ${reporter} in ${year} from the world are given twice`, at(fields.partnerCode));
      cellSums.world = value;
      return null;
    }
    cellSums.partners += value;
    return { year, reporter, partner, line: hs6, hs6, edition, valueUsd: value, quantity: weight === null ? null : weight / 1000 };
  }

  /**
   * The imports from the world not split among recognised partners, under WLD (to which only MFN rates
   * apply): the whole World row when the file has no partner rows for it, else what the partners leave.
   * Keeping both the World row and the partner rows would count the imports twice.
   */
  remainders(): TradeFlow[] {
    const out: TradeFlow[] = [];
    for (const [key, c] of this.cells) {
      if (c.world === null) continue;
      const rest = c.world - c.partners;
      // Partner rows are rounded to the dollar: a difference within that is no remainder.
      if (rest <= Math.max(1, c.world * 1e-9)) continue;
      const [reporter, year, edition, hs6] = key.split('\t') as [string, string, HsEdition, string];
      out.push({ year: Number(year), reporter, partner: WORLD_PARTNER, line: hs6, hs6, edition, valueUsd: rest, quantity: null });
    }
    this.cells.clear();
    return out;
  }

  /** By numeric code first (M49, Comtrade's own); else the ISO3 code the row gives, unless it is one of Comtrade's placeholders. */
  private country(code: string, iso: string): string | null {
    const byCode = this.codes.iso3(code);
    if (byCode !== null) return byCode;
    const alpha = iso.trim().toUpperCase();
    return /^[A-Z]{3}$/.test(alpha) && !/^(W00|X\w\w|_\w\w)$/.test(alpha) ? alpha : null;
  }

  finish(flows: number): ComtradeSummary {
    this.summary.flows = flows;
    this.summary.editions = [...this.editions].sort();
    this.summary.years = [...this.years].sort((a, b) => a - b);
    return this.summary;
  }
}

function label(code: string, iso: string): string {
  const c = code.trim();
  const i = iso.trim();
  return i && i !== c ? `${c || '(empty)'} ${i}` : c || '(empty)';
}

/** The column of each field in the legacy bulk download (comtrade.un.org, "Trade Value (US$)"). */
const LEGACY: Record<keyof ComtradeRow, string> = {
  classification: 'Classification',
  year: 'Year',
  period: 'Period',
  frequency: '',
  flow: 'Trade Flow Code',
  reporterCode: 'Reporter Code',
  reporterIso: 'Reporter ISO',
  partnerCode: 'Partner Code',
  partnerIso: 'Partner ISO',
  commodity: 'Commodity Code',
  value: 'Trade Value (US$)',
  netWeight: 'Netweight (kg)',
  partner2: '2nd Partner Code',
  customs: 'Customs Proc. Code',
  transport: 'Mode of Transport Code',
};

/** The fields of the Comtrade Plus API's `data` records, which its CSV downloads use as column names. */
const PLUS: Record<keyof ComtradeRow, string> = {
  classification: 'classificationCode',
  year: 'refYear',
  period: 'period',
  frequency: 'freqCode',
  flow: 'flowCode',
  reporterCode: 'reporterCode',
  reporterIso: 'reporterISO',
  partnerCode: 'partnerCode',
  partnerIso: 'partnerISO',
  commodity: 'cmdCode',
  value: 'primaryValue',
  netWeight: 'netWgt',
  partner2: 'partner2Code',
  customs: 'customsCode',
  transport: 'motCode',
};

/** Fields a file must have; the others (breakdowns, weight) are read when present. */
const REQUIRED: readonly (keyof ComtradeRow)[] = ['classification', 'year', 'flow', 'reporterCode', 'partnerCode', 'commodity', 'value'];

/** The columns of a layout: REQUIRED ones must be there; the others are read when present. */
function columnsOf(names: Record<keyof ComtradeRow, string>) {
  const keys = Object.keys(names) as (keyof ComtradeRow)[];
  return columns(Object.fromEntries(keys.map((key) => [key, { header: names[key], required: REQUIRED.includes(key) }])) as Record<keyof ComtradeRow, Column>);
}

const LEGACY_COLUMNS = columnsOf(LEGACY);
const PLUS_COLUMNS = columnsOf(PLUS);

async function* readComtradeCsv(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: BatchOptions,
  names: Record<keyof ComtradeRow, string>,
  spec: ReturnType<typeof columnsOf>,
): AsyncGenerator<TradeBatch, ComtradeSummary> {
  const batches = new TradeBatcher(options);
  const rows = new ComtradeRows(context);
  for await (const records of readTable(input, file, spec)) {
    for (const r of records) {
      const { table, line } = r;
      const row: ComtradeRow = {
        classification: r.text('classification'),
        year: r.text('year'),
        // Without a period column, the year is the period.
        period: r.text(table.has('period') ? 'period' : 'year'),
        frequency: table.has('frequency') ? r.text('frequency') : null,
        flow: r.text('flow'),
        reporterCode: r.text('reporterCode'),
        reporterIso: r.text('reporterIso'),
        partnerCode: r.text('partnerCode'),
        partnerIso: r.text('partnerIso'),
        commodity: r.text('commodity'),
        value: r.text('value'),
        netWeight: r.text('netWeight'),
        partner2: r.text('partner2'),
        customs: r.text('customs'),
        transport: r.text('transport'),
      };
      const flow = rows.flow(row, (field) => ({ file, line, field }), names);
      if (flow) {
        const full = batches.push('flows', flow);
        if (full) yield full;
      }
    }
  }
  for (const flow of rows.remainders()) {
    const full = batches.push('flows', flow);
    if (full) yield full;
  }
  const rest = batches.rest();
  if (rest) yield rest;
  return rows.finish(batches.counts.flows);
}

/**
 * Reads a UN Comtrade bulk download in the legacy layout (`Classification,Year,Period,…,Trade Flow Code,…,
 * Reporter Code,…,Partner Code,…,Commodity Code,…,Trade Value (US$),…`): imports (flow code 1) of 6-digit
 * commodities, partner World (0) as WLD. Codes resolve as M49 or Comtrade's own, else by the ISO column.
 * @example await writeTradeBatches(readComtradeLegacy(chunks, file, context), writer)
 */
export function readComtradeLegacy(input: Chunks, file: string, context: TradeContext, options: BatchOptions = {}): AsyncGenerator<TradeBatch, ComtradeSummary> {
  return readComtradeCsv(input, file, context, options, LEGACY, LEGACY_COLUMNS);
}

/**
 * Reads a Comtrade Plus CSV (the columns of the API's `data` records: typeCode, freqCode, refYear,
 * reporterCode, flowCode, partnerCode, classificationCode, cmdCode, primaryValue …): annual imports ("M")
 * of 6-digit commodities; rows broken down by second partner, customs procedure or transport are left out,
 * their totals being in the file too.
 */
export function readComtradePlusCsv(input: Chunks, file: string, context: TradeContext, options: BatchOptions = {}): AsyncGenerator<TradeBatch, ComtradeSummary> {
  return readComtradeCsv(input, file, context, options, PLUS, PLUS_COLUMNS);
}

/** A scalar of a JSON record as text: numbers as written, null and absent as empty. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The records of a Comtrade Plus JSON answer (`{ "elapsedTime", "count", "data": [ … ], "error": "" }`),
 * checked: an API error message or a body of another shape is an InputError naming `source` (a file or URL).
 */
export function comtradePlusRecords(body: string, source: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new InputError(`not JSON: ${JSON.stringify(body.slice(0, 120))}`, { file: source });
  }
  if (!isObject(parsed)) throw new InputError('expected a JSON object with "data"', { file: source });
  const error = text(parsed.error).trim();
  if (error !== '') throw new InputError(`Comtrade error: ${error}`, { file: source, field: 'error' });
  const data = parsed.data;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new InputError('"data" is not an array', { file: source, field: 'data' });
  return data.map((record: unknown, i) => {
    if (!isObject(record)) throw new InputError(`data[${i}] is not an object`, { file: source, field: 'data' });
    return record;
  });
}

/** Flows of Comtrade Plus records, and what was left out; shared by the JSON file reader and the API client. */
export class ComtradePlusFlows {
  private readonly rows: ComtradeRows;

  constructor(context: TradeContext) {
    this.rows = new ComtradeRows(context);
  }

  /** The flows of one answer's records; errors name `source` and the record's index. */
  flows(records: readonly Record<string, unknown>[], source: string): TradeFlow[] {
    const out: TradeFlow[] = [];
    records.forEach((r, i) => {
      const row = {} as ComtradeRow;
      for (const key of Object.keys(PLUS) as (keyof ComtradeRow)[]) row[key] = text(r[PLUS[key]]);
      if (row.period === '') row.period = row.year;
      for (const key of REQUIRED) {
        if (!(PLUS[key] in r)) throw new InputError(`data[${i}] has no "${PLUS[key]}"`, { file: source, field: PLUS[key] });
      }
      const flow = this.rows.flow(row, (field) => ({ file: source, field: `data[${i}].${field}` }), PLUS);
      if (flow) out.push(flow);
    });
    return out;
  }

  /** The World remainders of every answer read so far (see ComtradeRows.remainders): once, after the last answer. */
  remainders(): TradeFlow[] {
    return this.rows.remainders();
  }

  finish(flows: number): ComtradeSummary {
    return this.rows.finish(flows);
  }
}

/**
 * Reads a Comtrade Plus JSON file (the API's answer saved to disk). The JSON is parsed whole: the API
 * answers at most 100,000 records, which fit in memory.
 */
export async function* readComtradePlusJson(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: BatchOptions = {},
): AsyncGenerator<TradeBatch, ComtradeSummary> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let body = '';
  try {
    for await (const chunk of input) body += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    body += decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new InputError('the file is not UTF-8 text', { file });
    throw error;
  }
  const reader = new ComtradePlusFlows(context);
  const flows = reader.flows(comtradePlusRecords(body.replace(/^\uFEFF/, ''), file), file);
  flows.push(...reader.remainders());
  const size = options.batchSize ?? 5000;
  for (let i = 0; i < flows.length; i += size) yield { flows: flows.slice(i, i + size) };
  return reader.finish(flows.length);
}
