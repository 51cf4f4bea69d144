import { concord, type ConcordedCode, type HsEdition, type HsLink } from './hs.ts';
import { CARRIER_MEDIA_LINES, type ProductList } from './lists.ts';
import { shareOf, type EstimateOptions, type Rollup } from './options.ts';
import { entitled, tariffYearFor, type SchemeMember, type TariffLine, type TradeFlow } from './trade.ts';

/** The estimate for one reporter and year. A reporter-year without a single rated line has revenue null ("no data"). */
export interface EstimateRow {
  reporter: string;
  year: number;
  /** The tariff schedule's year used for these imports (see tariffYearFor); null without one. */
  tariffYear: number | null;
  /** Imports of the listed lines, US dollars. */
  importsUsd: number;
  /** Of which on lines with a rate. */
  importsRatedUsd: number;
  revenueUsd: number | null;
  linesWithRate: number;
  linesWithoutRate: number;
}

/** One HS6 line of one reporter and year. */
export interface LineRow {
  reporter: string;
  year: number;
  hs6: string;
  importsUsd: number;
  /** The import-weighted rate applied to this line, percent; null without a rate. */
  ratePct: number | null;
  revenueUsd: number | null;
  /** How the line was reached from the list's edition. */
  match: ConcordedCode['match'];
  /** Imports priced at their national line's own rate (rollup=line), US dollars; the rest is priced by roll-up. */
  pricedByLineUsd: number;
  /** How the rated imports of the line were priced; null without a rate. */
  pricing: Pricing | null;
}

/**
 * How a line's imports were priced: every rated import at its national line's own rate (`line`), by the HS6
 * import-weighted (`weighted`) or simple (`simple`) roll-up, or partly at the national line and partly by the
 * weighted roll-up (`mixed`, where some of the subheading's national lines are not in the schedule).
 */
export type Pricing = 'line' | 'weighted' | 'simple' | 'mixed';

/** The pricing of a line from its rated imports and those priced at the national line. */
export function pricingOf(rollup: Rollup, ratedUsd: number, byLineUsd: number, hasRate: boolean): Pricing | null {
  if (!hasRate) return null;
  if (rollup !== 'line') return rollup;
  if (byLineUsd <= 0) return 'weighted';
  return byLineUsd >= ratedUsd * (1 - 1e-12) ? 'line' : 'mixed';
}

/**
 * The key on which a trade line meets a tariff line: the code without the pairs of zeros that end it after the
 * sixth digit, since a national line ending in 00 is its subheading undivided (the SQL is moratorium-sql.ts `lineKeySql`).
 * @example lineKey('37021000') // '370210'
 */
export function lineKey(code: string): string {
  return code.length > 6 ? code.slice(0, 6) + code.slice(6).replace(/(00)+$/, '') : code;
}

export interface Estimate {
  rows: EstimateRow[];
  lines: LineRow[];
}

/** Factors applied to each HS6 line of an edition: share digitised times the valuation basis. */
export interface LineFactor {
  edition: HsEdition;
  hs6: string;
  factor: number;
  match: ConcordedCode['match'];
}

/**
 * The lines of a list in each trade edition, with the factor s(k) × valuation that multiplies their imports.
 * List codes the concordance does not know are returned too, so that the result can say so.
 */
export function lineFactors(
  list: ProductList,
  editions: Iterable<HsEdition>,
  links: readonly HsLink[],
  options: Pick<EstimateOptions, 'share' | 'valuation' | 'carrierShare'>,
): { factors: LineFactor[]; unmatched: { edition: HsEdition; codes: string[] }[] } {
  const factors: LineFactor[] = [];
  const unmatched: { edition: HsEdition; codes: string[] }[] = [];
  for (const edition of new Set(editions)) {
    const c = concord(list.lines, list.edition, edition, links);
    if (c.unmatched.length) unmatched.push({ edition, codes: c.unmatched });
    for (const code of c.codes) {
      const valuation = options.valuation === 'carrier' && CARRIER_MEDIA_LINES.has(code.code) ? options.carrierShare : 1;
      factors.push({ edition, hs6: code.code, factor: shareOf(code.code, options.share) * valuation, match: code.match });
    }
  }
  return { factors, unmatched };
}

