import { InputError, NotFoundError, ParameterError } from '../../domain/errors.ts';
import { parseDesignParams } from '../../domain/moratorium/design.ts';
import { MAX_YEAR, MIN_YEAR } from '../../domain/observation.ts';
import { DEFAULT_OPTIONS, formatShare, parseEstimateOptions, ROLLUPS, TARIFF_MEASURES, VALUATIONS, VAT_BASES, type EstimateOptions } from '../../domain/moratorium/options.ts';
import { SHARE_CURRENCIES } from '../../domain/moratorium/shares.ts';
import type { Reference } from '../services/reference.ts';
import type { EstimateTarget } from '../services/moratorium-results.ts';
import { format, years as commonYears } from './common.ts';
import { parseFormat, type FormatChoice } from './params.ts';
import type { Param, ParseContext } from './question.ts';
import { GROUP_ID, ISO3, string } from './schema.ts';

/** Where a refused parameter is reported from; the message itself names the parameter. */
const WHERE = 'parameter';

/** One estimate option read on its own: absent or empty is the default, as on the page's form. */
function option<K extends keyof EstimateOptions>(key: K, name: string) {
  return (raw: string | undefined): EstimateOptions[K] => parseEstimateOptions({ [name]: raw }, WHERE)[key];
}

/** The country of an estimate, as given; checked with `group` once both are read (see estimateTarget). */
export const country = {
  name: 'country',
  in: 'query',
  description: 'The country whose revenue is estimated: an ISO3 code (case does not matter). Give country or group, not both.',
  schema: string(undefined, { pattern: ISO3 }),
  example: 'NPL',
  parse: (raw: string | undefined) => raw,
} satisfies Param<string | undefined>;

export const group = {
  name: 'group',
  in: 'query',
  description:
    'A group whose members’ revenue is estimated and totalled per year (members on 31 December of each year); WLD for every reporter with imports. ' +
    'Members without imports in the data are listed as "no data", never counted as zero.',
  schema: string(undefined, { pattern: GROUP_ID }),
  example: 'LDC',
  parse: (raw: string | undefined) => raw,
} satisfies Param<string | undefined>;

/** The years of an estimate: the common parameter, read by the estimator's own rule. */
export const years = {
  ...commonYears,
  description:
    `${commonYears.description} A trade period is filed under the calendar year in which it ends (Nepal's FY 2082/83, ` +
    '16 July 2025 to 15 July 2026, under 2026) and found by either calendar year it covers: years=2025 finds FY 2025/26.',
  field: { label: 'moratorium.years', size: 10, inputmode: 'numeric', pattern: '\\s*\\d{0,4}\\s*-?\\s*\\d{0,4}\\s*' },
  parse: option('years', 'years'),
  write: (range) => (range ? `${range.from === MIN_YEAR ? '' : range.from}-${range.to === MAX_YEAR ? '' : range.to}` : ''),
} satisfies Param<EstimateOptions['years']>;

