import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { Vintage } from '../../domain/vintage.ts';
import { PeriodBook } from './moratorium-periods.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import { endOfYear, membersAt } from '../../domain/group.ts';
import { estimateFromBase, indexDutyBase, type IndexedDutyBase } from '../../domain/moratorium/duty-base.ts';
import { lineFactors } from '../../domain/moratorium/estimate.ts';
import type { HsEdition, HsLink } from '../../domain/moratorium/hs.ts';
import { BUILT_IN_LISTS, type ProductList } from '../../domain/moratorium/lists.ts';
import { lafferCurve, rateRange, revenueMaximisingRate, simulateDuty } from '../../domain/moratorium/design.ts';
import { absenceText, uncorrelated } from '../../domain/moratorium/missing.ts';
import { sensitivityRows } from './moratorium-sensitivity.ts';
import { describeOptions, type EstimateOptions } from '../../domain/moratorium/options.ts';
import { mergeVatEntries, vatEntryFromAnswers, vatRevenue, type MergedVatEntry, type VatEntry } from '../../domain/moratorium/vat.ts';
import { VAT_FACTS } from '../../domain/moratorium/vat-facts.ts';
import { chooseStandardRates, comparisonRate, type StandardRate } from '../../domain/moratorium/vat-rates.ts';
import { FX_INDICATOR, fxLookup, revenueShare, type FxRate } from '../../domain/moratorium/shares.ts';
import {
  remarksOf,
  remarkText,
  type CountryYear,
  type DatedValue,
  type DutyDesign,
  type EstimateResult,
  type EstimateTarget,
  type GroupYear,
  type MoratoriumReport,
  type SensitivityRow,
  type VatRow,
} from './moratorium-results.ts';
import type { Observatory } from './observatory.ts';

/** Who counts in an estimate: the reporters to read (null for all), membership per year, the name, all members. */
interface Who {
  reporters: string[] | null;
  memberIn: (iso3: string, year: number) => boolean;
  name: string;
  all: (year: number) => string[];
}

/** A target's duty base as read once, with what the estimate needs besides it. */
interface TargetBase {
  target: EstimateTarget;
  who: Who;
  list: ProductList;
  coverage: TradeCoverage[];
  editions: HsEdition[];
  links: HsLink[];
  base: IndexedDutyBase;
  /** The dates of the trade periods and tariff schedules. */
  periods: PeriodBook;
}

const CUSTOMS_SHARE = 'GC.TAX.IMPT.ZS';
const TAX_GDP = 'GC.TAX.TOTL.GD.ZS';
const REVENUE_GDP = 'GC.REV.XGRT.GD.ZS';
const GDP_USD = 'NY.GDP.MKTP.CD';

const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

/** The moratorium estimator: revenue forgone per country, year, line and group, with its assumptions and sources. */
export class MoratoriumService {
  /** The trade coverage of the data version it was read at: read once per page view or answer. */
  private coverageRead: { version: number; coverage: Promise<TradeCoverage[]> } | null = null;

  constructor(private readonly obs: Observatory) {}

  async lists(): Promise<ProductList[]> {
    return [...BUILT_IN_LISTS, ...(await this.obs.store.productLists())];
  }

  async list(id: string): Promise<ProductList> {
    const list = (await this.lists()).find((l) => l.id === id);
    if (!list) throw new NotFoundError(`no product list "${id}"; known: ${(await this.lists()).map((l) => l.id).join(', ')}`);
    return list;
  }

  async coverage(): Promise<TradeCoverage[]> {
    const { version } = await this.obs.ref();
    if (this.coverageRead?.version !== version) this.coverageRead = { version, coverage: this.obs.store.tradeCoverage() };
    return this.coverageRead.coverage;
  }

