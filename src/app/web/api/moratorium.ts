import type { Context } from 'hono';
import { InputError } from '../../../domain/errors.ts';
import { MAX_YEAR, MIN_YEAR } from '../../../domain/observation.ts';
import { parseDesignParams, type DesignParams } from '../../../domain/moratorium/design.ts';
import { formatShare, parseEstimateOptions, type EstimateOptions } from '../../../domain/moratorium/options.ts';
import type { MergedVatEntry } from '../../../domain/moratorium/vat.ts';
import { MoratoriumService } from '../../services/moratorium.ts';
import type { DutyDesign, EstimateResult, EstimateTarget, VatRow } from '../../services/moratorium-results.ts';
import {
  assumptionsTable,
  coverageTable,
  designTable,
  linesTable,
  listsTable,
  resultsTable,
  sensitivityTable,
  vatRegistryTable,
  vatTable,
  vintagesTable,
  type Table,
} from '../../services/moratorium-tables.ts';
import type { Reference } from '../../services/reference.ts';
import { toXlsx } from '../../services/xlsx.ts';
import { badParameter } from '../http-error.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseFormat, readQuery, type FormatChoice } from '../../questions/params.ts';
import { entityName, sourceLine, vintageSummary } from '../../questions/present.ts';
import { safeFilename, sendAs, sendXlsx, type CsvTable } from './respond.ts';

/** The formula every answer states, in words. */
export const REVENUE_FORMULA =
  'revenue(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × share digitised s(k) × valuation factor v(k) × rate τ(c,k,t) × (1 + τ)^ε';

/** The options as the API, the page and the CLI name them: the query of an estimate with these options. */
export function estimateParams(target: EstimateTarget, o: EstimateOptions): [string, string][] {
  const params: [string, string][] = [[target.kind, target.id]];
  if (o.years) params.push(['years', `${o.years.from === MIN_YEAR ? '' : o.years.from}-${o.years.to === MAX_YEAR ? '' : o.years.to}`]);
  params.push(['list', o.list], ['tariff', o.tariff], ['share', formatShare(o.share)], ['valuation', o.valuation]);
  if (o.valuation === 'carrier') params.push(['carrier_share', String(o.carrierShare)]);
  params.push(['elasticity', String(o.elasticity)], ['rollup', o.rollup]);
  return params;
}

/** Estimate options from request parameters; a refused value is a 400 naming its parameter. */
export function readEstimateOptions(query: ReadonlyMap<string, string>, where: string): EstimateOptions {
  try {
    return parseEstimateOptions(Object.fromEntries(query), where);
  } catch (error) {
    if (error instanceof InputError && error.location.field) throw badParameter(error.location.field, error.reason);
    throw error;
  }
}

/** The country or group of an estimate; neither, both or a malformed code is a 400, an unknown one a 404. */
export async function readTarget(service: MoratoriumService, query: ReadonlyMap<string, string>, where: string): Promise<EstimateTarget> {
  try {
    return await service.target({ country: query.get('country'), group: query.get('group') }, where);
  } catch (error) {
    if (error instanceof InputError && error.location.field) throw badParameter(error.location.field, error.reason);
    throw error;
  }
}

type EstimateFormat = FormatChoice | { format: 'xlsx'; negotiated: false };

function readFormat(value: string | undefined, accept: string | undefined, xlsx: boolean): EstimateFormat {
  if (xlsx && value?.toLowerCase() === 'xlsx') return { format: 'xlsx', negotiated: false };
  if (xlsx && value !== undefined && !['json', 'csv'].includes(value.toLowerCase())) {
    throw badParameter('format', `expected "json", "csv" or "xlsx", got "${value}"`);
  }
  return parseFormat(value, accept);
}

function readLines(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw badParameter('lines', `expected "true" or "false", got "${value}"`);
}

const nameLookup = (ref: Reference) => (iso3: string) => entityName(ref, iso3);

/** The estimate as the API answers it in JSON. */
export function estimateJson(result: EstimateResult, ref: Reference, withLines: boolean) {
  const o = result.options;
  return {
    target: result.target,
    list: { ...result.list, lines: [...result.list.lines] },
    options: {
      tariff: o.tariff,
      rollup: o.rollup,
      share: formatShare(o.share),
      valuation: o.valuation,
      carrierShare: o.carrierShare,
      elasticity: o.elasticity,
      years: o.years ? { from: o.years.from, to: o.years.to } : null,
    },
    assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
    formula: REVENUE_FORMULA,
    count: result.rows.length,
    rows: result.rows.map((r) => ({
      reporter: r.reporter,
      name: r.name,
      year: r.year,
      tariffYear: r.tariffYear,
      importsUsd: r.importsUsd,
      importsRatedUsd: r.importsRatedUsd,
      revenueUsd: r.revenueUsd,
      linesWithRate: r.linesWithRate,
      linesWithoutRate: r.linesWithoutRate,
      customsRevenue: r.customsRevenue,
      governmentRevenue: r.governmentRevenue,
      shareOfCustoms: r.shareOfCustoms,
      shareOfGovernment: r.shareOfGovernment,
    })),
    groupRows: result.groupRows,
    noData: result.noData.map((iso3) => ({ iso3, name: entityName(ref, iso3) })),
    ...(withLines ? { lines: result.lines } : {}),
    notes: result.notes,
    source: sourceLine(result.vintages),
    vintages: result.vintages.map(vintageSummary),
  };
}

