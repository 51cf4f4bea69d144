import { InputError, type InputLocation } from '../../../domain/errors.ts';
import type { HsEdition } from '../../../domain/moratorium/hs.ts';
import { WORLD_PARTNER, type TariffLine, type TariffRegime } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { readCsvBatches, type Chunks } from '../csv.ts';
import { cell, Header, noHeader, numberCell, yearCell } from '../fields.ts';
import { hs6Cell, TradeBatcher } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';
import { editionOfClassification, UnCodeResolver } from './un-codes.ts';

/**
 * The layouts of WITS tariff downloads read here:
 * - "trains-raw": the TRAINS bulk files of HS6 averages, AVEMFN (`NomenCode,Reporter_ISO_N,Year,ProductCode,
 *   Sum_Of_Rates,Min_Rate,Max_Rate,SimpleAverage,…`) and AVEPref (the same with `Partner` after ProductCode);
 * - "wits-query": the result of a WITS tariff query (`Native Nomen,Reporter,…,Product,…,Partner,Partner Name,
 *   Tariff Year,…,DutyType,Simple Average,…`), one duty type per row (MFN, BND, PRF; AHS is derived and skipped);
 * - "rate-columns": one row per reporter, partner, product and year with the rates as columns (`AVEMFN`,
 *   `AVEPref`, `AVEBound`, or `MFN`, `PRF`, `BND`), and an optional programme column naming the scheme.
 */
export type WitsTariffLayout = 'trains-raw' | 'wits-query' | 'rate-columns';

export interface WitsTariffSummary {
  layout: WitsTariffLayout;
  rows: number;
  tariffs: number;
  schemes: number;
  /** Effectively applied (AHS) rows, left out: the estimator derives them from MFN and preferences. */
  applied: number;
  /** Reporters not recognised, with their rows left out. */
  unknownReporters: string[];
  /** Preference partners (groups) whose members are not known: their rates are stored, entitled to nobody. */
  unknownPartners: string[];
  years: number[];
}

export interface WitsTariffOptions extends BatchOptions {
  /** The HS edition when the file has no nomenclature column. */
  edition?: HsEdition;
}

/** The columns each layout is recognised by, for the error when none matches. */
const EXPECTED =
  'a WITS TRAINS file (NomenCode, Reporter_ISO_N, Year, ProductCode, SimpleAverage, and Partner for AVEPref), ' +
  'a WITS query result (Reporter, Product, Partner, Tariff Year, DutyType, Simple Average) ' +
  'or rate columns (Reporter, Partner, Product, Tariff Year and AVEMFN / AVEPref / AVEBound, or MFN / PRF / BND)';

interface Columns {
  layout: WitsTariffLayout;
  nomen: number;
  reporter: number;
  year: number;
  product: number;
  partner: number;
  partnerName: number;
  dutyType: number;
  rate: number;
  programme: number;
  /** Rate columns of the "rate-columns" layout, by regime. */
  rates: { regime: TariffRegime; index: number; name: string }[];
}

function layoutOf(h: Header): Columns {
  const none = { nomen: -1, partner: -1, partnerName: -1, dutyType: -1, rate: -1, programme: -1, rates: [] };
  const nomen = h.find('NomenCode', 'Native Nomen', 'Nomenclature', 'Nomen');
  if (h.find('Reporter_ISO_N') >= 0 && h.find('SimpleAverage') >= 0) {
    return {
      ...none,
      layout: 'trains-raw',
      nomen,
      reporter: h.require('Reporter_ISO_N'),
      year: h.require('Year'),
      product: h.require('ProductCode'),
      partner: h.find('Partner'),
      rate: h.require('SimpleAverage'),
    };
  }
  const reporter = h.find('Reporter', 'Reporter ISO3', 'Reporter Name', 'ReporterISO3');
  const product = h.find('Product', 'ProductCode', 'Product Code', 'HS6');
  const year = h.find('Tariff Year', 'TariffYear', 'Year');
  const partner = h.find('Partner', 'Partner ISO3', 'PartnerISO3');
  const dutyType = h.find('DutyType', 'Duty Type');
  if (reporter >= 0 && product >= 0 && year >= 0 && dutyType >= 0) {
    return {
      ...none,
      layout: 'wits-query',
      nomen,
      reporter,
      year,
      product,
      partner,
      partnerName: h.find('Partner Name', 'PartnerName'),
      dutyType,
      rate: h.require('Simple Average', 'SimpleAverage', 'Simple Tariff Line Average'),
    };
  }
  const rates: Columns['rates'] = [];
  const rateColumn = (regime: TariffRegime, ...names: string[]) => {
    const index = h.find(...names);
    if (index >= 0) rates.push({ regime, index, name: h.nameAt(index) });
  };
  rateColumn('mfn', 'AVEMFN', 'MFN', 'MFN Rate', 'AVE MFN');
  rateColumn('pref', 'AVEPref', 'PRF', 'Pref', 'Preferential Rate', 'AVE Pref');
  rateColumn('bound', 'AVEBound', 'BND', 'Bound', 'Bound Rate', 'AVE Bound');
  if (reporter >= 0 && product >= 0 && year >= 0 && rates.length > 0) {
    return {
      ...none,
      layout: 'rate-columns',
      nomen,
      reporter,
      year,
      product,
      partner,
      partnerName: h.find('Partner Name', 'PartnerName'),
      programme: h.find('Preference Programme', 'Preference Program', 'Programme', 'Program', 'Scheme', 'Agreement'),
      rates,
    };
  }
  throw new InputError(`not a WITS tariff header: expected ${EXPECTED}`, { file: h.file, line: h.line, field: h.nameAt(0) });
}

