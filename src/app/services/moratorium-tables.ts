import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { Vintage } from '../../domain/vintage.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import { formatShare } from '../../domain/moratorium/options.ts';
import type { CsvCell } from './csv.ts';
import { missingText } from '../../domain/moratorium/missing.ts';
import { groupYearMissing, lineMissing, lineProcurement, noDataMissing, procurementCell, procurementLines, reasonCell, rowMissing } from './moratorium-missing.ts';
import type { MergedVatEntry } from '../../domain/moratorium/vat.ts';
import { FX_SOURCE, type ShareBasis } from '../../domain/moratorium/shares.ts';
import type { CountryYear, DutyDesign, EstimateResult, SensitivityRow, VatRow } from './moratorium-results.ts';
import { comparisonRate, type StandardRate } from '../../domain/moratorium/vat-rates.ts';
import { DUTY_FX_HEADER, dutyFxCells, TOTALS_FX_HEADER, totalsFxCells } from './moratorium-fx.ts';

/** A table of an estimate as every download writes it (CSV, XLSX sheet, CLI table). */
export interface Table {
  name: string;
  header: string[];
  rows: CsvCell[][];
}

/** How a row's revenue stands: estimated, imports without any rate, or no imports at all ("no data", never zero). */
export type RowStatus = 'estimated' | 'no rate' | 'no data';

/**
 * The assumptions and sources of an estimate as columns repeated on every row. A CSV stays one rectangular
 * table that spreadsheets, pandas and R read without options, and a row copied, filtered or sorted on its
 * own still says how it was computed and where from; a trailing block would break those readers.
 */
function provenance(result: EstimateResult): { header: string[]; cells: CsvCell[] } {
  const o = result.options;
  return {
    header: ['list', 'list_version', 'list_edition', 'tariff', 'rollup', 'share', 'valuation', 'carrier_share', 'elasticity', 'years', 'share_currency', 'vat_base', 'vintages', 'source'],
    cells: [
      result.list.id,
      result.list.version,
      result.list.edition,
      o.tariff,
      o.rollup,
      formatShare(o.share),
      o.valuation,
      o.valuation === 'carrier' ? o.carrierShare : null,
      o.elasticity,
      o.years ? `${o.years.from}-${o.years.to}` : 'all',
      o.shareCurrency,
      o.vatBase,
      result.vintages.map((v) => v.id).join('+'),
      [...new Set(result.vintages.map((v) => v.source))].join('; '),
    ],
  };
}

/** How the customs share was computed (and the government share's rate), as columns: currency, both exchange rates with their years and source, the years apart. */
const SHARE_BASIS_HEADER = [
  'share_currency_used', 'duty_fx_lcu_per_usd', 'duty_fx_year', 'customs_fx_lcu_per_usd', 'customs_fx_year', 'government_fx_lcu_per_usd', 'government_fx_year',
  'fx_source', 'share_years_apart', 'share_warning',
];
function shareBasisCells(b: ShareBasis | null, g: ShareBasis | null = null): CsvCell[] {
  if (!b) return [null, null, null, null, null, g?.revenueFx?.rate, g?.revenueFx?.year, null, null, null];
  const warning = [b.fallback, b.yearsWarning ? `duty of ${b.dutyYear} against revenue of ${b.revenueYear}: ${b.yearsApart} years apart` : null].filter(Boolean).join('; ');
  return [b.currency, b.dutyFx?.rate, b.dutyFx?.year, b.revenueFx?.rate, b.revenueFx?.year, g?.revenueFx?.rate, g?.revenueFx?.year, b.currency === 'local' ? FX_SOURCE : null, b.yearsApart, warning || null];
}

/** The trade period and the schedule that priced a row, with their dates and the gap (app/services/moratorium-periods.ts). */
const SCHEDULE_HEADER = [
  'period', 'period_gregorian', 'period_from', 'period_to', 'tariff_schedule', 'tariff_schedule_from', 'tariff_schedule_to', 'tariff_match',
  'gap_days', 'gap_months', 'tariff_warning', 'tariff_schedules',
];
const NO_SCHEDULE: CsvCell[] = SCHEDULE_HEADER.map(() => null);
const scheduleCells = (r: CountryYear): CsvCell[] => [
  r.period, r.periodGregorian, r.periodFrom, r.periodTo, r.tariffSchedule, r.tariffScheduleFrom, r.tariffScheduleTo, r.tariffMatch,
  r.gapDays, r.gapMonths, r.tariffWarning, r.tariffSchedules,
];