/** The tables of an estimate as a workbook: results, lines, assumptions, vintages. */
export function estimateWorkbook(result: EstimateResult, ref: Reference): Uint8Array {
  const name = nameLookup(ref);
  return toXlsx([resultsTable(result, name), linesTable(result, name), assumptionsTable(result), vintagesTable(result.vintages)]);
}

/** The file name of an estimate's downloads, saying what they hold. */
export function estimateFilename(result: EstimateResult, extension: string, part = ''): string {
  const o = result.options;
  const years = o.years ? `_${o.years.from === MIN_YEAR ? '' : o.years.from}-${o.years.to === MAX_YEAR ? '' : o.years.to}` : '';
  return safeFilename(`moratorium_${result.target.id}_${o.tariff}${years}${part}.${extension}`);
}

const csvOf = (table: Table, filename: string): CsvTable => ({ filename, header: table.header, rows: table.rows });

/** GET /moratorium/estimate: revenue forgone per country and year (and group), with assumptions and vintages. */
export async function moratoriumEstimate(c: Context, { obs }: ApiOptions): Promise<Response> {
  const where = 'GET /api/v1/moratorium/estimate';
  const query = readQuery(c.req.url, QUERY.moratoriumEstimate);
  const choice = readFormat(query.get('format'), c.req.header('accept'), true);
  const withLines = readLines(query.get('lines'));
  const service = new MoratoriumService(obs);
  const options = readEstimateOptions(query, where);
  const target = await readTarget(service, query, where);
  const result = await service.estimate(target, options);
  const ref = await obs.ref();
  const headers = { 'x-data-version': String(ref.version) };
  if (choice.format === 'xlsx') return sendXlsx(estimateWorkbook(result, ref), estimateFilename(result, 'xlsx'), headers);
  return sendAs(
    choice,
    () => estimateJson(result, ref, withLines),
    () =>
      withLines
        ? csvOf(linesTable(result, nameLookup(ref)), estimateFilename(result, 'csv', '_lines'))
        : csvOf(resultsTable(result, nameLookup(ref)), estimateFilename(result, 'csv')),
    headers,
  );
}