/** Revenue on a dutiable base at a rate (percent), with the import response (1 + t)^ε. */
export function revenueOn(base: number, ratePct: number, elasticity: number): number {
  const t = ratePct / 100;
  return base * t * (elasticity === 0 ? 1 : Math.pow(1 + t, elasticity));
}

const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * HS6 rates of a reporter's tariff lines: the simple average of the national lines' rates, or their
 * average weighted by the reporter's imports of each national line (all years and partners of the trade
 * given; a trade line meets a schedule line by lineKey); lines without a rate are left out, and a subheading whose lines have no imports falls back to
 * the simple average.
 */
export function hs6Rates(
  tariffs: readonly TariffLine[],
  flows: readonly TradeFlow[],
  rollup: 'simple' | 'weighted',
): Map<string, number> {
  const weights = new Map<string, number>();
  if (rollup === 'weighted') {
    for (const f of flows) weights.set(key(f.reporter, lineKey(f.line)), (weights.get(key(f.reporter, lineKey(f.line))) ?? 0) + f.valueUsd);
  }
  const acc = new Map<string, { sum: number; n: number; wsum: number; w: number }>();
  for (const t of tariffs) {
    if (t.rate === null) continue;
    const k = key(t.year, t.reporter, t.edition, t.hs6, t.regime, t.scheme ?? '');
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { sum: 0, n: 0, wsum: 0, w: 0 }));
    a.sum += t.rate;
    a.n += 1;
    const w = weights.get(key(t.reporter, lineKey(t.line))) ?? 0;
    a.wsum += t.rate * w;
    a.w += w;
  }
  const rates = new Map<string, number>();
  for (const [k, a] of acc) rates.set(k, rollup === 'weighted' && a.w > 0 ? a.wsum / a.w : a.sum / a.n);
  return rates;
}

/**
 * The reference implementation of the estimator: Revenue(c, t) = Σ_k M(c, k, t) × τ(c, k, t) × s(k), over
 * the listed lines k, with the valuation basis and import response of the options. Under rollup=line each
 * import is priced at its national line's own rate where the schedule has the line (lineKey), else at the HS6
 * import-weighted roll-up; the import response applies to each national line's own rate. The database computes
 * the same figures in SQL; this version states the method and checks it on small cases.
 */
