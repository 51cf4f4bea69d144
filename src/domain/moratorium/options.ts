import { InputError } from '../errors.ts';
import { parseYearRange, type YearRange } from '../observation.ts';
import { DEFAULT_LIST, isListId } from './lists.ts';
import { DEFAULT_SHARE_CURRENCY, SHARE_CURRENCIES, type ShareCurrency } from './shares.ts';

/** What VAT/GST is compared on: the import value the duty falls on (duty excluded), or that value plus the duty. */
export const VAT_BASES = ['import-value', 'with-duty'] as const;
export type VatBase = (typeof VAT_BASES)[number];

/** Which rate stands for the duty a country could levy. */
export const TARIFF_MEASURES = ['bound', 'mfn', 'applied'] as const;
export type TariffMeasure = (typeof TARIFF_MEASURES)[number];

/** Customs value of carrier media bearing software: the whole declared value, or the medium only (1984 decision). */
export const VALUATIONS = ['content', 'carrier'] as const;
export type Valuation = (typeof VALUATIONS)[number];

/**
 * How imports are priced from national 8/10-digit tariff lines: `line`, each national line at its own rate where
 * the imports and the schedule share the line, else the HS6 import-weighted roll-up; `weighted`, the HS6
 * import-weighted average everywhere; `simple`, the HS6 simple average everywhere (kept for comparison).
 */
export const ROLLUPS = ['line', 'weighted', 'simple'] as const;
export type Rollup = (typeof ROLLUPS)[number];

/** How each roll-up is named in downloads. */
export const ROLLUP_LABELS: Record<Rollup, string> = {
  line: 'national line at its own rate, HS6 import-weighted average where trade and tariff lines do not match',
  weighted: 'HS6 import-weighted average',
  simple: 'HS6 simple average',
};

/** Share digitised s(k): one default, overridden per chapter, heading or subheading (longest prefix wins). */
export interface ShareSpec {
  default: number;
  byPrefix: readonly { prefix: string; share: number }[];
}

export interface EstimateOptions {
  list: string;
  tariff: TariffMeasure;
  share: ShareSpec;
  valuation: Valuation;
  /** Under carrier valuation: the medium's share of the declared value of carrier-media lines. */
  carrierShare: number;
  /** Constant import-demand elasticity, zero (static) or negative. */
  elasticity: number;
  rollup: Rollup;
  years: YearRange | null;
  /** The currency revenue shares are computed in (shares.ts). */
  shareCurrency: ShareCurrency;
  /** The base of the VAT/GST comparison. */
  vatBase: VatBase;
}

export const DEFAULT_CARRIER_SHARE = 0.1;

export const DEFAULT_OPTIONS: EstimateOptions = {
  list: DEFAULT_LIST,
  tariff: 'mfn',
  share: { default: 1, byPrefix: [] },
  valuation: 'content',
  carrierShare: DEFAULT_CARRIER_SHARE,
  elasticity: 0,
  rollup: 'line',
  years: null,
  shareCurrency: DEFAULT_SHARE_CURRENCY,
  vatBase: 'import-value',
};

/**
 * s(k) for an HS6 line: the most specific prefix that matches it, else the default.
 * @example shareOf('490110', { default: 1, byPrefix: [{ prefix: '49', share: 0.5 }] }) // 0.5
 */
export function shareOf(hs6: string, spec: ShareSpec): number {
  let best: { prefix: string; share: number } | null = null;
  for (const p of spec.byPrefix) {
    if (hs6.startsWith(p.prefix) && (!best || p.prefix.length > best.prefix.length)) best = p;
  }
  return best ? best.share : spec.default;
}

/** A share written as 0.5, 50% or 1; null when it is not one. */
function parseFraction(text: string): number | null {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(t);
  const value = percent ? Number(percent[1]) / 100 : /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

/**
 * Parses a share specification: "1", "0.6", "60%", or per chapter/heading/line "49:0.5,8523:1" with an
 * optional default "*:0.8" (1 when absent). Returns the reason when it cannot.
 * @example parseShare('49:0.5,*:0.9') // { default: 0.9, byPrefix: [{ prefix: '49', share: 0.5 }] }
 */
export function parseShare(text: string): ShareSpec | string {
  const whole = parseFraction(text);
  if (whole !== null) return { default: whole, byPrefix: [] };
  let fallback = 1;
  const byPrefix: { prefix: string; share: number }[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\*|\d{2}|\d{4}|\d{6})\s*:\s*(.+)$/.exec(part);
    if (!m?.[1] || !m[2]) {
      return `"${part.trim()}" is not a share: give a fraction (0.5, 50%) or pairs like "49:0.5,8523:1,*:0.8" (chapter, heading or HS6 line : fraction)`;
    }
    const share = parseFraction(m[2]);
    if (share === null) return `"${m[2].trim()}" is not a fraction between 0 and 1 (or 0% to 100%)`;
    if (m[1] === '*') fallback = share;
    else byPrefix.push({ prefix: m[1], share });
  }
  return { default: fallback, byPrefix };
}