/** GET /moratorium/sensitivity: the total under each assumption varied one at a time. */
export async function moratoriumSensitivity(c: Context, { obs }: ApiOptions): Promise<Response> {
  const where = 'GET /api/v1/moratorium/sensitivity';
  const query = readQuery(c.req.url, QUERY.moratoriumSensitivity);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const service = new MoratoriumService(obs);
  const options = readEstimateOptions(query, where);
  const target = await readTarget(service, query, where);
  const { result, sensitivity: rows } = await service.report(target, options);
  const ref = await obs.ref();
  return sendAs(
    choice,
    () => ({
      target: result.target,
      assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
      years: [...new Set(result.rows.map((r) => r.year))].sort((a, b) => a - b),
      count: rows.length,
      rows,
      source: sourceLine(result.vintages),
      vintages: result.vintages.map(vintageSummary),
    }),
    () => csvOf(sensitivityTable(result, rows), estimateFilename(result, 'csv', '_sensitivity')),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /moratorium/lists: the product lists, built-in and user-defined, with their lines. */
export async function moratoriumLists(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.moratoriumLists);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const lists = await new MoratoriumService(obs).lists();
  const ref = await obs.ref();
  return sendAs(
    choice,
    () => ({ count: lists.length, lists: lists.map((l) => ({ ...l, lines: [...l.lines] })) }),
    () => csvOf(listsTable(lists), 'moratorium_lists.csv'),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /moratorium/coverage: which reporters, years and HS editions have imports, and which tariff years. */
export async function moratoriumCoverage(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.moratoriumCoverage);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const coverage = await new MoratoriumService(obs).coverage();
  const ref = await obs.ref();
  return sendAs(
    choice,
    () => ({
      count: coverage.length,
      coverage: coverage.map((cv) => ({ ...cv, name: entityName(ref, cv.reporter) })),
    }),
    () => csvOf(coverageTable(coverage, nameLookup(ref)), 'moratorium_coverage.csv'),
    { 'x-data-version': String(ref.version) },
  );
}

/** The formula of the VAT comparison, in words. */
export const VAT_FORMULA =
  'VAT(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × s(k) × v(k) × (1 + τ)^ε × (1 + τ) × VAT rate: VAT on the value plus the duty, after the imports respond to the duty';

/** The formulas of a duty design, in words. */
export const DESIGN_FORMULA =
  'imports after = B × (1 + t)^ε; revenue = t × imports after; cost to consumers = B × ((1 + t)^(ε+1) − 1)/(ε + 1) (B × ln(1 + t) when ε = −1); ' +
  'deadweight loss = cost − revenue; revenue-maximising rate = 1/(−ε − 1) when ε < −1';

/** A registry entry as the API answers it. */
export function vatEntryJson(e: MergedVatEntry, ref: Reference) {
  return {
    iso3: e.iso3,
    name: entityName(ref, e.iso3),
    rate: e.rate,
    start: e.start,
    threshold: e.threshold,
    model: e.model,
    legislated: e.legislated,
    asOf: e.asOf,
    sources: e.sources,
    sourceUrl: e.sourceUrl,
    note: e.note,
  };
}

/** Duty against VAT per country and year, as the API answers it in JSON. */
export function vatJson(result: EstimateResult, rows: readonly VatRow[], ref: Reference) {
  return {
    target: result.target,
    assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
    formula: VAT_FORMULA,
    count: rows.length,
    rows: rows.map((r) => ({
      reporter: r.reporter,
      name: r.name,
      year: r.year,
      dutyRevenueUsd: r.dutyRevenueUsd,
      vatRevenueUsd: r.vatRevenueUsd,
      vat: r.entry ? vatEntryJson(r.entry, ref) : null,
    })),
    noData: result.noData.map((iso3) => ({ iso3, name: entityName(ref, iso3) })),
    source: sourceLine(result.vintages),
    vintages: result.vintages.map(vintageSummary),
  };
}

/** A duty design as the API answers it in JSON. */
export function designJson(design: DutyDesign, options: EstimateOptions, ref: Reference) {
  const fromData = design.baseFrom === 'listed lines';
  return {
    country: { iso3: design.iso3, name: entityName(ref, design.iso3) },
    base: {
      usd: design.baseUsd,
      from: design.baseFrom,
      year: design.year,
      ...(fromData ? { list: options.list, share: formatShare(options.share), valuation: options.valuation, carrierShare: options.carrierShare } : {}),
    },
    formula: DESIGN_FORMULA,
    simulation: design.simulation,
    peakRatePct: design.peakRatePct,
    peak: design.laffer.peak,
    curve: design.laffer.points,
    source: fromData ? sourceLine(design.vintages) : 'value of electronic transmissions given by the user',
    vintages: design.vintages.map(vintageSummary),
  };
}

/** Design parameters from a request; a refused value is a 400 naming its parameter. */
export function readDesignParams(query: ReadonlyMap<string, string>, where: string): DesignParams {
  try {
    return parseDesignParams({ rate: query.get('rate'), base: query.get('base') }, where);
  } catch (error) {
    if (error instanceof InputError && error.location.field) throw badParameter(error.location.field, error.reason);
    throw error;
  }
}

/** The file name of a design's downloads: country, rate and elasticity. */
export function designFilename(design: DutyDesign, extension: string): string {
  return safeFilename(`moratorium_design_${design.iso3}_${design.simulation.ratePct}pct_e${design.simulation.elasticity}.${extension}`);
}

/** GET /moratorium/vat: VAT/GST at each country's registry rate on the same base as the duty estimate. */
export async function moratoriumVat(c: Context, { obs }: ApiOptions): Promise<Response> {
  const where = 'GET /api/v1/moratorium/vat';
  const query = readQuery(c.req.url, QUERY.moratoriumVat);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const service = new MoratoriumService(obs);
  const options = readEstimateOptions(query, where);
  const target = await readTarget(service, query, where);
  const result = await service.estimate(target, options);
  const rows = await service.vatComparison(result);
  const ref = await obs.ref();
  return sendAs(
    choice,
    () => vatJson(result, rows, ref),
    () => csvOf(vatTable(result, rows), estimateFilename(result, 'csv', '_vat')),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /moratorium/vat-registry: the merged VAT/GST registry, one entry per country. */
export async function moratoriumVatRegistry(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.moratoriumVatRegistry);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const entries = [...(await new MoratoriumService(obs).vatRegistry()).values()];
  const ref = await obs.ref();
  return sendAs(
    choice,
    () => ({ count: entries.length, entries: entries.map((e) => vatEntryJson(e, ref)) }),
    () => csvOf(vatRegistryTable(entries, nameLookup(ref)), 'moratorium_vat_registry.csv'),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /moratorium/design: a duty on electronic transmissions for one country: revenue, cost to consumers, the revenue curve. */
export async function moratoriumDesign(c: Context, { obs }: ApiOptions): Promise<Response> {
  const where = 'GET /api/v1/moratorium/design';
  const query = readQuery(c.req.url, QUERY.moratoriumDesign);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const service = new MoratoriumService(obs);
  const options = readEstimateOptions(query, where);
  const { ratePct, baseUsd } = readDesignParams(query, where);
  if (!query.get('country')) throw badParameter('country', 'give country, an ISO3 code such as NPL');
  const target = await readTarget(service, query, where);
  const design = await service.design(target.id, ratePct, options.elasticity, options, baseUsd);
  const ref = await obs.ref();
  const years = options.years ? `${options.years.from}-${options.years.to}` : 'all';
  return sendAs(
    choice,
    () => designJson(design, options, ref),
    () => csvOf(designTable(design, nameLookup(ref), { list: options.list, share: formatShare(options.share), valuation: options.valuation, years }), designFilename(design, 'csv')),
    { 'x-data-version': String(ref.version) },
  );
}
