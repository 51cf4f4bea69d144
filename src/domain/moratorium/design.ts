/**
 * Duty design: what an ad valorem duty of t on electronic transmissions (or on the listed lines) would
 * raise and cost, now that the moratorium has lapsed.
 *
 * The model: a base B in US dollars (the listed lines' imports × share digitised, or a value of electronic
 * transmissions the user gives) at world prices that the duty does not move (a small importer), full
 * pass-through to the consumer price p = 1 + t, and a constant import-demand elasticity ε ≤ 0, so that
 * imports at world prices are M(p) = B·p^ε. Then
 *
 *   imports after  M₁ = B·(1 + t)^ε
 *   revenue        R  = t·M₁
 *   cost to consumers, the exact loss of consumer surplus under that demand curve:
 *                  C  = ∫₁^{1+t} B·p^ε dp = B·((1 + t)^(ε+1) − 1)/(ε + 1), and B·ln(1 + t) when ε = −1
 *   deadweight loss D = C − R ≥ 0.
 *
 * For small t, D is close to the Harberger triangle ½·t·(B − M₁); the exact form is kept because rates of
 * 20–50% and elasticities below −1 are the cases in question.
 */

import { InputError } from '../errors.ts';

export interface DutySimulation {
  /** The duty, percent ad valorem. */
  ratePct: number;
  elasticity: number;
  /** Imports before the duty, US dollars. */
  baseUsd: number;
  /** Imports after the duty's response, at world prices (the customs value the duty is levied on). */
  importsAfterUsd: number;
  revenueUsd: number;
  /** Consumer surplus lost beyond the revenue. */
  deadweightLossUsd: number;
  /** Consumer surplus lost: revenue + deadweight loss. */
  consumerCostUsd: number;
}

function check(baseUsd: number, ratePct: number, elasticity: number): void {
  if (!Number.isFinite(baseUsd) || baseUsd < 0) throw new RangeError(`the base must be a non-negative number of US dollars, not ${baseUsd}`);
  if (!Number.isFinite(ratePct) || ratePct < 0) throw new RangeError(`the duty must be a non-negative percentage, not ${ratePct}`);
  if (!Number.isFinite(elasticity) || elasticity > 0) throw new RangeError(`the import-demand elasticity must be zero or negative, not ${elasticity}`);
}

/**
 * A duty of `ratePct` percent on a base of `baseUsd` with elasticity ε (see the module's comment).
 * @example simulateDuty(1000, 10, -2) // imports 1000/1.21 = 826.45, revenue 82.64, cost 1000·(1 − 1/1.1) = 90.91
 */
export function simulateDuty(baseUsd: number, ratePct: number, elasticity: number): DutySimulation {
  check(baseUsd, ratePct, elasticity);
  const t = ratePct / 100;
  const e = elasticity === 0 ? 0 : elasticity;
  const importsAfterUsd = e === 0 ? baseUsd : baseUsd * Math.pow(1 + t, e);
  const revenueUsd = importsAfterUsd * t;
  let consumerCostUsd: number;
  if (e === 0) consumerCostUsd = revenueUsd;
  else if (e === -1) consumerCostUsd = baseUsd * Math.log1p(t);
  else consumerCostUsd = (baseUsd * (Math.pow(1 + t, e + 1) - 1)) / (e + 1);
  // The difference of two close numbers can come out a hair below zero; the loss itself never is.
  const deadweightLossUsd = Math.max(0, consumerCostUsd - revenueUsd);
  return { ratePct, elasticity: e, baseUsd, importsAfterUsd, revenueUsd, deadweightLossUsd, consumerCostUsd: revenueUsd + deadweightLossUsd };
}

/**
 * The duty that maximises revenue under elasticity ε, percent: 1/(−ε − 1) when ε < −1 (where
 * dR/dt = B·(1 + t)^(ε−1)·(1 + (1 + ε)·t) is zero). When −1 ≤ ε ≤ 0, revenue rises with the rate without a
 * maximum (it tends to B when ε = −1, and grows without bound above), so there is none: null.
 * @example revenueMaximisingRate(-3) // 50
 */
