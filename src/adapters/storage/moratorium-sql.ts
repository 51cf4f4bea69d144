import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';
import { pricingOf, type Estimate, type EstimateRow, type LineRow } from '../../domain/moratorium/estimate.ts';
import type { HsEdition } from '../../domain/moratorium/hs.ts';
import type { Rollup, TariffMeasure } from '../../domain/moratorium/options.ts';
import type { SqlClient, SqlValue } from './sql.ts';
import type { DutyBaseRequest, EstimateRequest } from './store.ts';

/** Rows of the datasets' latest vintages: what the estimator reads. */
const CURRENT = `(SELECT MAX(id) FROM vintage GROUP BY dataset)`;

/**
 * The key on which a trade line meets a tariff line: the code, with the pairs of zeros that end it after the sixth
 * digit taken off, since a national line ending in 00 is its subheading undivided ("37021000" and the schedule's
 * "3702.10" are the same line). SQL over a column; domain/moratorium/duty-base.ts `lineKey` states it in TypeScript.
 */
export const lineKeySql = (column: string) => `CASE WHEN LENGTH(${column}) > 6 THEN SUBSTR(${column}, 1, 6) || REGEXP_REPLACE(SUBSTR(${column}, 7), '(00)+$', '') ELSE ${column} END`;

/**
 * The duty base: current imports summed per year, reporter, partner, HS6 and national line, each with the rates
 * the estimator may use, so that an estimate is one scan. Rates are given at the national line, where the
 * schedule has the line the imports are recorded under (bound_l, mfn_l, applied_l; null where it does not),
 * and rolled up from the schedule's national lines to HS6 (simple average, and average weighted by the
 * reporter's imports of each national line). The tariff year is the latest not after the imports' year, else
 * the earliest after it; the effectively applied rate is the lowest of MFN and the preferences the partner is
 * entitled to in the imports' year, at each level. Preferences are searched only for the (reporter, partner,
 * year) combinations that occur in the imports and the schemes the reporter's schedule grants, per partner first
 * and then met by the imports' lines, so that the build of millions of import rows stays within memory. The same method, stated in TypeScript, is
 * domain/moratorium/estimate.ts.
 */
