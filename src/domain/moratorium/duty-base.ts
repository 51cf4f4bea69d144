import { pricingOf, revenueOn, type Estimate, type EstimateRow, type LineFactor, type LineRow } from './estimate.ts';
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
  /** The national line's own rates where the schedule has the line the imports are recorded under; null otherwise. */
  boundLine: number | null;
  mfnLine: number | null;
  appliedLine: number | null;
}

/**
 * The rate of a base line under a measure and roll-up, percent, and whether it is the national line's own rate;
 * rate null without one. Under `line`, the national line's own rate where there is one, else the weighted roll-up.
 * @example rateOf(line, 'applied', 'weighted') // { rate: line.appliedWeighted, byLine: false }
 */
export function rateOf(line: DutyBaseLine, measure: TariffMeasure, rollup: Rollup): { rate: number | null; byLine: boolean } {
  const [own, simple, weighted] =
    measure === 'bound'
      ? [line.boundLine, line.boundSimple, line.boundWeighted]
      : measure === 'mfn'
        ? [line.mfnLine, line.mfnSimple, line.mfnWeighted]
        : [line.appliedLine, line.appliedSimple, line.appliedWeighted];
  if (rollup === 'line' && own !== null) return { rate: own, byLine: true };
  return { rate: rollup === 'simple' ? simple : weighted, byLine: false };
}

const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * A target's duty base indexed once for computing many estimates from it: each base line's (reporter, year,
 * HS6) group and listed line (edition, HS6), each group's reporter-year, in the order first met.
 */
export interface IndexedDutyBase {
  lines: readonly DutyBaseLine[];
  /** Per base line: the index of its (reporter, year, HS6) group in `groups`. */
  groupOf: Int32Array;
  groups: { reporter: string; year: number; hs6: string; row: number }[];
  rows: { reporter: string; year: number }[];
  /** Per base line: the index of its (edition, HS6) in `listed`. */
  listedOf: Int32Array;
  listed: Map<string, number>;
}

/** Indexes a target's duty base (see IndexedDutyBase); estimates of every variant then only add numbers. */
export function indexDutyBase(lines: readonly DutyBaseLine[]): IndexedDutyBase {
  const groupOf = new Int32Array(lines.length);
  const listedOf = new Int32Array(lines.length);
  const groups: IndexedDutyBase['groups'] = [];
  const rows: IndexedDutyBase['rows'] = [];
  const groupIndex = new Map<string, number>();
  const rowIndex = new Map<string, number>();
  const listed = new Map<string, number>();
  lines.forEach((b, i) => {
    const gk = key(b.reporter, b.year, b.hs6);
    let g = groupIndex.get(gk);
    if (g === undefined) {
      const rk = key(b.reporter, b.year);
      let r = rowIndex.get(rk);
      if (r === undefined) {
        rowIndex.set(rk, (r = rows.length));
        rows.push({ reporter: b.reporter, year: b.year });
      }
      groupIndex.set(gk, (g = groups.length));
      groups.push({ reporter: b.reporter, year: b.year, hs6: b.hs6, row: r });
    }
    groupOf[i] = g;
    const lk = key(b.edition, b.hs6);
    let l = listed.get(lk);
    if (l === undefined) listed.set(lk, (l = listed.size));
    listedOf[i] = l;
  });
  return { lines, groupOf, groups, rows, listedOf, listed };
}

/**
 * The estimate over a target's duty base: per reporter, year and HS6 line, then per reporter and year, the
 * same sums the database makes over duty_base (adapters/storage/moratorium-sql.ts `estimateSql`):
 * Σ M × factor × τ × (1 + τ)^ε over the lines in `factors`. Lines of the base not in `factors` are left out.
 */