  /** Reads a target from `country` or `group` parameters: exactly one of them. */
  async target(params: { country?: string | undefined; group?: string | undefined }, where: string): Promise<EstimateTarget> {
    const country = params.country?.trim().toUpperCase();
    const group = params.group?.trim().toUpperCase();
    if (country && group) throw new InputError('give either country or group, not both', { file: where, field: 'country' });
    if (!country && !group) throw new InputError('give country (an ISO3 code such as NPL) or group (such as LDC)', { file: where, field: 'country' });
    const ref = await this.obs.ref();
    if (country) {
      if (!/^[A-Z]{3}$/.test(country)) throw new InputError(`"${country}" is not an ISO 3166 alpha-3 code`, { file: where, field: 'country' });
      if (!ref.countries.has(country) && !ref.economies.has(country)) throw new NotFoundError(`no country ${country}`);
      return { kind: 'country', id: country };
    }
    if (!ref.groups.has(group as string)) throw new NotFoundError(`no group ${group}`);
    return { kind: 'group', id: group as string };
  }

  private async links(list: ProductList, editions: readonly HsEdition[]): Promise<HsLink[]> {
    const links: HsLink[] = [];
    for (const edition of new Set(editions)) {
      if (edition !== list.edition) links.push(...(await this.obs.store.hsLinks(list.edition, edition)));
    }
    return links;
  }

  /** Reporters to query for a target, and who counts as a member in each year. */
  private async reporters(target: EstimateTarget): Promise<Who> {
    const ref = await this.obs.ref();
    if (target.kind === 'country') {
      const name = ref.countries.get(target.id)?.names.en ?? ref.economies.get(target.id)?.name ?? target.id;
      return { reporters: [target.id], memberIn: (iso3) => iso3 === target.id, name, all: () => [target.id] };
    }
    const group = ref.groups.get(target.id);
    if (!group) throw new NotFoundError(`no group ${target.id}`);
    if (group.kind === 'world') {
      return { reporters: null, memberIn: () => true, name: group.names.en, all: (year) => this.obs.membersOn(ref, target.id, endOfYear(year)) };
    }
    const memberships = ref.memberships.get(target.id) ?? [];
    const byYear = new Map<number, Set<string>>();
    const membersIn = (year: number) => {
      let members = byYear.get(year);
      if (!members) byYear.set(year, (members = new Set(membersAt(memberships, endOfYear(year)))));
      return members;
    };
    return {
      reporters: [...new Set(memberships.map((m) => m.iso3))].sort(),
      memberIn: (iso3, year) => membersIn(year).has(iso3),
      name: group.names.en,
      all: (year) => this.obs.membersOn(ref, target.id, endOfYear(year)),
    };
  }

  /** Customs and government revenue in USD for a country, from the latest year not after `year` with all inputs. */
  private async revenueSeries(): Promise<(iso3: string, year: number) => { customs: DatedValue | null; government: DatedValue | null }> {
    const values = async (code: string) => (await this.obs.indicatorValues(code).catch(() => null))?.byYear ?? new Map<number, Map<string, number>>();
    const [customsShare, taxGdp, revenueGdp, gdp] = await Promise.all([values(CUSTOMS_SHARE), values(TAX_GDP), values(REVENUE_GDP), values(GDP_USD)]);
    const latest = (iso3: string, year: number, codes: Map<number, Map<string, number>>[], f: (v: number[]) => number): DatedValue | null => {
      for (let y = year; y >= year - 10; y--) {
        const vs = codes.map((c) => c.get(y)?.get(iso3));
        if (vs.every((v): v is number => v !== undefined)) return { value: f(vs), year: y };
      }
      return null;
    };
    return (iso3, year) => ({
      customs: latest(iso3, year, [customsShare, taxGdp, gdp], ([a, b, c]) => ((a as number) / 100) * ((b as number) / 100) * (c as number)),
      government: latest(iso3, year, [revenueGdp, gdp], ([a, b]) => ((a as number) / 100) * (b as number)),
    });
  }