export const DUTY_BASE_QUERY = `
WITH flow AS (
  SELECT year, reporter, partner, line, ${lineKeySql('line')} AS line_key, hs6, edition, value_usd FROM trade_flow WHERE vintage_id IN ${CURRENT}
),
tl AS (
  -- Schedules of reporters without imports are never used; leaving them out keeps PostgreSQL's joins small
  -- when a customs union's schedule is stored for each of its members.
  SELECT year, reporter, line, ${lineKeySql('line')} AS line_key, hs6, edition, regime, scheme, rate FROM tariff_line
  WHERE vintage_id IN ${CURRENT} AND reporter IN (SELECT DISTINCT reporter FROM flow)
),
weight AS (
  SELECT reporter, line_key, SUM(value_usd) AS w FROM flow GROUP BY reporter, line_key
),
rates AS (
  SELECT tl.year, tl.reporter, tl.edition, tl.hs6, tl.regime, tl.scheme,
         AVG(tl.rate) AS rate_s,
         CASE WHEN SUM(COALESCE(weight.w, 0)) > 0 THEN SUM(tl.rate * COALESCE(weight.w, 0)) / SUM(COALESCE(weight.w, 0))
              ELSE AVG(tl.rate) END AS rate_w
  FROM tl LEFT JOIN weight ON weight.reporter = tl.reporter AND weight.line_key = tl.line_key
  WHERE tl.rate IS NOT NULL
  GROUP BY tl.year, tl.reporter, tl.edition, tl.hs6, tl.regime, tl.scheme
),
line_rates AS (
  -- A schedule that writes one line twice (as "3702.10" and "37021000") gives it the average of both.
  SELECT year, reporter, edition, hs6, line_key, regime, scheme, AVG(rate) AS rate_l
  FROM tl WHERE rate IS NOT NULL AND line_key IN (SELECT DISTINCT line_key FROM flow)
  GROUP BY year, reporter, edition, hs6, line_key, regime, scheme
),
schedule AS (
  SELECT DISTINCT reporter, CASE WHEN regime = 'bound' THEN 'bound' ELSE 'mfn' END AS kind, year
  FROM tl WHERE regime <> 'pref'
),
flow_year AS (SELECT DISTINCT reporter, year FROM flow),
pick AS (
  SELECT fy.reporter, fy.year, s.kind,
         COALESCE(MAX(s.year) FILTER (WHERE s.year <= fy.year), MIN(s.year) FILTER (WHERE s.year > fy.year)) AS tariff_year
  FROM flow_year fy JOIN schedule s ON s.reporter = fy.reporter
  GROUP BY fy.reporter, fy.year, s.kind
),
member AS (
  SELECT scheme, partner, year_from, year_to FROM scheme_member WHERE vintage_id IN ${CURRENT}
),
cell AS (
  SELECT year, reporter, partner, edition, hs6, line_key, SUM(value_usd) AS value_usd
  FROM flow GROUP BY year, reporter, partner, edition, hs6, line_key
),
granted AS (
  -- The schemes whose preferential rates a reporter's schedule of a year carries: a partner's membership of any
  -- other scheme gives it no rate there, and leaving those out keeps the joins below as small as the preferences.
  SELECT DISTINCT year, reporter, scheme FROM tl WHERE regime = 'pref' AND rate IS NOT NULL
),
entitled AS (
  SELECT DISTINCT c.year, c.reporter, c.partner, pk.tariff_year, m.scheme
  FROM (SELECT DISTINCT year, reporter, partner FROM flow) c
  JOIN pick pk ON pk.reporter = c.reporter AND pk.year = c.year AND pk.kind = 'mfn'
  JOIN member m ON m.partner = c.partner AND (m.year_from IS NULL OR m.year_from <= c.year) AND (m.year_to IS NULL OR c.year <= m.year_to)
  JOIN granted g ON g.reporter = c.reporter AND g.year = pk.tariff_year AND g.scheme = m.scheme
),
best_pref AS (
  -- The lowest preference of each partner, line and year, from the schemes it is entitled to (a few per partner),
  -- joined to the rates on their whole key; the imports then meet it on theirs. Joining the imports to the rates
  -- first would pair each import with every year and scheme of its line's preferences.
  SELECT e.year, e.reporter, e.partner, p.edition, p.hs6, MIN(p.rate_s) AS pref_s, MIN(p.rate_w) AS pref_w
  FROM entitled e
  JOIN rates p ON p.regime = 'pref' AND p.year = e.tariff_year AND p.reporter = e.reporter AND p.scheme = e.scheme
  GROUP BY e.year, e.reporter, e.partner, p.edition, p.hs6
),
best_pref_line AS (
  SELECT e.year, e.reporter, e.partner, p.edition, p.hs6, p.line_key, MIN(p.rate_l) AS pref_l
  FROM entitled e
  JOIN line_rates p ON p.regime = 'pref' AND p.year = e.tariff_year AND p.reporter = e.reporter AND p.scheme = e.scheme
  GROUP BY e.year, e.reporter, e.partner, p.edition, p.hs6, p.line_key
)
SELECT c.year, c.reporter, c.partner, c.edition, c.hs6, c.line_key AS line, c.value_usd,
       pb.tariff_year AS bound_year, b.rate_s AS bound_s, b.rate_w AS bound_w, bl.rate_l AS bound_l,
       pm.tariff_year AS mfn_year, m.rate_s AS mfn_s, m.rate_w AS mfn_w, ml.rate_l AS mfn_l,
       CASE WHEN bp.pref_s IS NULL THEN m.rate_s WHEN m.rate_s IS NULL OR bp.pref_s < m.rate_s THEN bp.pref_s ELSE m.rate_s END AS applied_s,
       CASE WHEN bp.pref_w IS NULL THEN m.rate_w WHEN m.rate_w IS NULL OR bp.pref_w < m.rate_w THEN bp.pref_w ELSE m.rate_w END AS applied_w,
       CASE WHEN bpl.pref_l IS NULL THEN ml.rate_l WHEN ml.rate_l IS NULL OR bpl.pref_l < ml.rate_l THEN bpl.pref_l ELSE ml.rate_l END AS applied_l
FROM cell c
LEFT JOIN pick pb ON pb.reporter = c.reporter AND pb.year = c.year AND pb.kind = 'bound'
LEFT JOIN rates b ON b.regime = 'bound' AND b.scheme = '' AND b.year = pb.tariff_year AND b.reporter = c.reporter AND b.edition = c.edition AND b.hs6 = c.hs6
LEFT JOIN line_rates bl ON bl.regime = 'bound' AND bl.scheme = '' AND bl.year = pb.tariff_year AND bl.reporter = c.reporter AND bl.edition = c.edition
                       AND bl.hs6 = c.hs6 AND bl.line_key = c.line_key
LEFT JOIN pick pm ON pm.reporter = c.reporter AND pm.year = c.year AND pm.kind = 'mfn'
LEFT JOIN rates m ON m.regime = 'mfn' AND m.scheme = '' AND m.year = pm.tariff_year AND m.reporter = c.reporter AND m.edition = c.edition AND m.hs6 = c.hs6
LEFT JOIN line_rates ml ON ml.regime = 'mfn' AND ml.scheme = '' AND ml.year = pm.tariff_year AND ml.reporter = c.reporter AND ml.edition = c.edition
                       AND ml.hs6 = c.hs6 AND ml.line_key = c.line_key
LEFT JOIN best_pref bp ON bp.year = c.year AND bp.reporter = c.reporter AND bp.partner = c.partner AND bp.edition = c.edition AND bp.hs6 = c.hs6
LEFT JOIN best_pref_line bpl ON bpl.year = c.year AND bpl.reporter = c.reporter AND bpl.partner = c.partner AND bpl.edition = c.edition
                            AND bpl.hs6 = c.hs6 AND bpl.line_key = c.line_key
`;