/**
 * The results table: for a group, one row per year for the group (level "group") before its members' rows;
 * then each country and year; then members without any imports, with status "no data" and empty figures.
 */
export function resultsTable(result: EstimateResult, nameOf: (iso3: string) => string): Table {
  const p = provenance(result);
  const header = [
    'level', 'reporter', 'name', 'year', 'tariff_year', ...SCHEDULE_HEADER, 'imports_usd', 'imports_rated_usd', 'revenue_usd', 'lines_with_rate',
    'lines_without_rate', 'members_with_data', 'members_total', 'customs_revenue_usd', 'customs_revenue_year', 'government_revenue_usd',
    'government_revenue_year', 'share_of_customs', 'share_of_government', ...SHARE_BASIS_HEADER, 'status', 'revenue_missing', 'share_of_customs_missing',
    'share_of_government_missing', ...p.header,
  ];
  const noBasis = shareBasisCells(null);
  const rows: CsvCell[][] = [];
  for (const g of result.groupRows ?? []) {
    const status: RowStatus = g.revenueUsd === null ? 'no data' : 'estimated';
    const why = g.revenueUsd === null ? reasonCell(groupYearMissing(result, g.year)) : null;
    rows.push(['group', result.target.id, result.target.name, g.year, null, ...NO_SCHEDULE, g.importsUsd, null, g.revenueUsd, null, null, g.membersWithData, g.membersTotal,
      null, null, null, null, null, null, ...noBasis, status, why, why, why, ...p.cells]);
  }
  for (const r of result.rows) {
    const status: RowStatus = r.revenueUsd === null ? 'no rate' : 'estimated';
    const why = rowMissing(r, result);
    rows.push([
      'country', r.reporter, r.name, r.year, r.tariffYear, ...scheduleCells(r), r.importsUsd, r.importsRatedUsd, r.revenueUsd, r.linesWithRate, r.linesWithoutRate, null, null,
      r.customsRevenue?.value, r.customsRevenue?.year, r.governmentRevenue?.value, r.governmentRevenue?.year, r.shareOfCustoms, r.shareOfGovernment,
      ...shareBasisCells(r.customsShareBasis, r.governmentShareBasis), status, reasonCell(why.revenueUsd), reasonCell(why.shareOfCustoms), reasonCell(why.shareOfGovernment), ...p.cells,
    ]);
  }
  for (const iso3 of result.noData) {
    const why = reasonCell(noDataMissing(result, iso3));
    rows.push(['country', iso3, nameOf(iso3), null, null, ...NO_SCHEDULE, null, null, null, null, null, null, null, null, null, null, null, null, null, ...noBasis, 'no data', why, why, why, ...p.cells]);
  }
  return { name: 'results', header, rows };
}

/** One row per reporter, year and HS6 line: imports, the rate applied and the revenue, with how the line was concorded. */
export function linesTable(result: EstimateResult, nameOf: (iso3: string) => string): Table {
  const p = provenance(result);
  return {
    name: 'lines',
    header: ['reporter', 'name', 'year', 'hs6', 'match', 'imports_usd', 'rate_pct', 'pricing', 'priced_by_line_usd', 'revenue_usd', 'status', 'rate_missing', 'procurement', ...DUTY_FX_HEADER, ...p.header],
    rows: result.lines.map((l) => [
      l.reporter, nameOf(l.reporter), l.year, l.hs6, l.match, l.importsUsd, l.ratePct, l.pricing, l.pricedByLineUsd, l.revenueUsd, l.ratePct === null ? 'no rate' : 'estimated',
      reasonCell(lineMissing(l, result)), procurementCell(lineProcurement(l)), ...dutyFxCells(result, l.reporter, l.year), ...p.cells,
    ]),
  };
}

