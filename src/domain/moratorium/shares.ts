/**
 * Revenue shares: the duty an estimate finds as a share of customs or government revenue, with the currency,
 * years and exchange rates it was computed in.
 *
 * Duties come from imports in US dollars of the trade year; the revenue series (World Bank shares of GDP ×
 * GDP in US dollars) come from the latest year with all inputs, often several years earlier. Divided in US
 * dollars, the share mixes two exchange rates: a currency that fell between the two years makes the duty
 * look smaller than it is against the country's own revenue. In local currency (the default) both sides
 * are converted back at the rate of their own year (World Bank PA.NUS.FCRF, LCU per US dollar, period
 * average), so only the years differ, and the answer says by how much.
 */

/** The currency a share is computed in: the country's own (default) or US dollars. */
export const SHARE_CURRENCIES = ['local', 'usd'] as const;
export type ShareCurrency = (typeof SHARE_CURRENCIES)[number];

export const DEFAULT_SHARE_CURRENCY: ShareCurrency = 'local';

/** The exchange-rate series shares use: local currency units per US dollar, period average. */
export const FX_INDICATOR = 'PA.NUS.FCRF';
export const FX_SOURCE = 'World Bank WDI PA.NUS.FCRF (official exchange rate, LCU per US$, period average)';

/** Years apart beyond which a share is flagged: the duty and the revenue are then not of comparable years. */
export const MAX_YEARS_APART = 1;

/** An exchange rate, local currency units per US dollar, with the year it is the average of. */
export interface FxRate {
  rate: number;
  year: number;
}

/** How a share was computed: in which currency, from which years, at which exchange rates. */
export interface ShareBasis {
  /** The currency actually used: 'usd' also when local was asked for but a rate is missing (`fallback` says why). */
  currency: ShareCurrency;
  dutyYear: number;
  revenueYear: number;
  /** The rate the duty was converted at (latest not after the trade year, as the trade import converts); null in US dollars. */
  dutyFx: FxRate | null;
  /** The rate of the revenue's own year; null in US dollars. */
  revenueFx: FxRate | null;
  yearsApart: number;
  /** True when the duty's and the revenue's years differ by more than MAX_YEARS_APART. */
  yearsWarning: boolean;
  /** Why local currency could not be used, when it was asked for. */
  fallback: string | null;
}

export interface RevenueShare {
  /** Duty / revenue (0–1), or null when the revenue is unknown or zero. */
  share: number | null;
  basis: ShareBasis | null;
}

/**
 * The duty as a share of a revenue figure. `fx(year, exact)` gives the rate of that year (exact) or of the
 * latest year not after it; in local currency, the duty is converted at the latest rate not after its year
 * and the revenue at the rate of its own year (the one its GDP in US dollars was converted at). Without
 * either rate, the share falls back to US dollars and says why.
 * @example revenueShare(1e6, 2026, { value: 2e8, year: 2021 }, fx, 'local') // share = 1e6 × 139.12 / (2e8 × 118.13)
 */
export function revenueShare(
  dutyUsd: number | null,
  dutyYear: number,
  revenue: { value: number; year: number } | null,
  fx: (year: number, exact: boolean) => FxRate | null,
  currency: ShareCurrency,
): RevenueShare {
  if (dutyUsd === null || !revenue || !(revenue.value > 0)) return { share: null, basis: null };
  const yearsApart = Math.abs(dutyYear - revenue.year);
  const common = { dutyYear, revenueYear: revenue.year, yearsApart, yearsWarning: yearsApart > MAX_YEARS_APART };
  const usd = (fallback: string | null): RevenueShare => ({
    share: dutyUsd / revenue.value,
    basis: { currency: 'usd', dutyFx: null, revenueFx: null, fallback, ...common },
  });
  if (currency === 'usd') return usd(null);
  const dutyFx = fx(dutyYear, false);
  const revenueFx = fx(revenue.year, true);
  if (!dutyFx) return usd(`no ${FX_INDICATOR} rate in or before ${dutyYear}`);
  if (!revenueFx) return usd(`no ${FX_INDICATOR} rate for ${revenue.year}`);
  return {
    share: (dutyUsd * dutyFx.rate) / (revenue.value * revenueFx.rate),
    basis: { currency: 'local', dutyFx, revenueFx, fallback: null, ...common },
  };
}

/**
 * A rate lookup over one country's series (year → LCU per US dollar): the rate of a year, or of the latest
 * year not after it (at most ten years back) when `exact` is false.
 */
export function fxLookup(series: ReadonlyMap<number, number> | undefined): (year: number, exact: boolean) => FxRate | null {
  return (year, exact) => {
    if (!series) return null;
    for (let y = year; y >= (exact ? year : year - 10); y--) {
      const rate = series.get(y);
      if (rate !== undefined && rate > 0) return { rate, year: y };
    }
    return null;
  };
}

/** A basis in one English line, for downloads and the command line. */
export function basisText(b: ShareBasis | null): string {
  if (!b) return '';
  const years = b.dutyYear === b.revenueYear ? `${b.dutyYear}` : `duty ${b.dutyYear}, revenue ${b.revenueYear}`;
  const rates = b.currency === 'local' && b.dutyFx && b.revenueFx
    ? `; LCU per US$ ${b.dutyFx.rate.toFixed(2)} (${b.dutyFx.year}) and ${b.revenueFx.rate.toFixed(2)} (${b.revenueFx.year}), ${FX_SOURCE}`
    : '';
  const warn = b.yearsWarning ? `; warning: the years are ${b.yearsApart} apart` : '';
  return `${b.currency === 'local' ? 'local currency' : 'US dollars'} (${years})${rates}${b.fallback ? `; ${b.fallback}` : ''}${warn}`;
}