/** The duty_base expression of each measure and roll-up: chosen from this table, never from the request's text. */
const RATE_COLUMN: Record<TariffMeasure, Record<Rollup, string>> = {
  bound: { simple: 'd.bound_s', weighted: 'd.bound_w', line: 'COALESCE(d.bound_l, d.bound_w)' },
  mfn: { simple: 'd.mfn_s', weighted: 'd.mfn_w', line: 'COALESCE(d.mfn_l, d.mfn_w)' },
  applied: { simple: 'd.applied_s', weighted: 'd.applied_w', line: 'COALESCE(d.applied_l, d.applied_w)' },
};

/** The national line's own rate of each measure: the imports priced at it under rollup=line. */
const LINE_COLUMN: Record<TariffMeasure, string> = { bound: 'd.bound_l', mfn: 'd.mfn_l', applied: 'd.applied_l' };

/**
 * The estimate as SQL over duty_base: per reporter, year and line, or per reporter and year only.
 * The reporter-year totals are summed from per-line groups rather than with COUNT(DISTINCT hs6): the distinct
 * aggregates took nearly all of the full sweep's time on DuckDB (5 M rows), grouping per line first about
 * two thirds of it. Without an import response (elasticity 0), (1 + τ)^0 = 1 is left out rather than computed
 * per row. The figures are the same either way (test/storage/moratorium.test.ts).
 */