/** Every assumption, the target, the product list, the notes and the members without data, as name/value pairs. */
export function assumptionsTable(result: EstimateResult): Table {
  const rows: CsvCell[][] = [
    ['target', `${result.target.kind} ${result.target.id} (${result.target.name})`],
    ...result.assumptions.map(([k, v]) => [k, v]),
    ['product list name', result.list.name],
    ['product list lines', result.list.lines.join(' ')],
    ['product list source', result.list.source],
    ['formula', 'revenue = Σ imports × share digitised × valuation factor × rate × (1 + rate)^elasticity, over the listed HS6 lines'],
    ...result.notes.map((n) => ['note', n]),
    ...result.noData.map((iso3) => ['no data (not zero)', `${iso3}: ${missingText(noDataMissing(result, iso3))}`]),
    ...procurementLines(result).map((f) => ['procurement flag', `${f.reporter} ${f.year} ${f.hs6}: ${f.flag.reason}${procurementCell(f.flag)?.includes('(') ? `; ${procurementCell(f.flag)}` : ''}`]),
  ];
  return { name: 'assumptions', header: ['assumption', 'value'], rows };
}

/** The vintages the figures come from, with their provenance. */
export function vintagesTable(vintages: readonly Vintage[]): Table {
  return {
    name: 'vintages',
    header: ['vintage', 'source', 'dataset', 'file', 'published', 'imported', 'licence', 'url', 'sha256'],
    rows: vintages.map((v) => [v.id, v.source, v.dataset, v.fileName, v.publishedAt, v.importedAt, v.licence, v.sourceUrl, v.sha256]),
  };
}

/**
 * How the total moves with each assumption, with why a total is missing, the currency and the base case's
 * exchange rates, assumptions and sources on every row.
 */
export function sensitivityTable(result: EstimateResult, rows: readonly SensitivityRow[]): Table {
  const p = provenance(result);
  const fx = totalsFxCells(result);
  return {
    name: 'sensitivity',
    header: ['target', 'varied', 'value', 'revenue_usd', 'change', 'base', 'revenue_missing', 'change_missing', ...TOTALS_FX_HEADER, ...p.header.map((h) => `base_${h}`)],
    rows: rows.map((r) => [result.target.id, r.assumption, r.value, r.revenueUsd, r.change, r.base, reasonCell(r.missing.revenueUsd), reasonCell(r.missing.change), ...fx, ...p.cells]),
  };
}

/**
 * Built-in and user lists, one row per HS6 line: for a built-in list every line of the studies' list, in
 * or out, with the reason and the study it comes from; a user list's lines are all in.
 */
export function listsTable(lists: readonly ProductList[]): Table {
  return {
    name: 'lists',
    header: ['list', 'version', 'name', 'edition', 'built_in', 'hs6', 'included', 'reason', 'description', 'study', 'source'],
    rows: lists.flatMap((l) =>
      l.detail
        ? l.detail.map((d) => [l.id, l.version, l.name, l.edition, l.builtIn, d.hs6, d.included, d.reason, d.description, d.study, l.source])
        : l.lines.map((hs6) => [l.id, l.version, l.name, l.edition, l.builtIn, hs6, true, null, null, null, l.source]),
    ),
  };
}

/** What the estimator can use: per reporter and HS edition, the years of imports, their value, and the tariff years. */
export function coverageTable(coverage: readonly TradeCoverage[], nameOf: (iso3: string) => string): Table {
  return {
    name: 'coverage',
    header: ['reporter', 'name', 'edition', 'first_year', 'last_year', 'imports_usd', 'rows', 'tariff_years', 'trade_vintages', 'tariff_vintages'],
    rows: coverage.map((c) => [
      c.reporter, nameOf(c.reporter), c.edition, c.firstYear, c.lastYear, c.importsUsd, c.rows, c.tariffYears.join(' '), c.tradeVintages.join('+'), c.tariffVintages.join('+'),
    ]),
  };
}

/** A registry entry's fields as columns, empty when the registry holds nothing for the country. */
const VAT_ENTRY_HEADER = ['vat_rate_pct', 'vat_start', 'vat_threshold', 'vat_threshold_currency', 'vat_model', 'vat_legislated', 'vat_as_of', 'vat_sources', 'vat_source_url', 'vat_note'];
function vatEntryCells(e: MergedVatEntry | null): CsvCell[] {
  return [e?.rate, e?.start, e?.threshold?.amount, e?.threshold?.currency, e?.model, e?.legislated ?? 'no data', e?.asOf, e?.sources.join('; '), e?.sourceUrl, e?.note];
}

/**
 * Duty against VAT/GST per country and year, on the same base, with the registry entry and the estimate's
 * assumptions on every row. Status "no data" when the registry gives no rate (the VAT revenue is then
 * unknown, not zero).
 */