export function estimate(
  input: { flows: readonly TradeFlow[]; tariffs: readonly TariffLine[]; schemes: readonly SchemeMember[]; links: readonly HsLink[] },
  list: ProductList,
  options: EstimateOptions,
): Estimate {
  const flows = input.flows.filter((f) => !options.years || (f.year >= options.years.from && f.year <= options.years.to));
  const { factors } = lineFactors(list, flows.map((f) => f.edition), input.links, options);
  const factorOf = new Map(factors.map((f) => [key(f.edition, f.hs6), f]));
  const rates = hs6Rates(input.tariffs, input.flows, options.rollup === 'simple' ? 'simple' : 'weighted');
  // The national lines' own rates (several lines of the schedule on one key are averaged).
  const lineAcc = new Map<string, { sum: number; n: number }>();
  for (const t of input.tariffs) {
    if (t.rate === null) continue;
    const k = key(t.year, t.reporter, t.edition, t.hs6, lineKey(t.line), t.regime, t.scheme ?? '');
    const a = lineAcc.get(k) ?? { sum: 0, n: 0 };
    a.sum += t.rate;
    a.n += 1;
    lineAcc.set(k, a);
  }
  const lineRates = new Map([...lineAcc].map(([k, a]) => [k, a.sum / a.n]));

  // Tariff years per reporter and regime ('mfn' serves the applied measure, with preferences of the same year).
  const years = new Map<string, Set<number>>();
  for (const t of input.tariffs) {
    const k = key(t.reporter, t.regime === 'bound' ? 'bound' : 'mfn');
    if (t.regime === 'pref') continue;
    let s = years.get(k);
    if (!s) years.set(k, (s = new Set()));
    s.add(t.year);
  }
  const schemesOf = new Map<string, Set<string>>();
  for (const t of input.tariffs) {
    if (t.regime !== 'pref' || !t.scheme) continue;
    const k = key(t.year, t.reporter, t.edition, t.hs6);
    let s = schemesOf.get(k);
    if (!s) schemesOf.set(k, (s = new Set()));
    s.add(t.scheme);
  }

  // The rate of a flow at one level: the HS6 roll-up, or its national line's own rate.
  const rateAt = (f: TradeFlow, tariffYear: number, get: (regime: string, scheme: string) => number | undefined): number | null => {
    if (options.tariff === 'bound') return get('bound', '') ?? null;
    const mfn = get('mfn', '') ?? null;
    if (options.tariff === 'mfn') return mfn;
    let best = mfn;
    for (const scheme of schemesOf.get(key(tariffYear, f.reporter, f.edition, f.hs6)) ?? []) {
      if (!entitled(input.schemes, scheme, f.partner, f.year)) continue;
      const pref = get('pref', scheme);
      if (pref !== undefined && (best === null || pref < best)) best = pref;
    }
    return best;
  };
  /** The rate of a flow, and whether it is its national line's own rate. */
  const rateFor = (f: TradeFlow, tariffYear: number): { rate: number | null; byLine: boolean } => {
    if (options.rollup === 'line') {
      const own = rateAt(f, tariffYear, (regime, scheme) => lineRates.get(key(tariffYear, f.reporter, f.edition, f.hs6, lineKey(f.line), regime, scheme)));
      if (own !== null) return { rate: own, byLine: true };
    }
    return { rate: rateAt(f, tariffYear, (regime, scheme) => rates.get(key(tariffYear, f.reporter, f.edition, f.hs6, regime, scheme))), byLine: false };
  };

  const rows = new Map<string, EstimateRow>();
  const lines = new Map<string, LineRow & { weighted: number; rated: number; rateSum: number; rateN: number }>();
  for (const f of flows) {
    const factor = factorOf.get(key(f.edition, f.hs6));
    if (!factor) continue;
    const tariffYear = tariffYearFor(f.year, years.get(key(f.reporter, options.tariff === 'bound' ? 'bound' : 'mfn')) ?? []);
    const { rate, byLine } = tariffYear === null ? { rate: null, byLine: false } : rateFor(f, tariffYear);
    const revenue = rate === null ? null : revenueOn(f.valueUsd * factor.factor, rate, options.elasticity);

    const rk = key(f.reporter, f.year);
    let row = rows.get(rk);
    if (!row) {
      rows.set(rk, (row = { reporter: f.reporter, year: f.year, tariffYear, importsUsd: 0, importsRatedUsd: 0, revenueUsd: null, linesWithRate: 0, linesWithoutRate: 0 }));
    }
    row.importsUsd += f.valueUsd;
    if (revenue !== null) {
      row.importsRatedUsd += f.valueUsd;
      row.revenueUsd = (row.revenueUsd ?? 0) + revenue;
    }
    const lk = key(f.reporter, f.year, f.hs6);
    let line = lines.get(lk);
    if (!line) {
      lines.set(lk, (line = { reporter: f.reporter, year: f.year, hs6: f.hs6, importsUsd: 0, ratePct: null, revenueUsd: null, match: factor.match, pricedByLineUsd: 0, pricing: null, weighted: 0, rated: 0, rateSum: 0, rateN: 0 }));
    }
    line.importsUsd += f.valueUsd;
    if (rate !== null && revenue !== null) {
      line.weighted += rate * f.valueUsd;
      line.rated += f.valueUsd;
      line.rateSum += rate;
      line.rateN += 1;
      line.revenueUsd = (line.revenueUsd ?? 0) + revenue;
      if (byLine) line.pricedByLineUsd += f.valueUsd;
    }
  }
  const lineRows: LineRow[] = [];
  for (const l of lines.values()) {
    const { weighted, rated, rateSum, rateN, ...rest } = l;
    // A line's rate is the import-weighted average over its partners (they may pay different preferential
    // rates); with zero imports recorded, the plain average of the rates.
    const ratePct = rateN === 0 ? null : rated > 0 ? weighted / rated : rateSum / rateN;
    lineRows.push({ ...rest, ratePct, pricing: pricingOf(options.rollup, rated, rest.pricedByLineUsd, rateN > 0) });
    const row = rows.get(key(l.reporter, l.year));
    if (row) {
      if (l.revenueUsd === null) row.linesWithoutRate += 1;
      else row.linesWithRate += 1;
    }
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.reporter.localeCompare(b.reporter) || a.year - b.year),
    lines: lineRows.sort((a, b) => a.reporter.localeCompare(b.reporter) || a.year - b.year || a.hs6.localeCompare(b.hs6)),
  };
}