/** WITS duty types: BND bound, MFN applied, PRF preferential; AHS (effectively applied) is the lowest of those. */
const DUTY_TYPES: Record<string, TariffRegime | 'applied'> = { MFN: 'mfn', BND: 'bound', PRF: 'pref', AHS: 'applied' };

/** WITS's code for the European Union as a reporter: its schedule is that of every member state. */
const EU_REPORTER = 'EUN';
const EU_GROUP = 'EU';

/** Partner codes of WITS that mean "all partners", under which MFN and bound rates are given. */
const ALL_PARTNERS = new Set(['WLD', '000', '0', '']);

/**
 * Reads a WITS/TRAINS tariff download into tariff lines at HS6 (the simple average of the national lines,
 * as WITS gives it), in one of three layouts (see WitsTariffLayout). MFN rows become the MFN rate, bound rows
 * the bound rate; preferential rows become the rate of a scheme named after the WITS partner (the programme
 * column when the file has one), whose members are the partner: a country, a group the Observatory stores
 * (by its code), or nobody when the group is unknown (reported). Members are entitled from the first tariff
 * year the file gives them the preference.
 * @example await writeTradeBatches(readWitsTariff(chunks, file, context), writer)
 */
export async function* readWitsTariff(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: WitsTariffOptions = {},
): AsyncGenerator<TradeBatch, WitsTariffSummary> {
  const batches = new TradeBatcher(options);
  const codes = new UnCodeResolver(context);
  let cols: Columns | null = null;
  let header: Header | null = null;
  const summary: WitsTariffSummary = {
    layout: 'trains-raw',
    rows: 0,
    tariffs: 0,
    schemes: 0,
    applied: 0,
    unknownReporters: [],
    unknownPartners: [],
    years: [],
  };
  const unknownReporters = new Set<string>();
  const unknownPartners = new Set<string>();
  const years = new Set<number>();
  /** First tariff year of each scheme member, "scheme\tpartner". */
  const members = new Map<string, number>();
  const seen = new Set<string>();

  const reportersOf = (text: string, year: number): string[] => {
    const t = text.trim();
    if (t === EU_REPORTER) return context.members(EU_GROUP, year);
    if (/^\d{1,3}$/.test(t)) {
      const iso3 = codes.iso3(t);
      return iso3 && iso3 !== WORLD_PARTNER ? [iso3] : [];
    }
    if (/^[A-Z]{3}$/.test(t)) return [t];
    const byName = context.iso3OfName(t);
    return byName ? [byName] : [];
  };
  /** The countries a preference partner stands for: one country, a stored group's members, or none. */
  const partnersOf = (code: string, name: string, year: number): string[] => {
    const t = code.trim();
    if (/^\d{1,3}$/.test(t)) {
      const iso3 = codes.iso3(t);
      if (iso3 && iso3 !== WORLD_PARTNER) return [iso3];
    }
    if (t !== '') {
      const group = context.members(t === EU_REPORTER ? EU_GROUP : t, year);
      if (group.length > 0) return group;
      // A three-letter code is a country when its name says so (or no name is given); WITS group codes are three letters too.
      if (/^[A-Z]{3}$/.test(t) && (name === '' || context.iso3OfName(name) === t)) return [t];
    }
    if (name !== '') {
      const group = context.members(name, year);
      if (group.length > 0) return group;
      const byName = context.iso3OfName(name);
      if (byName) return [byName];
    }
    return [];
  };

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (cols === null || header === null) {
        header = new Header(fields, line, file);
        cols = layoutOf(header);
        summary.layout = cols.layout;
        continue;
      }
      summary.rows++;
      const names = header;
      const where = (field: number | string): InputLocation => ({ file, line, field: typeof field === 'string' ? field : names.nameAt(field) });
      const year = yearCell(cell(fields, cols.year), where(cols.year));
      const edition = editionOf(cell(fields, cols.nomen), options.edition, where(cols.nomen >= 0 ? cols.nomen : 'NomenCode'));
      const hs6 = hs6Cell(cell(fields, cols.product), where(cols.product));
      const reporterText = cell(fields, cols.reporter);
      const reporters = reportersOf(reporterText, year);
      if (reporters.length === 0) {
        unknownReporters.add(reporterText || '(empty)');
        continue;
      }
      years.add(year);
      const partnerCode = cell(fields, cols.partner);
      const partnerName = cell(fields, cols.partnerName);

      const entries: { regime: TariffRegime; rate: number | null }[] = [];
      if (cols.layout === 'wits-query') {
        const type = cell(fields, cols.dutyType).toUpperCase();
        const regime = DUTY_TYPES[type];
        if (regime === undefined) {
          throw new InputError(`unknown duty type ${JSON.stringify(type)}: expected MFN, BND, PRF or AHS`, where(cols.dutyType));
        }
        if (regime === 'applied') {
          summary.applied++;
          continue;
        }
        entries.push({ regime, rate: rateOf(cell(fields, cols.rate), where(cols.rate)) });
      } else if (cols.layout === 'trains-raw') {
        const pref = cols.partner >= 0 && !ALL_PARTNERS.has(partnerCode);
        entries.push({ regime: pref ? 'pref' : 'mfn', rate: rateOf(cell(fields, cols.rate), where(cols.rate)) });
      } else {
        for (const r of cols.rates) {
          const text = cell(fields, r.index);
          if (text === '' || text.toUpperCase() === 'NA') continue;
          entries.push({ regime: r.regime, rate: rateOf(text, where(r.index)) });
        }
      }

      for (const { regime, rate } of entries) {
        let scheme: string | null = null;
        if (regime === 'pref') {
          const programme = cell(fields, cols.programme);
          const named = programme || partnerName || partnerCode;
          if (named === '') throw new InputError('a preferential rate without a partner or programme', where(cols.partner >= 0 ? cols.partner : 'Partner'));
          scheme = cols.layout === 'trains-raw' ? `WITS ${partnerCode}` : named;
          const beneficiaries = partnersOf(partnerCode, partnerName, year);
          if (beneficiaries.length === 0) unknownPartners.add(`${scheme}${partnerCode && partnerCode !== scheme ? ` (${partnerCode})` : ''}`);
          for (const partner of beneficiaries) {
            const key = `${scheme}\t${partner}`;
            const first = members.get(key);
            if (first === undefined || year < first) members.set(key, year);
          }
        }
        for (const reporter of reporters) {
          // A file may give the same rate twice (an MFN row per partner group in a query result): kept once.
          const key = `${reporter}\t${year}\t${hs6}\t${edition}\t${regime}\t${scheme ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const tariff: TariffLine = { year, reporter, line: hs6, hs6, edition, regime, scheme, rate };
          const full = batches.push('tariffs', tariff);
          if (full) yield full;
        }
      }
    }
  }
  if (cols === null) noHeader(file, 'Reporter');
  for (const [key, from] of members) {
    const [scheme, partner] = key.split('\t') as [string, string];
    const full = batches.push('schemes', { scheme, partner, from, to: null });
    if (full) yield full;
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  summary.schemes = batches.counts.schemes;
  summary.unknownReporters = [...unknownReporters].sort();
  summary.unknownPartners = [...unknownPartners].sort();
  summary.years = [...years].sort((a, b) => a - b);
  return summary;
}

/** The edition of a row: its nomenclature cell ("H4"), else the option; an error when neither says it. */
function editionOf(nomen: string, fallback: HsEdition | undefined, where: InputLocation): HsEdition {
  if (nomen !== '') {
    const edition = editionOfClassification(nomen);
    if (edition === null) throw new InputError(`not an HS nomenclature code: ${JSON.stringify(nomen)} (expected H0 to H6)`, where);
    return edition;
  }
  if (fallback) return fallback;
  throw new InputError('the file gives no HS nomenclature (NomenCode "H0" to "H6"): give the edition to the import', where);
}

/** A WITS rate in percent; empty or "NA" when the line has no ad valorem rate. */
function rateOf(text: string, where: InputLocation): number | null {
  const t = text.trim();
  if (t === '' || t.toUpperCase() === 'NA') return null;
  const rate = numberCell(t.replace(/%$/, ''), where);
  if (rate !== null && rate < 0) throw new InputError(`negative rate: ${JSON.stringify(t)}`, where);
  return rate;
}
