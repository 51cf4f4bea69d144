import { NotFoundError } from '../../domain/errors.ts';
import { reproduction, type Reproduction } from '../../domain/readiness/compare.ts';
import { DEFAULT_MIN_COVERAGE, type AggregateResult } from '../../domain/aggregate.ts';
import { computeIndex, groupAverage, type EconomyScore, type IndexResult, type Series } from '../../domain/readiness/compute.ts';
import { BUILT_IN_METHODS, builtInMethod, POPULATION, type IndexMethod, type MissingRule } from '../../domain/readiness/method.ts';
import type { StoredMethodVersion } from '../../domain/readiness/user-methods.ts';
import type { Observatory } from './observatory.ts';

/** One economy of a computed index beside the published edition of the same year. */
export interface ReadinessRow extends EconomyScore {
  name: string;
  published: { score: number; rank: number } | null;
  /** Observatory score − published score, in index points. */
  difference: number | null;
}

export interface ReadinessAnswer {
  method: IndexMethod;
  year: number;
  missing: MissingRule;
  rows: ReadinessRow[];
  /** The economies neither scored nor in the edition, with the reasons of their missing components. */
  unlisted: ReadinessRow[];
  /** How close the computation is to the published edition; null when the method has none for the year. */
  reproduction: Reproduction | null;
  /** Economies the edition ranks that the Observatory cannot score, and those it scores that the edition does not rank. */
  onlyPublished: string[];
  onlyObservatory: string[];
  /** Population-weighted group averages of the scores, with coverage, members on 31 December of the index year. */
  groups: ({ id: string; date: string; populationYear: number } & AggregateResult)[];
  /** The vintages the components and the published values come from. */
  vintages: { indicator: string; vintageIds: number[] }[];
}

/**
 * The readiness indexes: a method's scores and ranks computed from the stored values, beside the published
 * edition where the method reproduces one.
 */
export class ReadinessService {
  constructor(private readonly obs: Observatory) {}

  /** The built-in methods (user-defined ones: `allMethods`). */
  methods(): readonly IndexMethod[] {
    return BUILT_IN_METHODS;
  }

  /** A built-in method. */
  method(id: string): IndexMethod {
    const m = builtInMethod(id);
    if (!m) throw new NotFoundError(`no readiness method ${id}; known: ${BUILT_IN_METHODS.map((x) => x.id).join(', ')}`);
    return m;
  }

  /** The built-in methods, then the latest version of each user-defined one, with its author and versions. */
  async allMethods(): Promise<IndexMethod[]> {
    const stored = await this.obs.store.readinessMethods();
    const ids = [...new Set(stored.map((s) => s.id))];
    const user = await Promise.all(ids.map((id) => this.withAuthorship(stored.filter((s) => s.id === id))));
    return [...BUILT_IN_METHODS, ...user];
  }

  /**
   * A method by id: a built-in one, or a user-defined one at `version` (the latest by default). A NotFoundError
   * names the parameter at fault ("method" or "version").
   */
  async resolve(id: string, version?: number): Promise<IndexMethod> {
    const builtIn = builtInMethod(id);
    if (builtIn) {
      if (version !== undefined) throw new NotFoundError(`${id} is a built-in method: it has no numbered versions (its version is ${builtIn.version})`, { parameter: 'version' });
      return builtIn;
    }
    const stored = await this.obs.store.readinessMethods(id);
    if (stored.length === 0) {
      const known = (await this.allMethods()).map((m) => m.id);
      throw new NotFoundError(`no readiness method "${id}"; known: ${known.join(', ')}`, { parameter: 'method' });
    }
    const at = version === undefined ? stored.length : stored.findIndex((s) => s.version === version) + 1;
    if (at === 0) throw new NotFoundError(`readiness method ${id} has no version ${version}; its versions are ${stored.map((s) => s.version).join(', ')}`, { parameter: 'version' });
    return this.withAuthorship(stored.slice(0, at), stored.map((s) => s.version));
  }

  /** The last of `versions` with its author's name and the list of every version. */
  private async withAuthorship(versions: StoredMethodVersion[], all = versions.map((v) => v.version)): Promise<IndexMethod> {
    const v = versions[versions.length - 1]!;
    const account = v.authorId === null ? null : await this.obs.store.registry.account(v.authorId);
    const author = v.authorId === null ? 'command line' : (account?.name ?? `account ${v.authorId}`);
    return { ...v.method, authorship: { version: v.version, versions: all, authorId: v.authorId, author, createdAt: v.createdAt, note: v.note } };
  }