export function vatTable(result: EstimateResult, rows: readonly VatRow[]): Table {
  const p = provenance(result);
  return {
    name: 'vat',
    header: [
      'reporter', 'name', 'year', 'duty_revenue_usd', 'vat_revenue_usd', 'rate_used_pct', 'rate_origin', 'rate_table', 'rate_source', 'rate_as_of', 'table_rate_differs_pct',
      'table_rate_pct', 'table_rate_from', 'table_rate_source', 'table_rate_as_of', 'table_sources_disagree', ...VAT_ENTRY_HEADER, 'status', 'missing', ...DUTY_FX_HEADER, ...p.header,
    ],
    rows: rows.map((r) => [
      r.reporter, r.name, r.year, r.dutyRevenueUsd, r.vatRevenueUsd, r.rate.ratePct, r.rate.origin, r.rate.origin === 'table' ? r.standard?.source : null, r.rate.source, r.rate.asOf, r.rate.tableRatePct,
      r.standard?.ratePct, r.standard?.source, r.standard?.citation, r.standard?.asOf, r.standard ? r.standard.disagree : null,
      ...vatEntryCells(r.entry), r.vatRevenueUsd === null ? 'no data' : 'estimated', r.rate.missing, ...dutyFxCells(result, r.reporter, r.year), ...p.cells,
    ]),
  };
}

/**
 * The merged registry, one row per country, with the standard rate of the rate tables beside the registry's
 * (its table, citation and date) and the rate the VAT comparison uses (the registry's, else the table's),
 * or why there is none.
 */
export function vatRegistryTable(entries: Iterable<MergedVatEntry>, nameOf: (iso3: string) => string, standard: ReadonlyMap<string, StandardRate> = new Map()): Table {
  return {
    name: 'vat_registry',
    header: [
      'iso3', 'name', 'rate_pct', 'start', 'threshold', 'threshold_currency', 'model', 'legislated', 'as_of', 'sources', 'source_url', 'note',
      'standard_rate_pct', 'standard_rate_from', 'standard_rate_source', 'standard_rate_as_of', 'rate_used_pct', 'rate_used_origin', 'rate_missing',
    ],
    rows: [...entries].map((e) => {
      const table = standard.get(e.iso3) ?? null;
      const used = comparisonRate(e, table);
      return [e.iso3, nameOf(e.iso3), ...vatEntryCells(e), table?.ratePct, table?.source, table?.citation, table?.asOf, used.ratePct, used.origin, used.missing];
    }),
  };
}

/**
 * A duty design: the chosen rate (point "chosen"), the revenue-maximising rate when there is one ("peak"),
 * then the curve ("curve"), each with the base, its origin and the elasticity; the estimate's assumptions
 * and vintages close every row when the base comes from the listed lines.
 */
export function designTable(design: DutyDesign, nameOf: (iso3: string) => string, assumptions: { list: string; share: string; valuation: string; years: string }): Table {
  const fromData = design.baseFrom === 'listed lines';
  const tail: CsvCell[] = [
    design.baseUsd, design.baseFrom, design.year, design.peakRatePct,
    fromData ? assumptions.list : null, fromData ? assumptions.share : null, fromData ? assumptions.valuation : null, fromData ? assumptions.years : null,
    design.vintages.map((v) => v.id).join('+'), [...new Set(design.vintages.map((v) => v.source))].join('; '),
  ];
  const row = (point: string, s: DutyDesign['simulation']): CsvCell[] => [
    design.iso3, nameOf(design.iso3), point, s.ratePct, s.elasticity, s.importsAfterUsd, s.revenueUsd, s.consumerCostUsd, s.deadweightLossUsd, ...tail,
  ];
  return {
    name: 'design',
    header: [
      'country', 'name', 'point', 'rate_pct', 'elasticity', 'imports_after_usd', 'revenue_usd', 'consumer_cost_usd', 'deadweight_loss_usd',
      'base_usd', 'base_from', 'base_year', 'peak_rate_pct', 'list', 'share', 'valuation', 'years', 'vintages', 'source',
    ],
    rows: [
      row('chosen', design.simulation),
      ...(design.laffer.peak ? [row('peak', design.laffer.peak)] : []),
      ...design.laffer.points.map((s) => row('curve', s)),
    ],
  };
}