export function estimateSql(q: EstimateRequest, perLine: boolean): { sql: string; params: SqlValue[] } {
  const rate = `(${RATE_COLUMN[q.measure][q.rollup]})`;
  const pricedByLine = q.rollup === 'line' ? `COALESCE(SUM(CASE WHEN ${LINE_COLUMN[q.measure]} IS NOT NULL THEN d.value_usd END), 0)` : '0';
  const yearCol = q.measure === 'bound' ? 'd.bound_year' : 'd.mfn_year';
  const params: SqlValue[] = [];
  const p = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const values = q.factors
    .map((f) => `(CAST(${p(f.edition)} AS TEXT), CAST(${p(f.hs6)} AS TEXT), CAST(${p(f.factor)} AS DOUBLE PRECISION))`)
    .join(', ');
  const response = q.elasticity === 0 ? '' : ` * POWER(1 + ${rate} / 100.0, CAST(${p(q.elasticity)} AS DOUBLE PRECISION))`;
  const revenue = `d.value_usd * f.factor * (${rate} / 100.0)${response}`;
  const where: string[] = [];
  if (q.reporters) where.push(q.reporters.length ? `d.reporter IN (${q.reporters.map((r) => p(r)).join(', ')})` : 'FALSE');
  if (q.from !== null) where.push(`d.year >= ${p(q.from)}`);
  if (q.to !== null) where.push(`d.year <= ${p(q.to)}`);
  const from = `FROM duty_base d JOIN factor f ON f.edition = d.edition AND f.hs6 = d.hs6
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
GROUP BY d.reporter, d.year, d.hs6`;
  const sql = perLine
    ? `
WITH factor (edition, hs6, factor) AS (VALUES ${values})
SELECT d.reporter AS "reporter", d.year AS "year", d.hs6 AS "hs6",
       MAX(${yearCol}) AS "tariffYear",
       SUM(d.value_usd) AS "importsUsd",
       COALESCE(SUM(CASE WHEN ${rate} IS NOT NULL THEN d.value_usd END), 0) AS "importsRatedUsd",
       SUM(${revenue}) AS "revenueUsd",
       SUM(d.value_usd * ${rate}) AS "rateTimesImports",
       AVG(${rate}) AS "rateAverage",
       ${pricedByLine} AS "pricedByLineUsd",
       CASE WHEN COUNT(${rate}) > 0 THEN 1 ELSE 0 END AS "linesWithRate",
       1 AS "lines"
${from}
ORDER BY d.reporter, d.year, d.hs6`
    : `
WITH factor (edition, hs6, factor) AS (VALUES ${values}),
line AS (
  SELECT d.reporter, d.year, MAX(${yearCol}) AS tariff_year, SUM(d.value_usd) AS imports,
         SUM(CASE WHEN ${rate} IS NOT NULL THEN d.value_usd END) AS rated, SUM(${revenue}) AS revenue, COUNT(${rate}) AS rated_rows
${from}
)
SELECT reporter AS "reporter", year AS "year",
       MAX(tariff_year) AS "tariffYear",
       SUM(imports) AS "importsUsd",
       COALESCE(SUM(rated), 0) AS "importsRatedUsd",
       SUM(revenue) AS "revenueUsd",
       CAST(SUM(CASE WHEN rated_rows > 0 THEN 1 ELSE 0 END) AS INTEGER) AS "linesWithRate",
       CAST(COUNT(*) AS INTEGER) AS "lines"
FROM line
GROUP BY reporter, year
ORDER BY reporter, year`;
  return { sql, params };
}

export interface SqlRow {
  reporter: string;
  year: number;
  hs6?: string;
  tariffYear: number | null;
  importsUsd: number;
  importsRatedUsd: number;
  revenueUsd: number | null;
  /** Per line only. */
  rateTimesImports?: number | null;
  rateAverage?: number | null;
  pricedByLineUsd?: number;
  linesWithRate: number;
  lines: number;
}

export function toEstimateRow(r: SqlRow): EstimateRow {
  return {
    reporter: r.reporter,
    year: Number(r.year),
    tariffYear: r.tariffYear === null ? null : Number(r.tariffYear),
    importsUsd: Number(r.importsUsd),
    importsRatedUsd: Number(r.importsRatedUsd),
    revenueUsd: r.revenueUsd === null ? null : Number(r.revenueUsd),
    linesWithRate: Number(r.linesWithRate),
    linesWithoutRate: Number(r.lines) - Number(r.linesWithRate),
  };
}

export function toLineRow(r: SqlRow, match: (hs6: string) => LineRow['match'], rollup: Rollup): LineRow {
  const rated = Number(r.importsRatedUsd);
  const ratePct =
    r.rateAverage === null || r.rateAverage === undefined
      ? null
      : rated > 0 && r.rateTimesImports !== null && r.rateTimesImports !== undefined
        ? Number(r.rateTimesImports) / rated
        : Number(r.rateAverage);
  return {
    reporter: r.reporter,
    year: Number(r.year),
    hs6: r.hs6 ?? '',
    importsUsd: Number(r.importsUsd),
    ratePct,
    revenueUsd: r.revenueUsd === null ? null : Number(r.revenueUsd),
    match: match(r.hs6 ?? ''),
    pricedByLineUsd: Number(r.pricedByLineUsd ?? 0),
    pricing: pricingOf(rollup, rated, Number(r.pricedByLineUsd ?? 0), ratePct !== null),
  };
}


/**
 * A target's duty base for computing every variant of its estimate in TypeScript (domain/moratorium/duty-base.ts):
 * the listed lines' imports per reporter, year, edition and HS6, summed over the partners that share every
 * rate, with the bound, MFN and applied rates of the national lines and of both roll-ups and the tariff years.
 * One scan of duty_base.
 */
