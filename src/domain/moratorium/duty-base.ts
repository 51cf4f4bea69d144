import { revenueOn, type Estimate, type EstimateRow, type LineFactor, type LineRow } from './estimate.ts';
import type { HsEdition } from './hs.ts';
import type { EstimateOptions, Rollup, TariffMeasure } from './options.ts';

/**
 * The duty base of one reporter's imports of one HS6 line in one year and edition, over the partners that
 * share every rate (the effectively applied rate differs only between partners with different
 * preferences): everything any estimate of the line needs, whatever the tariff measure, roll-up, share,
 * valuation or import response. A target's base is read once; every variant is computed from it.
 */
export interface DutyBaseLine {
  reporter: string;
  year: number;
  edition: HsEdition;
  hs6: string;
  /** Imports summed over these partners, US dollars. */
  importsUsd: number;
  /** Duty-base cells (reporter × partner rows) summed here: a line's plain average of rates counts each once. */
  cells: number;
  /** The tariff schedule's year used for bound rates, and for MFN and preferences; null without one. */
  boundYear: number | null;
  mfnYear: number | null;
  /** Rates in percent per measure, rolled up from national lines by simple and import-weighted average. */
  boundSimple: number | null;
  boundWeighted: number | null;
  mfnSimple: number | null;
  mfnWeighted: number | null;
  appliedSimple: number | null;
  appliedWeighted: number | null;
}

/**
 * The rate of a base line under a measure and roll-up, percent; null without one.
 * @example rateOf(line, 'applied', 'weighted') // line.appliedWeighted
 */
export function rateOf(line: DutyBaseLine, measure: TariffMeasure, rollup: Rollup): number | null {
  switch (measure) {
    case 'bound':
      return rollup === 'simple' ? line.boundSimple : line.boundWeighted;
    case 'mfn':
      return rollup === 'simple' ? line.mfnSimple : line.mfnWeighted;
    case 'applied':
      return rollup === 'simple' ? line.appliedSimple : line.appliedWeighted;
  }
}

const key = (...parts: (string | number)[]) => parts.join('|');

interface LineSums {
  reporter: string;
  year: number;
  hs6: string;
  tariffYear: number | null;
  imports: number;
  rated: number;
  revenue: number | null;
  rateTimesImports: number | null;
  rateSum: number;
  rateCells: number;
}

/**
 * The estimate over a target's duty base: per reporter, year and HS6 line, then per reporter and year, the
 * same sums the database makes over duty_base (adapters/storage/moratorium-sql.ts `estimateSql`):
 * Σ M × factor × τ × (1 + τ)^ε over the lines in `factors`. Lines of the base not in `factors` are left out.
 */
export function estimateFromBase(
  base: readonly DutyBaseLine[],
  factors: readonly LineFactor[],
  options: Pick<EstimateOptions, 'tariff' | 'rollup' | 'elasticity'>,
  wanted: { lines: boolean } = { lines: true },
): Estimate {
  const factorOf = new Map(factors.map((f) => [key(f.edition, f.hs6), f.factor]));
  const matchOf = new Map<string, LineRow['match']>(factors.map((f) => [f.hs6, f.match]));
  const { tariff, rollup, elasticity } = options;

  const lines = new Map<string, LineSums>();
  for (const b of base) {
    const factor = factorOf.get(key(b.edition, b.hs6));
    if (factor === undefined) continue;
    const rate = rateOf(b, tariff, rollup);
    const year = tariff === 'bound' ? b.boundYear : b.mfnYear;
    const lk = key(b.reporter, b.year, b.hs6);
    let l = lines.get(lk);
    if (!l) {
      l = { reporter: b.reporter, year: b.year, hs6: b.hs6, tariffYear: null, imports: 0, rated: 0, revenue: null, rateTimesImports: null, rateSum: 0, rateCells: 0 };
      lines.set(lk, l);
    }
    if (year !== null && (l.tariffYear === null || year > l.tariffYear)) l.tariffYear = year;
    l.imports += b.importsUsd;
    if (rate === null) continue;
    l.rated += b.importsUsd;
    l.revenue = (l.revenue ?? 0) + revenueOn(b.importsUsd * factor, rate, elasticity);
    l.rateTimesImports = (l.rateTimesImports ?? 0) + b.importsUsd * rate;
    l.rateSum += rate * b.cells;
    l.rateCells += b.cells;
  }

  const rows = new Map<string, EstimateRow>();
  const lineRows: LineRow[] = [];
  for (const l of lines.values()) {
    const rk = key(l.reporter, l.year);
    let row = rows.get(rk);
    if (!row) {
      row = { reporter: l.reporter, year: l.year, tariffYear: null, importsUsd: 0, importsRatedUsd: 0, revenueUsd: null, linesWithRate: 0, linesWithoutRate: 0 };
      rows.set(rk, row);
    }
    if (l.tariffYear !== null && (row.tariffYear === null || l.tariffYear > row.tariffYear)) row.tariffYear = l.tariffYear;
    row.importsUsd += l.imports;
    row.importsRatedUsd += l.rated;
    if (l.revenue !== null) row.revenueUsd = (row.revenueUsd ?? 0) + l.revenue;
    if (l.rateCells > 0) row.linesWithRate += 1;
    else row.linesWithoutRate += 1;
    if (!wanted.lines) continue;
    // As the database's per-line figures: the import-weighted rate, or the plain average with no imports rated.
    const ratePct = l.rateCells === 0 ? null : l.rated > 0 && l.rateTimesImports !== null ? l.rateTimesImports / l.rated : l.rateSum / l.rateCells;
    lineRows.push({ reporter: l.reporter, year: l.year, hs6: l.hs6, importsUsd: l.imports, ratePct, revenueUsd: l.revenue, match: matchOf.get(l.hs6) ?? 'exact' });
  }
  const byReporterYear = (a: { reporter: string; year: number }, b: { reporter: string; year: number }) =>
    a.reporter < b.reporter ? -1 : a.reporter > b.reporter ? 1 : a.year - b.year;
  return {
    rows: [...rows.values()].sort(byReporterYear),
    lines: lineRows.sort((a, b) => byReporterYear(a, b) || (a.hs6 < b.hs6 ? -1 : a.hs6 > b.hs6 ? 1 : 0)),
  };
}
