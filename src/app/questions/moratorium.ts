import { ParameterError } from '../../domain/errors.ts';
import { formatShare, type EstimateOptions } from '../../domain/moratorium/options.ts';
import type { ReadServices } from '../services/compose.ts';
import type { EstimateTarget } from '../services/moratorium-results.ts';
import { coverageTable, designTable, linesTable, listsTable, resultsTable, sensitivityTable, vatRegistryTable, vatTable } from '../services/moratorium-tables.ts';
import { format } from './common.ts';
import {
  csvOf,
  designFilename,
  designJson,
  estimateFilename,
  estimateJson,
  estimateWorkbook,
  nameLookup,
  vatJson,
  vatWorkbook,
} from './moratorium-present.ts';
import { sensitivityJson, vatRegistryJson } from './moratorium-vat-present.ts';
import { base, country, ESTIMATE_OPTIONS, estimateFormat, estimateOptions, estimateTarget, group, lines, rate } from './moratorium-params.ts';
import { defineQuestion } from './question.ts';
import { errors, ok, string } from './schema.ts';

const { years, list, tariff, share, valuation, carrier_share, elasticity, rollup, share_currency, vat_base } = ESTIMATE_OPTIONS;

/** The parameters of an estimate of a country's or a group's revenue, in the order the document lists them. */
const ESTIMATE = { country, group, years, list, tariff, share, valuation, carrier_share, elasticity, rollup, share_currency, vat_base };

/** The target and options of an estimate, once its parameters are read. */
async function withTarget<V extends Parameters<typeof estimateOptions>[0] & { country: string | undefined; group: string | undefined }>(
  v: V,
  { obs }: ReadServices,
): Promise<V & { target: EstimateTarget; options: EstimateOptions }> {
  return { ...v, target: estimateTarget(v, await obs.ref()), options: estimateOptions(v) };
}

const version = (v: number) => ({ 'x-data-version': String(v) });

/** The VAT comparison's format: JSON, CSV, or a workbook with the sheets vat, assumptions and vintages. */
const vatFormat = {
  ...estimateFormat,
  description:
    `${format.description} With "xlsx", a workbook with the sheets vat, assumptions and vintages. ` +
    'Every CSV row repeats the rate used with its source and date, the exchange rate of the duty, the assumptions (vat_base included) and the vintages.',
};

/** GET /moratorium/estimate: revenue forgone per country and year (and group), with assumptions and vintages. */
export const moratoriumEstimate = defineQuestion({
  id: 'moratoriumEstimate',
  method: 'get',
  path: '/moratorium/estimate',
  params: { ...ESTIMATE, lines, format: estimateFormat },
  doc: {
    summary: 'Customs revenue forgone on digitisable imports, per country and year',
    description:
      'Revenue(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × share digitised s(k) × valuation factor × rate τ(c,k,t) × (1 + τ)^ε. ' +
      'Each row gives the revenue in USD, the imports of the listed lines, those with a rate, the lines with and without a rate, the tariff ' +
      'year used, and the revenue as a share of customs and of government revenue; a group adds its totals per year with the members with data. ' +
      'Every assumption and the vintages used come with the answer, in every format.',
    tags: ['moratorium'],
    responses: {
      '200': {
        ...ok('The estimate.', 'MoratoriumEstimate', 'moratorium_{ID}_{tariff}_{years}.csv'),
        content: {
          ...ok('', 'MoratoriumEstimate', 'x').content,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: string('A workbook: results, lines, assumptions, vintages.') },
        },
      },
      ...errors('400', '404'),
    },
  },
  refine: (v, services) => withTarget(v, services),
  async answer(input, { obs, moratorium }) {
    const result = await moratorium.estimate(input.target, input.options);
    const ref = await obs.ref();
    const names = nameLookup(ref);
    return {
      json: () => estimateJson(result, ref, input.lines),
      csv: () =>
        input.lines
          ? csvOf(linesTable(result, names), estimateFilename(result, 'csv', '_lines'))
          : csvOf(resultsTable(result, names), estimateFilename(result, 'csv')),
      xlsx: () => ({ bytes: estimateWorkbook(result, ref), filename: estimateFilename(result, 'xlsx') }),
      headers: version(ref.version),
    };
  },
});