  /** Values of an indicator: the current vintage, or every edition (the latest winning) when `editions`. */
  private async series(code: string, editions: boolean): Promise<{ series: Series; vintageIds: number[] }> {
    const ref = await this.obs.ref();
    const out = new Map<string, Map<number, number>>();
    if (!ref.indicators.has(code)) return { series: out, vintageIds: [] };
    const put = (entity: string, year: number, value: number, overwrite: boolean) => {
      let byYear = out.get(entity);
      if (!byYear) out.set(entity, (byYear = new Map()));
      if (overwrite || !byYear.has(year)) byYear.set(year, value);
    };
    if (!editions) {
      const values = await this.obs.indicatorValues(code);
      for (const [year, entities] of values.byYear) for (const [entity, v] of entities) put(entity, year, v, true);
      return { series: out, vintageIds: ref.indicators.get(code)?.vintages.map((v) => v.id) ?? [] };
    }
    // Newest first: an older edition only fills economies and years the newer ones lack.
    const history = await this.obs.store.indicatorHistory(code);
    for (const h of history) {
      for (const o of await this.obs.store.observations({ indicators: [code], vintageId: h.vintageId })) put(o.entity, o.year, o.value, false);
    }
    return { series: out, vintageIds: history.map((h) => h.vintageId) };
  }

  /** The index for a year: `method` a built-in id, or a method resolved already (a user-defined version). */
  async compute(methodOrId: string | IndexMethod, year: number, missing?: MissingRule, groupIds: readonly string[] = []): Promise<ReadinessAnswer> {
    const method = typeof methodOrId === 'string' ? this.method(methodOrId) : methodOrId;
    const ref = await this.obs.ref();
    const series = new Map<string, Series>();
    const vintages: ReadinessAnswer['vintages'] = [];
    for (const c of method.components) {
      const s = await this.series(c.indicator, c.editions === true);
      series.set(c.indicator, s.series);
      vintages.push({ indicator: c.indicator, vintageIds: s.vintageIds });
    }
    const population = method.components.some((c) => c.transformation === 'per-capita') ? (await this.series(POPULATION, false)).series : undefined;
    const economies = [...ref.countries.keys()].sort();
    const result: IndexResult = computeIndex(method, { economies, series, ...(population ? { population } : {}) }, year, missing ?? method.missing);

    const publishedScores = new Map<string, number>();
    const publishedRanks = new Map<string, number>();
    if (method.published) {
      const idx = await this.series(method.published.index, true);
      const rank = await this.series(method.published.rank, true);
      vintages.push({ indicator: method.published.index, vintageIds: idx.vintageIds });
      for (const [iso3, byYear] of idx.series) {
        const v = byYear.get(year);
        if (v !== undefined) publishedScores.set(iso3, v);
      }
      for (const [iso3, byYear] of rank.series) {
        const v = byYear.get(year);
        if (v !== undefined) publishedRanks.set(iso3, v);
      }
    }
    const rows: ReadinessRow[] = result.rows.map((r) => {
      const p = publishedScores.get(r.iso3);
      const published = p === undefined ? null : { score: p, rank: publishedRanks.get(r.iso3) ?? NaN };
      return { ...r, name: ref.countries.get(r.iso3)?.names.en ?? r.iso3, published, difference: published && r.score !== null ? r.score - published.score : null };
    });
    const computed = new Map(rows.filter((r) => r.score !== null).map((r) => [r.iso3, r.score as number]));
    const hasPublished = publishedScores.size > 0;
    const groups: ReadinessAnswer['groups'] = [];
    if (groupIds.length > 0) {
      // Population of the data year (the index year − 1), as the components are read.
      const populationYear = year - 1;
      const pop = (await this.obs.indicatorValues(POPULATION)).byYear.get(populationYear) ?? new Map<string, number>();
      const date = `${year}-12-31`;
      for (const id of groupIds) {
        const members = this.obs.membersOn(ref, id, date);
        groups.push({ id, date, populationYear, ...groupAverage(result, members, pop, DEFAULT_MIN_COVERAGE) });
      }
    }
    return {
      method,
      year,
      missing: result.missing,
      // Economies without a score and outside the edition say nothing: only those either side ranks are listed.
      rows: rows.filter((r) => r.score !== null || r.published !== null),
      unlisted: rows.filter((r) => r.score === null && r.published === null),
      reproduction: hasPublished ? reproduction(computed, publishedScores) : null,
      onlyPublished: [...publishedScores.keys()].filter((k) => !computed.has(k)).sort(),
      groups,
      onlyObservatory: hasPublished ? [...computed.keys()].filter((k) => !publishedScores.has(k)).sort() : [],
      vintages,
    };
  }
}
