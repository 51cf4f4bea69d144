import { InputError } from '../../../domain/errors.ts';
import { isHsEdition, HS_EDITIONS, type HsEdition } from '../../../domain/moratorium/hs.ts';
import type { SchemeMember, TariffLine, TariffRegime } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable, type Table } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { cell } from '../fields.ts';
import { lineCell, rateCell, TradeBatcher } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';

/** Who is entitled to a scheme: ISO3 codes (each with its years if known), or the id of a stored group. */
export type SchemeMembersConfig = (string | { partner: string; from?: number | null; to?: number | null })[] | string;

/**
 * How to read a national tariff schedule published as CSV: whose it is, for which year and edition, which
 * column holds what, and who is entitled to each preference column.
 * @example { "reporter": "KEN", "year": 2024, "edition": "HS2022", "columns": { "line": "HS Code", "mfn": "Duty", "schemes": { "EAC": "EAC rate" } }, "schemeMembers": { "EAC": ["UGA", "TZA"] } }
 */
export interface TariffConfig {
  reporter: string;
  year: number;
  edition: HsEdition;
  columns: {
    line: string;
    description: string | null;
    mfn: string | null;
    bound: string | null;
    /** Scheme id → column of its preferential rate. */
    schemes: Record<string, string>;
  };
  schemeMembers: Record<string, SchemeMembersConfig>;
  /** The CSV delimiter (",", ";", tab, or "auto"); "," by default. */
  delimiter: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks a tariff configuration (`<name>.tariff.json`); every problem is an InputError naming the
 * configuration file and the JSON field.
 */
export function parseTariffConfig(text: string, file: string): TariffConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`not JSON: ${error instanceof Error ? error.message : String(error)}`, { file });
  }
  const fail = (field: string, reason: string): never => {
    throw new InputError(reason, { file, field });
  };
  if (!isObject(json)) return fail('(root)', 'expected a JSON object');
  const known = new Set(['reporter', 'year', 'edition', 'columns', 'schemeMembers', 'delimiter', 'source', 'note']);
  for (const key of Object.keys(json)) if (!known.has(key)) fail(key, `unknown field; known: ${[...known].join(', ')}`);

  const reporter = json.reporter;
  if (typeof reporter !== 'string' || !/^[A-Z]{3}$/.test(reporter)) fail('reporter', 'expected the ISO3 code of the reporting country, e.g. "KEN"');
  const year = json.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) fail('year', 'expected the tariff year, e.g. 2024');
  const edition = json.edition;
  if (typeof edition !== 'string' || !isHsEdition(edition)) fail('edition', `expected one of ${HS_EDITIONS.join(', ')}`);
  const delimiter = json.delimiter ?? ',';
  if (typeof delimiter !== 'string' || !(delimiter.length === 1 || delimiter === 'auto')) fail('delimiter', 'expected one character, or "auto"');

  const columns = json.columns;
  if (!isObject(columns)) return fail('columns', 'expected an object naming the columns: { "line": …, "mfn": …, "bound": …, "schemes": { … } }');
  const knownColumns = new Set(['line', 'description', 'mfn', 'bound', 'schemes']);
  for (const key of Object.keys(columns)) if (!knownColumns.has(key)) fail(`columns.${key}`, `unknown column role; known: ${[...knownColumns].join(', ')}`);
  const name = (key: string, required: boolean): string | null => {
    const value = columns[key];
    if (value === undefined || value === null) return required ? fail(`columns.${key}`, 'missing: the header of the column') : null;
    if (typeof value !== 'string' || value.trim() === '') return fail(`columns.${key}`, 'expected the header of a column');
    return value;
  };
  const schemes: Record<string, string> = {};
  const rawSchemes = columns.schemes ?? {};
  if (!isObject(rawSchemes)) fail('columns.schemes', 'expected an object: scheme id → column header');
  for (const [scheme, column] of Object.entries(rawSchemes as Record<string, unknown>)) {
    if (scheme.trim() === '') fail('columns.schemes', 'a scheme id is empty');
    if (typeof column !== 'string' || column.trim() === '') fail(`columns.schemes.${scheme}`, 'expected the header of a column');
    schemes[scheme] = column as string;
  }
  const config: TariffConfig = {
    reporter: reporter as string,
    year: year as number,
    edition: edition as HsEdition,
    columns: { line: name('line', true) as string, description: name('description', false), mfn: name('mfn', false), bound: name('bound', false), schemes },
    schemeMembers: {},
    delimiter: delimiter as string,
  };
  if (config.columns.mfn === null && config.columns.bound === null && Object.keys(schemes).length === 0) {
    fail('columns', 'no rate column: give "mfn", "bound" or "schemes"');
  }

  const members = json.schemeMembers ?? {};
  if (!isObject(members)) return fail('schemeMembers', 'expected an object: scheme id → ISO3 codes or a group id');
  for (const [scheme, list] of Object.entries(members)) {
    const field = `schemeMembers.${scheme}`;
    if (!(scheme in schemes)) fail(field, `no column gives the rates of "${scheme}" (columns.schemes has ${Object.keys(schemes).join(', ') || 'none'})`);
    if (typeof list === 'string') {
      if (list.trim() === '') fail(field, 'expected ISO3 codes or a group id');
      config.schemeMembers[scheme] = list;
      continue;
    }
    if (!Array.isArray(list)) return fail(field, 'expected an array of ISO3 codes, or the id of a stored group');
    config.schemeMembers[scheme] = list.map((m: unknown, i) => {
      const at = `${field}[${i}]`;
      if (typeof m === 'string') {
        if (!/^[A-Z]{3}$/.test(m)) fail(at, `not an ISO3 code: ${JSON.stringify(m)}`);
        return m;
      }
      if (!isObject(m) || typeof m.partner !== 'string' || !/^[A-Z]{3}$/.test(m.partner)) {
        return fail(at, 'expected an ISO3 code or { "partner": "UGA", "from": 2005, "to": null }');
      }
      const years = ['from', 'to'].map((k) => {
        const v = m[k];
        if (v === undefined || v === null) return null;
        if (typeof v !== 'number' || !Number.isInteger(v)) return fail(`${at}.${k}`, 'expected a year or null');
        return v;
      });
      return { partner: m.partner, from: years[0] ?? null, to: years[1] ?? null };
    });
  }
  for (const scheme of Object.keys(schemes)) {
    if (!(scheme in config.schemeMembers)) fail(`schemeMembers.${scheme}`, `missing: who is entitled to "${scheme}" (ISO3 codes or a group id)`);
  }
  return config;
}