export const list = {
  name: 'list',
  in: 'query',
  description: 'The product list (see /moratorium/lists): digitisable-narrow-hs2022 by default (content really transmitted electronically: films, books, newspapers, music, maps, recorded media, video games); digitisable-hs2022 is the broad list of the studies. Lists are concorded to the HS edition of each reporter’s imports.',
  schema: string(undefined, { pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
  example: 'digitisable-hs2017',
  field: { label: 'moratorium.list' },
  parse: option('list', 'list'),
} satisfies Param<string>;

export const tariff = {
  name: 'tariff',
  in: 'query',
  description:
    'The rate that stands for the duty: "bound" (the WTO ceiling), "mfn" (the MFN applied rate, the default) or "applied" ' +
    '(the lowest preference the partner is entitled to, else MFN).',
  schema: string(undefined, { enum: ['bound', 'mfn', 'applied'] }),
  choices: TARIFF_MEASURES,
  field: { label: 'moratorium.tariff', choiceLabels: 'moratorium.tariffs' },
  parse: option('tariff', 'tariff'),
} satisfies Param<EstimateOptions['tariff']>;

export const share = {
  name: 'share',
  in: 'query',
  description:
    'Share digitised s(k): a fraction for every line ("1", "0.6", "60%"), or per chapter, heading or HS6 line with an optional default ' +
    '("49:0.5,8523:1,*:0.8"; the longest prefix wins). 1 by default.',
  schema: string(),
  example: '49:0.5,*:1',
  field: { label: 'moratorium.share', size: 16 },
  parse: option('share', 'share'),
  write: formatShare,
} satisfies Param<EstimateOptions['share']>;

export const valuation = {
  name: 'valuation',
  in: 'query',
  description:
    'Customs value of carrier media bearing software: "content" (the declared value, the default) or "carrier" (the medium only, ' +
    'as the 1984 decision G/VAL/5 allows, on lines 8523.29, 8523.49 and 8523.80).',
  schema: string(undefined, { enum: ['content', 'carrier'] }),
  choices: VALUATIONS,
  field: { label: 'moratorium.valuation', choiceLabels: 'moratorium.valuations' },
  parse: option('valuation', 'valuation'),
} satisfies Param<EstimateOptions['valuation']>;

export const carrierShare = {
  name: 'carrier_share',
  in: 'query',
  flag: 'carrier-share',
  description: 'Under valuation=carrier, the medium’s share of the declared value of carrier-media lines (0–1 or a percentage); 0.1 by default.',
  schema: string(),
  example: '0.1',
  field: { label: 'moratorium.carrierShare', size: 6, inputmode: 'decimal' },
  parse: option('carrierShare', 'carrier_share'),
  write: String,
} satisfies Param<number>;

export const elasticity = {
  name: 'elasticity',
  in: 'query',
  description:
    'Constant import-demand elasticity ε: 0 (static, the default) or negative down to -20; imports under a duty τ become M × (1 + τ)^ε.',
  schema: { type: 'number', minimum: -20, maximum: 0 },
  example: -1.5,
  field: { label: 'moratorium.elasticity', size: 6, inputmode: 'decimal' },
  parse: option('elasticity', 'elasticity'),
  write: String,
} satisfies Param<number>;

export const rollup = {
  name: 'rollup',
  in: 'query',
  description:
    'How imports are priced from national tariff lines: "line" (the default) prices each national line at its own rate where the imports and the schedule share the line, and rolls up to HS6 by import-weighted average only where they do not; "weighted" uses the HS6 import-weighted average everywhere; "simple" the HS6 simple average, for comparison only. Each line of the answer says how it was priced.',
  schema: string(undefined, { enum: [...ROLLUPS] }),
  choices: ROLLUPS,
  field: { label: 'moratorium.rollup', choiceLabels: 'moratorium.rollups' },
  parse: option('rollup', 'rollup'),
} satisfies Param<EstimateOptions['rollup']>;

export const shareCurrency = {
  name: 'share_currency',
  in: 'query',
  flag: 'share-currency',
  description:
    'The currency of the shares of customs and government revenue: "local" (the default: the duty and the revenue each converted to the ' +
    'country’s currency at the World Bank exchange rate PA.NUS.FCRF of its own year, so that exchange-rate movements between the two years ' +
    'do not enter the share; US dollars where a rate is missing) or "usd" (both in US dollars). Each row gives both years and rates, and warns ' +
    'when the years are more than one apart.',
  schema: string(undefined, { enum: [...SHARE_CURRENCIES] }),
  choices: SHARE_CURRENCIES,
  field: { label: 'moratoriumShares.shareCurrency', choiceLabels: 'moratoriumShares.shareCurrencies' },
  parse: option('shareCurrency', 'share_currency'),
} satisfies Param<EstimateOptions['shareCurrency']>;

export const vatBase = {
  name: 'vat_base',
  in: 'query',
  flag: 'vat-base',
  description:
    'The base of the VAT/GST comparison: "import-value" (the default: the same import value the duty falls on, duty excluded) or ' +
    '"with-duty" (that value plus the duty, as VAT laws tax imported goods).',
  schema: string(undefined, { enum: [...VAT_BASES] }),
  choices: VAT_BASES,
  field: { label: 'moratoriumShares.vatBase', choiceLabels: 'moratoriumShares.vatBases' },
  parse: option('vatBase', 'vat_base'),
} satisfies Param<EstimateOptions['vatBase']>;

export const lines = {
  name: 'lines',
  in: 'query',
  description: 'With true, JSON adds the breakdown per HS6 line, and CSV has one row per reporter, year and line instead of per reporter and year.',
  schema: { type: 'boolean' },
  choices: ['true', 'false'],
  parse(raw: string | undefined): boolean {
    if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
    if (raw === 'true' || raw === '1') return true;
    throw new ParameterError('lines', `expected "true" or "false", got "${raw}"`);
  },
} satisfies Param<boolean>;

/** The estimate's format, which also answers a workbook. */
export const estimateFormat = {
  ...format,
  description:
    `${format.description} With "xlsx", a workbook with the sheets results, lines, assumptions and vintages. ` +
    'Every CSV row repeats the assumptions (list, tariff, rollup, share, valuation, carrier_share, elasticity, years) and the vintages and source.',
  schema: string(undefined, { enum: ['json', 'csv', 'xlsx'] }),
  choices: ['json', 'csv', 'xlsx'],
  parse(raw: string | undefined, ctx: ParseContext): FormatChoice | { format: 'xlsx'; negotiated: false } {
    if (raw?.toLowerCase() === 'xlsx') return { format: 'xlsx', negotiated: false };
    if (raw !== undefined && !['json', 'csv'].includes(raw.toLowerCase())) throw new ParameterError('format', `expected "json", "csv" or "xlsx", got "${raw}"`);
    return parseFormat(raw, ctx.accept);
  },
} satisfies Param<FormatChoice | { format: 'xlsx'; negotiated: false }>;

export const rate = {
  name: 'rate',
  in: 'query',
  required: true,
  description: 'The duty on electronic transmissions, percent ad valorem (0–1000; "10" or "10%").',
  schema: string(undefined, { pattern: '^\\s*\\+?\\d+(\\.\\d+)?\\s*%?\\s*$' }),
  example: '10',
  parse: (raw: string | undefined) => parseDesignParams({ rate: raw }, WHERE).ratePct,
} satisfies Param<number>;

export const base = {
  name: 'base',
  in: 'query',
  description:
    'The value of electronic transmissions the duty falls on, US dollars per year ("1000000", "1 000 000", "1,000,000" or "1e6"). ' +
    'Without it, the imports of the listed lines × share digitised × valuation factor in the latest year with data (404 when there are none).',
  schema: string(),
  example: '1000000',
  parse: (raw: string | undefined) => parseDesignParams({ rate: '0', base: raw }, WHERE).baseUsd,
} satisfies Param<number | undefined>;

/** The parameters every estimate-shaped question reads: the target, then the method's options. */
export const ESTIMATE_OPTIONS = { years, list, tariff, share, valuation, carrier_share: carrierShare, elasticity, rollup, share_currency: shareCurrency, vat_base: vatBase } as const;

/** The options of an estimate from its parameters' values. */
export function estimateOptions(v: { [K in keyof typeof ESTIMATE_OPTIONS]: ReturnType<(typeof ESTIMATE_OPTIONS)[K]['parse']> }): EstimateOptions {
  return {
    ...DEFAULT_OPTIONS,
    years: v.years,
    list: v.list,
    tariff: v.tariff,
    share: v.share,
    valuation: v.valuation,
    carrierShare: v.carrier_share,
    elasticity: v.elasticity,
    rollup: v.rollup,
    shareCurrency: v.share_currency,
    vatBase: v.vat_base,
  };
}

/**
 * The country or group of an estimate: exactly one of the two; a malformed code is refused, an unknown
 * one is not found.
 * @example estimateTarget({ country: 'npl', group: undefined }, ref) // { kind: 'country', id: 'NPL' }
 */
export function estimateTarget(v: { country: string | undefined; group: string | undefined }, ref: Reference): EstimateTarget {
  const country = v.country?.trim().toUpperCase();
  const group = v.group?.trim().toUpperCase();
  if (country && group) throw new InputError('give either country or group, not both', { file: WHERE, field: 'country' });
  if (!country && !group) throw new InputError('give country (an ISO3 code such as NPL) or group (such as LDC)', { file: WHERE, field: 'country' });
  if (country) {
    if (!/^[A-Z]{3}$/.test(country)) throw new InputError(`"${country}" is not an ISO 3166 alpha-3 code`, { file: WHERE, field: 'country' });
    if (!ref.countries.has(country) && !ref.economies.has(country)) throw new NotFoundError(`no country ${country}`);
    return { kind: 'country', id: country };
  }
  if (!ref.groups.has(group as string)) throw new NotFoundError(`no group ${group}`);
  return { kind: 'group', id: group as string };
}

/**
 * The parameters of an estimate with these options, as the API, the page and the CLI name them: the target,
 * then each option written back by its parameter (the carrier share only under carrier valuation).
 * @example estimateQuery({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS) // [['country', 'NPL'], ['list', …], …]
 */
export function estimateQuery(target: EstimateTarget, o: EstimateOptions): [string, string][] {
  const query: [string, string][] = [[target.kind, target.id]];
  if (o.years) query.push(['years', years.write(o.years)]);
  query.push(['list', o.list], ['tariff', o.tariff], ['share', share.write(o.share)], ['valuation', o.valuation]);
  if (o.valuation === 'carrier') query.push(['carrier_share', carrierShare.write(o.carrierShare)]);
  query.push(['elasticity', elasticity.write(o.elasticity)], ['rollup', o.rollup]);
  if (o.shareCurrency !== DEFAULT_OPTIONS.shareCurrency) query.push(['share_currency', o.shareCurrency]);
  if (o.vatBase !== DEFAULT_OPTIONS.vatBase) query.push(['vat_base', o.vatBase]);
  return query;
}