export function dutyBaseSql(q: DutyBaseRequest): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const p = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const lines = [...new Map(q.lines.map((l) => [`${l.edition}|${l.hs6}`, l])).values()];
  const values = lines.map((l) => `(CAST(${p(l.edition)} AS TEXT), CAST(${p(l.hs6)} AS TEXT))`).join(', ');
  const where: string[] = [];
  if (q.reporters) where.push(q.reporters.length ? `d.reporter IN (${q.reporters.map((r) => p(r)).join(', ')})` : 'FALSE');
  if (q.from !== null) where.push(`d.year >= ${p(q.from)}`);
  if (q.to !== null) where.push(`d.year <= ${p(q.to)}`);
  const columns =
    'd.reporter, d.year, d.edition, d.hs6, d.bound_year, d.mfn_year, d.bound_s, d.bound_w, d.mfn_s, d.mfn_w, d.applied_s, d.applied_w, d.bound_l, d.mfn_l, d.applied_l';
  const sql = `
WITH line (edition, hs6) AS (VALUES ${values})
SELECT d.reporter AS "reporter", d.year AS "year", d.edition AS "edition", d.hs6 AS "hs6",
       SUM(d.value_usd) AS "importsUsd", CAST(COUNT(*) AS INTEGER) AS "cells",
       d.bound_year AS "boundYear", d.mfn_year AS "mfnYear",
       d.bound_s AS "boundSimple", d.bound_w AS "boundWeighted", d.mfn_s AS "mfnSimple", d.mfn_w AS "mfnWeighted",
       d.applied_s AS "appliedSimple", d.applied_w AS "appliedWeighted",
       d.bound_l AS "boundLine", d.mfn_l AS "mfnLine", d.applied_l AS "appliedLine"
FROM duty_base d JOIN line l ON l.edition = d.edition AND l.hs6 = d.hs6
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
GROUP BY ${columns}
ORDER BY d.reporter, d.year, d.hs6, d.edition, d.applied_s, d.applied_w, d.applied_l, d.mfn_l, d.bound_l`;
  return { sql, params };
}

type DutyBaseSqlRow = { [K in keyof DutyBaseLine]: K extends 'reporter' | 'edition' | 'hs6' ? string : unknown };

const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toDutyBaseLine(r: DutyBaseSqlRow): DutyBaseLine {
  return {
    reporter: r.reporter,
    year: Number(r.year),
    edition: r.edition as HsEdition,
    hs6: r.hs6,
    importsUsd: Number(r.importsUsd),
    cells: Number(r.cells),
    boundYear: numberOrNull(r.boundYear),
    mfnYear: numberOrNull(r.mfnYear),
    boundSimple: numberOrNull(r.boundSimple),
    boundWeighted: numberOrNull(r.boundWeighted),
    mfnSimple: numberOrNull(r.mfnSimple),
    mfnWeighted: numberOrNull(r.mfnWeighted),
    appliedSimple: numberOrNull(r.appliedSimple),
    appliedWeighted: numberOrNull(r.appliedWeighted),
    boundLine: numberOrNull(r.boundLine),
    mfnLine: numberOrNull(r.mfnLine),
    appliedLine: numberOrNull(r.appliedLine),
  };
}

/** The reads of duty_base: the estimate in SQL, and a target's base for the estimate in TypeScript. Counts its scans. */
export class DutyBaseReader {
  /** Queries over duty_base since the store was opened. */
  scans = 0;

  constructor(private readonly db: SqlClient) {}

  async estimate(request: EstimateRequest): Promise<Estimate> {
    if (request.factors.length === 0) return { rows: [], lines: [] };
    const totals = estimateSql(request, false);
    this.scans += 1;
    const rows = (await this.db.query<SqlRow>(totals.sql, totals.params)).map(toEstimateRow);
    if (!request.lines) return { rows, lines: [] };
    const detail = estimateSql(request, true);
    const matchOf = new Map<string, LineRow['match']>(request.factors.map((f) => [f.hs6, f.match]));
    this.scans += 1;
    const lines = (await this.db.query<SqlRow>(detail.sql, detail.params)).map((r) => toLineRow(r, (hs6) => matchOf.get(hs6) ?? 'exact', request.rollup));
    return { rows, lines };
  }

  async lines(request: DutyBaseRequest): Promise<DutyBaseLine[]> {
    if (request.lines.length === 0) return [];
    const { sql, params } = dutyBaseSql(request);
    this.scans += 1;
    return (await this.db.query<DutyBaseSqlRow>(sql, params)).map(toDutyBaseLine);
  }
}
