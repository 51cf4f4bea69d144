import type { IndicatorDef } from '../../domain/indicator.ts';
import type { Lang } from '../../domain/lang.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(LOCALES[lang], options)));
  return f;
}

/**
 * A number with the grouping and decimal marks of the language.
 * @example formatNumber(1234.5, 'fr', 1) // '1 234,5'
 */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  return formatter(lang, { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(value);
}

/**
 * An indicator value as pages show it: percentages with their sign, money and head counts shortened.
 * @example formatValue(36.42, def('percent'), 'en') // '36.4%'
 */
export function formatValue(value: number, def: Pick<IndicatorDef, 'unit' | 'decimals'>, lang: Lang): string {
  switch (def.unit) {
    case 'percent':
      return formatter(lang, { style: 'percent', maximumFractionDigits: def.decimals }).format(value / 100);
    case 'usd':
      return formatter(lang, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(value);
    case 'people':
    case 'count':
      return Math.abs(value) >= 1e6
        ? formatter(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(value)
        : formatNumber(value, lang, 0);
    default:
      return formatNumber(value, lang, def.decimals);
  }
}

/** A share between 0 and 1 as a whole percentage. */
export function formatShare(share: number, lang: Lang): string {
  return formatter(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A date "YYYY-MM-DD" in the language's long form. */
export function formatDate(date: string, lang: Lang): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Money in US dollars as pages show it, shortened. */
export const USD = { unit: 'usd', decimals: 0, higherIsBetter: null } as const;

/**
 * US dollars shortened, as an indicator in US dollars is shown.
 * @example formatUsdShort(1.23e9, 'en') // 'US$1.23bn'
 */
export function formatUsdShort(value: number, lang: Lang): string {
  return formatValue(value, USD, lang);
}

/**
 * A small share as a percentage with three significant digits.
 * @example formatSmallShare(0.000254, 'en') // '0.0254%'
 */
export function formatSmallShare(share: number, lang: Lang): string {
  return formatter(lang, { style: 'percent', maximumSignificantDigits: 3 }).format(share);
}

/**
 * A change against a base case as a signed percentage.
 * @example formatChange(0.705, 'en') // '+70.5%'
 */
export function formatChange(change: number, lang: Lang): string {
  return formatter(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change);
}

/**
 * A rate given in percent, such as a duty or VAT rate.
 * @example formatRatePct(12.5, 'fr') // '12,5 %'
 */
export function formatRatePct(pct: number, lang: Lang): string {
  return formatter(lang, { style: 'percent', maximumFractionDigits: 2 }).format(pct / 100);
}