export function revenueMaximisingRate(elasticity: number): number | null {
  if (!Number.isFinite(elasticity) || elasticity > 0) throw new RangeError(`the import-demand elasticity must be zero or negative, not ${elasticity}`);
  return elasticity < -1 ? 100 / (-elasticity - 1) : null;
}

export interface LafferCurve {
  points: DutySimulation[];
  /** The revenue-maximising rate and its simulation; null when −1 ≤ ε ≤ 0 (revenue keeps rising with the rate). */
  peak: DutySimulation | null;
}

/**
 * The same simulation over a range of rates (the Laffer curve), with the revenue-maximising rate.
 * @example lafferCurve(1000, -2, [0, 50, 100, 200]).peak?.ratePct // 100
 */
export function lafferCurve(baseUsd: number, elasticity: number, ratesPct: readonly number[]): LafferCurve {
  const points = [...ratesPct].sort((a, b) => a - b).map((r) => simulateDuty(baseUsd, r, elasticity));
  const best = revenueMaximisingRate(elasticity);
  return { points, peak: best === null ? null : simulateDuty(baseUsd, best, elasticity) };
}

/**
 * Rates from `from` to `to` percent by `step` (both ends included), for a curve.
 * @example rateRange(0, 20, 5) // [0, 5, 10, 15, 20]
 */
export function rateRange(from: number, to: number, step: number): number[] {
  if (!(step > 0) || !(from >= 0) || !(to >= from)) throw new RangeError(`not a range of rates: ${from} to ${to} by ${step}`);
  const n = Math.floor((to - from) / step + 1e-9);
  if (n > 1000) throw new RangeError(`too many rates: ${n + 1} (at most 1001)`);
  const rates: number[] = [];
  // Multiplying rather than adding keeps 0.1 steps free of accumulated rounding.
  for (let i = 0; i <= n; i++) rates.push(Math.round((from + i * step) * 1e9) / 1e9);
  return rates;
}

/** The parameters of a duty design as forms, the API and the command line give them. */
export interface DesignParams {
  ratePct: number;
  /** The value of electronic transmissions in US dollars; undefined to take the listed lines' imports. */
  baseUsd: number | undefined;
}

/** The highest duty a design accepts, percent: far above any revenue-maximising rate worth showing. */
export const MAX_DUTY_PCT = 1000;

/**
 * Reads a duty rate ("10", "12.5", "10%") and an optional base in US dollars ("1000000", "1 000 000",
 * "1,000,000", "1e6"); a refused value is an InputError naming `rate` or `base`.
 * @example parseDesignParams({ rate: '10%', base: '1 000 000' }, 'x') // { ratePct: 10, baseUsd: 1000000 }
 */
export function parseDesignParams(params: { rate?: string | undefined; base?: string | undefined }, where: string): DesignParams {
  const rateText = (params.rate ?? '').trim();
  if (rateText === '') throw new InputError('give rate, the duty in percent ad valorem, such as 10', { file: where, field: 'rate' });
  const rate = /^\+?\d+(\.\d+)?\s*%?$/.test(rateText) ? Number(rateText.replace('%', '')) : NaN;
  if (!Number.isFinite(rate) || rate > MAX_DUTY_PCT) {
    throw new InputError(`"${params.rate}" is not a duty rate: give a percentage from 0 to ${MAX_DUTY_PCT}, such as 10`, { file: where, field: 'rate' });
  }
  const baseText = (params.base ?? '').trim();
  if (baseText === '') return { ratePct: rate, baseUsd: undefined };
  // Thousands separators as people type them: spaces (any kind), underscores, or commas between groups of three.
  let compact = baseText.replace(/[\s\u00a0\u202f_]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) compact = compact.replace(/,/g, '');
  const base = /^\+?(\d+(\.\d*)?|\.\d+)(e\+?\d+)?$/i.test(compact) ? Number(compact) : NaN;
  if (!Number.isFinite(base)) {
    throw new InputError(`"${params.base}" is not an amount of US dollars: give a non-negative number such as 1000000`, { file: where, field: 'base' });
  }
  return { ratePct: rate, baseUsd: base };
}