/** The share specification written back as text, the form parseShare reads. */
export function formatShare(spec: ShareSpec): string {
  if (spec.byPrefix.length === 0) return String(spec.default);
  return [...spec.byPrefix.map((p) => `${p.prefix}:${p.share}`), ...(spec.default !== 1 ? [`*:${spec.default}`] : [])].join(',');
}

/** The assumptions of an estimate as label/value pairs, carried by every download. */
export function describeOptions(o: EstimateOptions): [string, string][] {
  return [
    ['product list', o.list],
    ['tariff measure', o.tariff],
    ['pricing of national lines', ROLLUP_LABELS[o.rollup]],
    ['share digitised', formatShare(o.share)],
    ['valuation', o.valuation === 'content' ? 'content (declared value)' : `carrier medium (${o.carrierShare} of declared value on carrier-media lines)`],
    ['import-demand elasticity', o.elasticity === 0 ? '0 (static)' : String(o.elasticity)],
    ['years', o.years ? `${o.years.from}-${o.years.to}` : 'all'],
    ['revenue shares in', o.shareCurrency === 'local' ? 'local currency (each side at its own year\'s exchange rate)' : 'US dollars'],
    ['VAT/GST base', o.vatBase === 'import-value' ? 'import value (duty excluded)' : 'import value plus duty'],
  ];
}

/** The parameters an estimate reads, as the API, the page and the CLI name them. */
export const ESTIMATE_PARAMS = ['years', 'list', 'tariff', 'share', 'valuation', 'carrier_share', 'elasticity', 'rollup', 'share_currency', 'vat_base'] as const;

function oneOf<T extends string>(values: readonly T[], text: string | undefined, fallback: T, field: string, where: string): T {
  if (text === undefined || text === '') return fallback;
  if ((values as readonly string[]).includes(text)) return text as T;
  throw new InputError(`"${text}" is not one of ${values.join(', ')}`, { file: where, field });
}

/**
 * Reads estimate options from request parameters (or CLI options), each checked: a bad value is an
 * InputError naming the parameter and what it accepts. Absent parameters take the defaults.
 * @example parseEstimateOptions({ tariff: 'applied', elasticity: '-1.5' }, 'GET /api/v1/moratorium/estimate')
 */
export function parseEstimateOptions(params: Readonly<Record<string, string | undefined>>, where: string): EstimateOptions {
  const o: EstimateOptions = { ...DEFAULT_OPTIONS };
  const years = params.years;
  if (years !== undefined && years !== '') {
    const range = parseYearRange(years);
    if (!range) throw new InputError(`"${years}" is not a year or a range of years such as 2019-2022`, { file: where, field: 'years' });
    o.years = range;
  }
  const list = params.list;
  if (list !== undefined && list !== '') {
    if (!isListId(list)) throw new InputError(`"${list}" is not a product list id (lower-case letters, digits, hyphens)`, { file: where, field: 'list' });
    o.list = list;
  }
  o.tariff = oneOf(TARIFF_MEASURES, params.tariff, o.tariff, 'tariff', where);
  o.valuation = oneOf(VALUATIONS, params.valuation, o.valuation, 'valuation', where);
  o.rollup = oneOf(ROLLUPS, params.rollup, o.rollup, 'rollup', where);
  o.shareCurrency = oneOf(SHARE_CURRENCIES, params.share_currency, o.shareCurrency, 'share_currency', where);
  o.vatBase = oneOf(VAT_BASES, params.vat_base, o.vatBase, 'vat_base', where);
  if (params.share !== undefined && params.share !== '') {
    const share = parseShare(params.share);
    if (typeof share === 'string') throw new InputError(share, { file: where, field: 'share' });
    o.share = share;
  }
  const carrier = params.carrier_share;
  if (carrier !== undefined && carrier !== '') {
    const value = parseShare(carrier);
    if (typeof value === 'string' || value.byPrefix.length > 0) {
      throw new InputError(`"${carrier}" is not a fraction between 0 and 1 (or 0% to 100%)`, { file: where, field: 'carrier_share' });
    }
    o.carrierShare = value.default;
  }
  const elasticity = params.elasticity;
  if (elasticity !== undefined && elasticity !== '') {
    const e = Number(elasticity);
    if (!/^[-+]?\d+(\.\d+)?$/.test(elasticity.trim()) || !Number.isFinite(e) || e > 0 || e < -20) {
      throw new InputError(`"${elasticity}" is not an import-demand elasticity: give 0 (static) or a negative number down to -20, such as -1.5`, {
        file: where,
        field: 'elasticity',
      });
    }
    o.elasticity = e === 0 ? 0 : e;
  }
  return o;
}