export interface NationalTariffSummary {
  rows: number;
  tariffs: number;
  /** Rows without a line code, or with a heading's 2 to 5 digits: left out. */
  headings: number;
  schemes: number;
  /** Schemes named by a group the store does not know or that has no members in the year. */
  emptySchemes: string[];
}

/**
 * Reads a national tariff schedule CSV as its configuration describes it: one MFN, bound and preferential
 * rate per national line ("10", "10%", "Free" = 0; a blank cell is no rate). Heading rows (no code, or fewer
 * than 6 digits) are left out; the members of each scheme come from the configuration.
 * @example await writeTradeBatches(readNationalTariff(chunks, file, config, context), writer)
 */
export async function* readNationalTariff(
  input: Chunks,
  file: string,
  config: TariffConfig,
  context: TradeContext,
  options: BatchOptions = {},
): AsyncGenerator<TradeBatch, NationalTariffSummary> {
  const batches = new TradeBatcher(options);
  const summary: NationalTariffSummary = { rows: 0, tariffs: 0, headings: 0, schemes: 0, emptySchemes: [] };
  const { reporter, year, edition } = config;
  let rateCols: { regime: TariffRegime; scheme: string | null; index: number; name: string }[] = [];
  const once = new Set<string>();
  const spec = columns({ line: { header: config.columns.line, required: true } });
  // The line column first, then the rate columns the configuration names, each required.
  const onHeader = ({ header }: Table<typeof spec.spec>) => {
    const col = (regime: TariffRegime, scheme: string | null, name: string | null) => {
      if (name !== null) rateCols.push({ regime, scheme, index: header.require(name), name });
    };
    rateCols = [];
    col('mfn', null, config.columns.mfn);
    col('bound', null, config.columns.bound);
    for (const [scheme, name] of Object.entries(config.columns.schemes)) col('pref', scheme, name);
  };

  for await (const rows of readTable(input, file, spec, { delimiter: config.delimiter, onHeader })) {
    for (const row of rows) {
      summary.rows++;
      const code = row.text('line');
      if (code === '' || /^[\d.\s-]+$/.test(code) && code.replace(/\D/g, '').length < 6) {
        summary.headings++;
        continue;
      }
      const { line: national, hs6 } = lineCell(code, row.at('line'));
      if (once.has(national)) throw new InputError(`line ${national} is given twice`, row.at('line'));
      once.add(national);
      for (const c of rateCols) {
        const rate = rateCell(cell(row.fields, c.index), { file, line: row.line, field: c.name });
        // A blank preference is no preference; a blank MFN or bound rate is kept as "no ad valorem rate".
        if (rate === null && c.regime === 'pref') continue;
        const tariff: TariffLine = { year, reporter, line: national, hs6, edition, regime: c.regime, scheme: c.scheme, rate };
        const full = batches.push('tariffs', tariff);
        if (full) yield full;
      }
    }
  }
  for (const [scheme, list] of Object.entries(config.schemeMembers)) {
    const rows: SchemeMember[] =
      typeof list === 'string'
        ? context.members(list, year).map((partner) => ({ scheme, partner, from: null, to: null }))
        : list.map((m) => (typeof m === 'string' ? { scheme, partner: m, from: null, to: null } : { scheme, partner: m.partner, from: m.from ?? null, to: m.to ?? null }));
    if (rows.length === 0) summary.emptySchemes.push(scheme);
    for (const row of rows) {
      const full = batches.push('schemes', row);
      if (full) yield full;
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  summary.schemes = batches.counts.schemes;
  return summary;
}