  /** Exchange rates per country (LCU per US dollar, PA.NUS.FCRF): a lookup by year, exact or latest not after it. */
  private async fxSeries(): Promise<(iso3: string) => (year: number, exact: boolean) => FxRate | null> {
    const byYear = (await this.obs.indicatorValues(FX_INDICATOR).catch(() => null))?.byYear ?? new Map<number, Map<string, number>>();
    const byCountry = new Map<string, Map<number, number>>();
    for (const [year, values] of byYear) {
      for (const [iso3, value] of values) {
        let series = byCountry.get(iso3);
        if (!series) byCountry.set(iso3, (series = new Map()));
        series.set(year, value);
      }
    }
    return (iso3) => fxLookup(byCountry.get(iso3));
  }

  /** The estimate for a target: one read of the duty base. */
  async estimate(target: EstimateTarget, options: EstimateOptions): Promise<EstimateResult> {
    return this.resultOf(await this.readBase(target, options), options);
  }

  /**
   * The estimate, its sensitivity, VAT/GST on the same base and duty designs for a target, all computed from
   * one read of the duty base: what the moratorium page shows.
   */
  async report(target: EstimateTarget, options: EstimateOptions): Promise<MoratoriumReport> {
    const read = await this.readBase(target, options);
    const result = await this.resultOf(read, options);
    return {
      result,
      sensitivity: this.sensitivityOf(read, options),
      vat: await this.vatComparison(result),
      design: (iso3, ratePct, baseUsd) => this.designOf(iso3, ratePct, options.elasticity, options, baseUsd, read),
    };
  }

  /** The target's reporters, product list, editions and correlations, and its duty base: one scan. */
  private async readBase(target: EstimateTarget, options: EstimateOptions): Promise<TargetBase> {
    const list = await this.list(options.list);
    const who = await this.reporters(target);
    const coverage = (await this.coverage()).filter((c) => who.reporters === null || who.reporters.includes(c.reporter));
    const editions = [...new Set(coverage.map((c) => c.edition))];
    const links = await this.links(list, editions);
    const { factors } = lineFactors(list, editions, links, options);
    const periods = new PeriodBook(await this.obs.store.datedPeriods(), coverage);
    const base = indexDutyBase(await periods.dutyBaseLines(this.obs.store, who.reporters, factors, options.years));
    return { target, who, list, coverage, editions, links, base, periods };
  }

  /** A country's part of a target's base, as if read for the country alone; null when the read did not cover it. */
  private async countryBase(read: TargetBase, iso3: string): Promise<TargetBase | null> {
    if (read.who.reporters !== null && !read.who.reporters.includes(iso3)) return null;
    const target: EstimateTarget = { kind: 'country', id: iso3 };
    const coverage = read.coverage.filter((c) => c.reporter === iso3);
    return {
      target,
      who: await this.reporters(target),
      list: read.list,
      coverage,
      editions: [...new Set(coverage.map((c) => c.edition))],
      links: read.links,
      base: indexDutyBase(read.base.lines.filter((b) => b.reporter === iso3)),
      periods: read.periods,
    };
  }