/** GET /moratorium/sensitivity: the total under each assumption varied one at a time. */
export const moratoriumSensitivity = defineQuestion({
  id: 'moratoriumSensitivity',
  method: 'get',
  path: '/moratorium/sensitivity',
  params: { ...ESTIMATE, format },
  doc: {
    summary: 'How the estimate moves with each assumption',
    description: 'The total over the years (and members) of the estimate with one assumption varied at a time: tariff measure, roll-up, share digitised, valuation and elasticity.',
    tags: ['moratorium'],
    responses: { '200': ok('The variants, with the base case marked.', 'MoratoriumSensitivity', 'moratorium_{ID}_{tariff}_{years}_sensitivity.csv'), ...errors('400', '404') },
  },
  refine: (v, services) => withTarget(v, services),
  async answer(input, { obs, moratorium }) {
    const { result, sensitivity: rows } = await moratorium.report(input.target, input.options);
    const ref = await obs.ref();
    return {
      json: () => sensitivityJson(result, rows),
      csv: () => csvOf(sensitivityTable(result, rows), estimateFilename(result, 'csv', '_sensitivity')),
      headers: version(ref.version),
    };
  },
});

/** GET /moratorium/lists: the product lists, built-in and user-defined, with their lines. */
export const moratoriumLists = defineQuestion({
  id: 'moratoriumLists',
  method: 'get',
  path: '/moratorium/lists',
  params: { format },
  doc: {
    summary: 'Product lists of digitisable goods, with their HS6 lines',
    tags: ['moratorium'],
    responses: { '200': ok('Built-in and user-defined lists.', 'MoratoriumLists', 'moratorium_lists.csv'), ...errors('400') },
  },
  async answer(_input, { obs, moratorium }) {
    const all = await moratorium.lists();
    const ref = await obs.ref();
    return {
      json: () => ({ count: all.length, lists: all.map((l) => ({ ...l, lines: [...l.lines] })) }),
      csv: () => csvOf(listsTable(all), 'moratorium_lists.csv'),
      headers: version(ref.version),
    };
  },
});

/** GET /moratorium/coverage: which reporters, years and HS editions have imports, and which tariff years. */
export const moratoriumCoverage = defineQuestion({
  id: 'moratoriumCoverage',
  method: 'get',
  path: '/moratorium/coverage',
  params: { format },
  doc: {
    summary: 'Which reporters and years have imports and tariffs',
    tags: ['moratorium'],
    responses: { '200': ok('Per reporter and HS edition.', 'MoratoriumCoverage', 'moratorium_coverage.csv'), ...errors('400') },
  },
  async answer(_input, { obs, moratorium }) {
    const coverage = await moratorium.coverage();
    const ref = await obs.ref();
    return {
      json: () => ({ count: coverage.length, coverage: coverage.map((cv) => ({ ...cv, name: nameLookup(ref)(cv.reporter) })) }),
      csv: () => csvOf(coverageTable(coverage, nameLookup(ref)), 'moratorium_coverage.csv'),
      headers: version(ref.version),
    };
  },
});

/** GET /moratorium/vat: VAT/GST at each country's registry rate on the same base as the duty estimate. */
export const moratoriumVat = defineQuestion({
  id: 'moratoriumVat',
  method: 'get',
  path: '/moratorium/vat',
  params: { ...ESTIMATE, format: vatFormat },
  doc: {
    summary: 'VAT/GST on digital supplies against the duty, on the same base',
    description:
      'Per country and year, the duty revenue of the estimate and the VAT/GST that the country’s rate would raise on the same base: the listed ' +
      'lines’ imports × share digitised × valuation factor, after the import response to the duty (plus the duty itself with vat_base=with-duty). ' +
      'The rate used is the registry’s (see /moratorium/vat-registry), else the standard rate of the best-ranked imported table (OECD, PwC, ' +
      'national law, node-sales-tax, Shopify), each with its source and date; where the registry’s rate differs from the table’s, both are given. ' +
      'Without any rate the VAT revenue is null (no data), never zero, and the row says why.',
    tags: ['moratorium'],
    responses: {
      '200': {
        ...ok('Duty and VAT per country and year, with the rate used and the registry entries.', 'MoratoriumVat', 'moratorium_{ID}_{tariff}_{years}_vat.csv'),
        content: {
          ...ok('', 'MoratoriumVat', 'x').content,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: string('A workbook: vat, assumptions, vintages.') },
        },
      },
      ...errors('400', '404'),
    },
  },
  refine: (v, services) => withTarget(v, services),
  async answer(input, { obs, moratorium }) {
    const result = await moratorium.estimate(input.target, input.options);
    const rows = await moratorium.vatComparison(result);
    const ref = await obs.ref();
    return {
      json: () => vatJson(result, rows, ref),
      csv: () => csvOf(vatTable(result, rows), estimateFilename(result, 'csv', '_vat')),
      xlsx: () => ({ bytes: vatWorkbook(result, rows), filename: estimateFilename(result, 'xlsx', '_vat') }),
      headers: version(ref.version),
    };
  },
});

