import type { DesignParams } from '../../../domain/moratorium/design.ts';
import { formatShare, type EstimateOptions } from '../../../domain/moratorium/options.ts';
import type { MoratoriumService } from '../../services/moratorium.ts';
import type { EstimateTarget } from '../../services/moratorium-results.ts';
import {
  coverageTable,
  designTable,
  linesTable,
  listsTable,
  resultsTable,
  sensitivityTable,
  vatRegistryTable,
  vatTable,
} from '../../services/moratorium-tables.ts';
import type { Io } from '../command.ts';
import { print, printColumns } from '../table.ts';
import { dutyFxList } from '../../services/moratorium-fx.ts';
import { FX_SOURCE } from '../../../domain/moratorium/shares.ts';

type Format = 'table' | 'csv';
type NameOf = (iso3: string) => string;

/**
 * `moratorium lists`, `coverage` and `vat-registry`: the reference tables, which take no options.
 * @example await printReference(io, 'table', service, 'lists', nameOf)
 */
export async function printReference(io: Io, format: Format, service: MoratoriumService, action: 'lists' | 'coverage' | 'vat-registry', nameOf: NameOf): Promise<number> {
  if (action === 'lists') {
    const lists = await service.lists();
    if (format === 'csv') printColumns(io.out, format, listsTable(lists), []);
    else print(io.out, format, ['id', 'version', 'name', 'edition', 'lines', 'built in'], lists.map((l) => [l.id, l.version, l.name, l.edition, l.lines.join(' '), l.builtIn ? 'yes' : 'no']));
    return 0;
  }
  if (action === 'coverage') {
    printColumns(io.out, format, coverageTable(await service.coverage(), nameOf), ['reporter', 'name', 'edition', 'first_year', 'last_year', 'imports_usd', 'tariff_years']);
    return 0;
  }
  const registry = vatRegistryTable((await service.vatRegistry()).values(), nameOf, await service.standardRates());
  printColumns(io.out, format, registry, ['iso3', 'rate_pct', 'start', 'threshold', 'threshold_currency', 'model', 'legislated', 'as_of', 'standard_rate_pct', 'standard_rate_from', 'rate_used_pct', 'rate_used_origin']);
  return 0;
}

/**
 * `moratorium design`: a duty's revenue and cost to consumers at the chosen rate, with its assumptions on stderr.
 * @example await printDesign(io, 'table', service, 'NPL', options, { ratePct: 10, baseUsd: undefined }, nameOf)
 */
export async function printDesign(io: Io, format: Format, service: MoratoriumService, iso3: string, o: EstimateOptions, d: DesignParams, nameOf: NameOf): Promise<number> {
  const result = await service.design(iso3, d.ratePct, o.elasticity, o, d.baseUsd);
  const years = o.years ? `${o.years.from}-${o.years.to}` : 'all';
  if (format === 'table') {
    io.err.write(`${nameOf(result.iso3)} (${result.iso3}): a duty of ${result.simulation.ratePct}% with import-demand elasticity ${result.simulation.elasticity}\n`);
    io.err.write(`  base: ${result.baseUsd} USD (${result.baseFrom === 'given' ? 'given' : `imports of the listed lines in ${result.year}, list ${o.list}, share ${formatShare(o.share)}, valuation ${o.valuation}`})\n`);
    io.err.write(`  revenue-maximising rate: ${result.peakRatePct === null ? 'none (revenue rises with the rate when -1 <= elasticity <= 0)' : `${result.peakRatePct}%`}\n`);
    if (result.vintages.length) io.err.write(`  sources: ${result.vintages.map((v) => `${v.source} (vintage ${v.id})`).join('; ')}\n`);
  }
  printColumns(io.out, format, designTable(result, nameOf, { list: o.list, share: formatShare(o.share), valuation: o.valuation, years }), [
    'point',
    'rate_pct',
    'imports_after_usd',
    'revenue_usd',
    'consumer_cost_usd',
    'deadweight_loss_usd',
  ]);
  return 0;
}

/**
 * `moratorium estimate`, `sensitivity` and `vat`: on a terminal the assumptions and sources go to stderr,
 * so that stdout stays the table alone.
 * @example await printEstimate(io, 'table', service, { kind: 'country', id: 'NPL' }, options, { action: 'estimate', lines: false }, nameOf)
 */
export async function printEstimate(
  io: Io,
  format: Format,
  service: MoratoriumService,
  target: EstimateTarget,
  o: EstimateOptions,
  show: { action: 'estimate' | 'sensitivity' | 'vat'; lines: boolean },
  nameOf: NameOf,
): Promise<number> {
  const result = await service.estimate(target, o);
  if (format === 'table') {
    io.err.write(`${result.target.name} (${result.target.kind} ${result.target.id})\n`);
    for (const [k, v] of result.assumptions) io.err.write(`  ${k}: ${v}\n`);
    for (const n of result.notes) io.err.write(`  note: ${n}\n`);
    io.err.write(`  sources: ${result.vintages.map((v) => `${v.source} (vintage ${v.id})`).join('; ')}\n`);
    const rates = dutyFxList(result);
    io.err.write(`  figures in US dollars; ${rates ? `duty converted for the shares at LCU per US$ (${FX_SOURCE}): ${rates}` : 'no exchange rate used (shares in US dollars)'}\n`);
  }
  if (show.action === 'sensitivity') {
    printColumns(io.out, format, sensitivityTable(result, await service.sensitivity(target, o)), ['varied', 'value', 'revenue_usd', 'change', 'base', 'revenue_missing']);
    return 0;
  }
  if (show.action === 'vat') {
    printColumns(io.out, format, vatTable(result, await service.vatComparison(result)), [
      'reporter',
      'year',
      'duty_revenue_usd',
      'vat_revenue_usd',
      'rate_used_pct',
      'rate_origin',
      'rate_table',
      'rate_as_of',
      'vat_base',
      'duty_fx_lcu_per_usd',
      'duty_fx_year',
      'status',
      'rate_source',
      'missing',
    ]);
    return 0;
  }
  if (show.lines) {
    printColumns(io.out, format, linesTable(result, nameOf), ['reporter', 'year', 'hs6', 'match', 'imports_usd', 'rate_pct', 'revenue_usd', 'duty_fx_lcu_per_usd', 'duty_fx_year', 'status', 'rate_missing', 'procurement']);
    return 0;
  }
  const group = result.target.kind === 'group';
  printColumns(io.out, format, resultsTable(result, nameOf), [
    ...(group ? ['level'] : []),
    'reporter',
    'year',
    'revenue_usd',
    'imports_usd',
    'imports_rated_usd',
    'lines_with_rate',
    'lines_without_rate',
    ...(group ? ['members_with_data', 'members_total'] : []),
    'period_gregorian',
    'tariff_year',
    'tariff_match',
    'gap_months',
    'tariff_warning',
    'share_of_customs',
    'share_of_government',
    'share_currency_used',
    'duty_fx_lcu_per_usd',
    'duty_fx_year',
    'customs_fx_lcu_per_usd',
    'customs_fx_year',
    'status',
    'revenue_missing',
    'share_of_customs_missing',
  ]);
  return 0;
}