  /** The estimate of a target from its base under `options` (the list and years the base was read with). */
  private async resultOf(read: TargetBase, options: EstimateOptions): Promise<EstimateResult> {
    const { target, who, list, coverage, editions } = read;
    const { factors, unmatched } = lineFactors(list, editions, read.links, options);
    const result = estimateFromBase(read.base, factors, options);
    const ref = await this.obs.ref();
    const revenue = await this.revenueSeries();
    const fxOf = await this.fxSeries();
    const rows: CountryYear[] = result.rows
      .filter((r) => who.memberIn(r.reporter, r.year))
      .map((r) => {
        const { customs, government } = revenue(r.reporter, r.year);
        const fx = fxOf(r.reporter);
        const ofCustoms = revenueShare(r.revenueUsd, r.year, customs, fx, options.shareCurrency);
        const ofGovernment = revenueShare(r.revenueUsd, r.year, government, fx, options.shareCurrency);
        return {
          ...r,
          ...read.periods.fields(r),
          name: ref.countries.get(r.reporter)?.names.en ?? ref.economies.get(r.reporter)?.name ?? r.reporter,
          customsRevenue: customs,
          governmentRevenue: government,
          shareOfCustoms: ofCustoms.share,
          shareOfGovernment: ofGovernment.share,
          customsShareBasis: ofCustoms.basis,
          governmentShareBasis: ofGovernment.basis,
        };
      });
    const kept = new Set(rows.map((r) => `${r.reporter}|${r.year}`));
    const lines = result.lines.filter((l) => kept.has(`${l.reporter}|${l.year}`));

    let groupRows: GroupYear[] | null = null;
    const withImports = new Set(rows.map((r) => r.reporter));
    let noData: string[];
    if (target.kind === 'group') {
      const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
      groupRows = years.map((year) => {
        const ofYear = rows.filter((r) => r.year === year);
        const rated = ofYear.filter((r) => r.revenueUsd !== null);
        return {
          year,
          revenueUsd: rated.length ? sum(rated.map((r) => r.revenueUsd as number)) : null,
          importsUsd: sum(ofYear.map((r) => r.importsUsd)),
          membersWithData: rated.length,
          membersTotal: who.all(year).length,
        };
      });
      const lastYear = options.years?.to && options.years.to < 2100 ? options.years.to : Number(this.obs.today().slice(0, 4));
      noData = who.all(lastYear).filter((iso3) => !withImports.has(iso3));
    } else {
      noData = withImports.has(target.id) ? [] : [target.id];
    }

    const remarks = remarksOf(rows, factors, unmatched, list, editions);
    const absences = uncorrelated(coverage, new Set(factors.map((f) => f.edition)), list.edition, options.years);
    const vintageIds = new Set<number>();
    for (const c of coverage) for (const id of [...c.tradeVintages, ...c.tariffVintages]) vintageIds.add(id);
    for (const code of [CUSTOMS_SHARE, TAX_GDP, REVENUE_GDP, GDP_USD, ...(options.shareCurrency === 'local' ? [FX_INDICATOR] : [])]) for (const v of ref.indicators.get(code)?.vintages ?? []) vintageIds.add(v.id);
    const vintages = [...vintageIds].map((id) => ref.vintages.get(id)).filter((v): v is Vintage => v !== undefined);

    return {
      target: { kind: target.kind, id: target.id, name: who.name },
      options,
      list,
      assumptions: describeOptions(options),
      rows,
      lines,
      groupRows,
      noData,
      vintages: vintages.sort((a, b) => a.id - b.id),
      remarks,
      notes: [...remarks.map(remarkText), ...absences.map(absenceText)],
      factors,
      absences,
    };
  }

  /** The VAT registry of every country: built-in facts, imported registries and tracker, accepted answers. */
  async vatRegistry(): Promise<Map<string, MergedVatEntry>> {
    const answers = await this.obs.store.registry.practiceAnswers({ questionnaire: 'digital-vat' });
    const entries: VatEntry[] = [
      ...VAT_FACTS,
      ...(await this.obs.store.vatEntries()),
      ...answers.map((a) => vatEntryFromAnswers(a.iso3, a.answers, a.acceptedAt.slice(0, 10))),
    ];
    return mergeVatEntries(entries);
  }