export function estimateFromBase(
  base: IndexedDutyBase | readonly DutyBaseLine[],
  factors: readonly LineFactor[],
  options: Pick<EstimateOptions, 'tariff' | 'rollup' | 'elasticity'>,
  wanted: { lines: boolean } = { lines: true },
): Estimate {
  const b = 'groupOf' in base ? base : indexDutyBase(base);
  const factorOf = new Float64Array(b.listed.size).fill(NaN);
  for (const f of factors) {
    const l = b.listed.get(key(f.edition, f.hs6));
    if (l !== undefined) factorOf[l] = f.factor;
  }
  const matchOf = new Map<string, LineRow['match']>(factors.map((f) => [f.hs6, f.match]));
  const { tariff, rollup, elasticity } = options;

  // Per group; a group of lines none of which is listed stays unseen and is left out.
  const n = b.groups.length;
  const seen = new Uint8Array(n);
  const tariffYear = new Float64Array(n).fill(NaN);
  const imports = new Float64Array(n);
  const rated = new Float64Array(n);
  const revenue = new Float64Array(n);
  const rateTimesImports = new Float64Array(n);
  const rateSum = new Float64Array(n);
  const rateCells = new Float64Array(n);
  const byLineUsd = new Float64Array(n);
  for (let i = 0; i < b.lines.length; i++) {
    const line = b.lines[i] as DutyBaseLine;
    const factor = factorOf[b.listedOf[i] as number] as number;
    if (Number.isNaN(factor)) continue;
    const g = b.groupOf[i] as number;
    seen[g] = 1;
    const year = tariff === 'bound' ? line.boundYear : line.mfnYear;
    if (year !== null && !(year <= (tariffYear[g] as number))) tariffYear[g] = year;
    imports[g] = (imports[g] as number) + line.importsUsd;
    const { rate, byLine } = rateOf(line, tariff, rollup);
    if (rate === null) continue;
    if (byLine) byLineUsd[g] = (byLineUsd[g] as number) + line.importsUsd;
    rated[g] = (rated[g] as number) + line.importsUsd;
    revenue[g] = (revenue[g] as number) + revenueOn(line.importsUsd * factor, rate, elasticity);
    rateTimesImports[g] = (rateTimesImports[g] as number) + line.importsUsd * rate;
    rateSum[g] = (rateSum[g] as number) + rate * line.cells;
    rateCells[g] = (rateCells[g] as number) + line.cells;
  }

  const rows = new Map<number, EstimateRow>();
  const lineRows: LineRow[] = [];
  for (let g = 0; g < n; g++) {
    if (!seen[g]) continue;
    const group = b.groups[g] as IndexedDutyBase['groups'][number];
    let row = rows.get(group.row);
    if (!row) {
      row = { reporter: group.reporter, year: group.year, tariffYear: null, importsUsd: 0, importsRatedUsd: 0, revenueUsd: null, linesWithRate: 0, linesWithoutRate: 0 };
      rows.set(group.row, row);
    }
    const ty = tariffYear[g] as number;
    if (!Number.isNaN(ty) && (row.tariffYear === null || ty > row.tariffYear)) row.tariffYear = ty;
    row.importsUsd += imports[g] as number;
    row.importsRatedUsd += rated[g] as number;
    const cells = rateCells[g] as number;
    if (cells > 0) {
      row.revenueUsd = (row.revenueUsd ?? 0) + (revenue[g] as number);
      row.linesWithRate += 1;
    } else row.linesWithoutRate += 1;
    if (!wanted.lines) continue;
    // As the database's per-line figures: the import-weighted rate, or the plain average with no imports rated.
    const r = rated[g] as number;
    const ratePct = cells === 0 ? null : r > 0 ? (rateTimesImports[g] as number) / r : (rateSum[g] as number) / cells;
    lineRows.push({
      reporter: group.reporter,
      year: group.year,
      hs6: group.hs6,
      importsUsd: imports[g] as number,
      ratePct,
      revenueUsd: cells > 0 ? (revenue[g] as number) : null,
      match: matchOf.get(group.hs6) ?? 'exact',
      pricedByLineUsd: byLineUsd[g] as number,
      pricing: pricingOf(rollup, r, byLineUsd[g] as number, cells > 0),
    });
  }
  const byReporterYear = (a: { reporter: string; year: number }, b: { reporter: string; year: number }) =>
    a.reporter < b.reporter ? -1 : a.reporter > b.reporter ? 1 : a.year - b.year;
  return {
    rows: [...rows.values()].sort(byReporterYear),
    lines: lineRows.sort((a, b) => byReporterYear(a, b) || (a.hs6 < b.hs6 ? -1 : a.hs6 > b.hs6 ? 1 : 0)),
  };
}