/** GET /moratorium/vat-registry: the merged VAT/GST registry, one entry per country. */
export const moratoriumVatRegistry = defineQuestion({
  id: 'moratoriumVatRegistry',
  method: 'get',
  path: '/moratorium/vat-registry',
  params: { format },
  doc: {
    summary: 'VAT/GST on digital supplies from abroad, per country',
    description:
      'Rate, start, registration threshold, collection model and legislative status per country, merged field by field from the built-in ' +
      'legal facts, imported tracker editions and registries, and accepted questionnaire answers (the newest dated source stating a field wins), with the sources.',
    tags: ['moratorium'],
    responses: { '200': ok('One entry per country.', 'MoratoriumVatRegistry', 'moratorium_vat_registry.csv'), ...errors('400') },
  },
  async answer(_input, { obs, moratorium }) {
    const entries = [...(await moratorium.vatRegistry()).values()];
    const standard = await moratorium.standardRates();
    const ref = await obs.ref();
    return {
      json: () => vatRegistryJson(entries, standard, ref),
      csv: () => csvOf(vatRegistryTable(entries, nameLookup(ref), standard), 'moratorium_vat_registry.csv'),
      headers: version(ref.version),
    };
  },
});

/** The country of a duty design: one country, required. */
const designCountry = {
  ...country,
  required: true,
  description: 'The country whose duty is simulated: an ISO3 code (case does not matter).',
} as const;

/** GET /moratorium/design: a duty on electronic transmissions for one country: revenue, cost to consumers, the revenue curve. */
export const moratoriumDesign = defineQuestion({
  id: 'moratoriumDesign',
  method: 'get',
  path: '/moratorium/design',
  params: { country: designCountry, rate, base, elasticity, years, list, share, valuation, carrier_share, format },
  doc: {
    summary: 'Simulate a duty on electronic transmissions for one country',
    description:
      'A duty of `rate` percent on a base B (the value given, or the listed lines’ imports), with a constant import-demand elasticity ε: ' +
      'imports after = B × (1 + t)^ε, revenue = t × imports after, cost to consumers = the exact loss of consumer surplus ' +
      'B × ((1 + t)^(ε+1) − 1)/(ε + 1) (B × ln(1 + t) when ε = −1), deadweight loss = cost − revenue; the revenue curve from 0 to 50% and ' +
      'the revenue-maximising rate 1/(−ε − 1) when ε < −1 (none when −1 ≤ ε ≤ 0). CSV: the chosen rate, the peak, then the curve.',
    tags: ['moratorium'],
    responses: { '200': ok('The simulation, the curve and the peak.', 'MoratoriumDesign', 'moratorium_design_{ISO3}_{rate}pct_e{elasticity}.csv'), ...errors('400', '404') },
  },
  async refine(v, { obs }) {
    if (!v.country) throw new ParameterError('country', 'give country, an ISO3 code such as NPL');
    const options = estimateOptions({
      ...v,
      tariff: tariff.parse(undefined),
      rollup: rollup.parse(undefined),
      share_currency: share_currency.parse(undefined),
      vat_base: vat_base.parse(undefined),
    });
    return { ...v, target: estimateTarget({ country: v.country, group: undefined }, await obs.ref()), options };
  },
  async answer(input, { obs, moratorium }) {
    const { options } = input;
    const design = await moratorium.design(input.target.id, input.rate, options.elasticity, options, input.base);
    const ref = await obs.ref();
    const yearsText = options.years ? `${options.years.from}-${options.years.to}` : 'all';
    return {
      json: () => designJson(design, options, ref),
      csv: () => csvOf(designTable(design, nameLookup(ref), { list: options.list, share: formatShare(options.share), valuation: options.valuation, years: yearsText }), designFilename(design, 'csv')),
      headers: version(ref.version),
    };
  },
});