  /**
   * VAT at the registry's rate on the same base as the duty estimate, line by line: the base × share ×
   * valuation, after the import response to the duty, plus the duty itself. A line's duty is its
   * import-weighted rate, so with preferences the VAT is computed on the average duty of the line.
   */
  async vatComparison(result: EstimateResult): Promise<VatRow[]> {
    const registry = await this.vatRegistry();
    const table = await this.standardRates();
    const factorOf = new Map(result.factors.map((f) => [f.hs6, f.factor]));
    const includeDuty = result.options.vatBase === 'with-duty';
    return result.rows.map((row) => {
      const entry = registry.get(row.reporter) ?? null;
      const standard = table.get(row.reporter) ?? null;
      const rate = comparisonRate(entry, standard);
      let vat: number | null = null;
      if (rate.ratePct !== null) {
        vat = 0;
        for (const l of result.lines) {
          if (l.reporter !== row.reporter || l.year !== row.year) continue;
          const base = l.importsUsd * (factorOf.get(l.hs6) ?? 1);
          vat += vatRevenue(base, { rate: rate.ratePct }, { dutyPct: l.ratePct ?? 0, elasticity: result.options.elasticity, includeDuty }).revenueUsd ?? 0;
        }
      }
      return { reporter: row.reporter, name: row.name, year: row.year, entry, standard, rate, dutyRevenueUsd: row.revenueUsd, vatRevenueUsd: vat };
    });
  }

  /** The standard VAT/GST rate of each country from the imported tables, the best-ranked source first (domain/moratorium/vat-rates.ts). */
  async standardRates(): Promise<Map<string, StandardRate>> {
    return chooseStandardRates(await this.obs.store.vatRates());
  }

  /**
   * A duty of `ratePct` on electronic transmissions for one country: on a value the user gives, or on the
   * listed lines' imports (× share × valuation) of the latest year with data. Revenue, cost to consumers and
   * the revenue curve over rates from 0 to 50%.
   */
  design(iso3: string, ratePct: number, elasticity: number, options: EstimateOptions, baseUsd?: number): Promise<DutyDesign> {
    return this.designOf(iso3, ratePct, elasticity, options, baseUsd, null);
  }

  /** A design whose base comes from a target's base already read when it covers the country, else from a read of its own. */
  private async designOf(iso3: string, ratePct: number, elasticity: number, options: EstimateOptions, baseUsd: number | undefined, read: TargetBase | null): Promise<DutyDesign> {
    let base = baseUsd ?? null;
    let year: number | null = null;
    let vintages: Vintage[] = [];
    if (base === null) {
      const country = (read && (await this.countryBase(read, iso3))) ?? (await this.readBase({ kind: 'country', id: iso3 }, options));
      const result = await this.resultOf(country, options);
      vintages = result.vintages;
      const latest = result.rows.reduce<CountryYear | null>((a, r) => (!a || r.year > a.year ? r : a), null);
      if (!latest) throw new NotFoundError(`no imports of the listed lines for ${iso3}: give the value of electronic transmissions instead`);
      year = latest.year;
      const factorOf = new Map(result.factors.map((f) => [f.hs6, f.factor]));
      base = sum(result.lines.filter((l) => l.year === latest.year).map((l) => l.importsUsd * (factorOf.get(l.hs6) ?? 1)));
    }
    return {
      iso3,
      year,
      baseUsd: base,
      baseFrom: baseUsd === undefined ? 'listed lines' : 'given',
      simulation: simulateDuty(base, ratePct, elasticity),
      laffer: lafferCurve(base, elasticity, rateRange(0, 50, 2.5)),
      peakRatePct: revenueMaximisingRate(elasticity),
      vintages,
    };
  }

  /**
   * How the total moves with each assumption, one at a time, against the base case of `options`:
   * tariff measure, roll-up, share digitised, valuation basis and import-demand elasticity.
   */
  async sensitivity(target: EstimateTarget, options: EstimateOptions): Promise<SensitivityRow[]> {
    return this.sensitivityOf(await this.readBase(target, options), options);
  }

  /** The sensitivity over a target's base: every variant computed from it, none read again. */
  private sensitivityOf(read: TargetBase, options: EstimateOptions): SensitivityRow[] {
    return sensitivityRows(read, options);
  }
}
