import { InputError } from '../../domain/errors.ts';
import { checkSeries, checksFor, type IndicatorChecks, type QualityFlag } from '../../domain/quality.ts';
import { WB_AGGREGATE_CODES } from '../../domain/worldbank.ts';
import type { SourceObservation } from '../sources/records.ts';
import type { ImportWriter, ObservationRow, Store } from '../storage/store.ts';

/**
 * Whether a code that is not a known country names an aggregate: the World Bank's own aggregate codes, and any
 * code that is not an ISO3 code (the API names some rows by its two-character ids, such as "Not classified").
 */
function isAggregateCode(code: string): boolean {
  return WB_AGGREGATE_CODES.has(code) || !/^[A-Z]{3}$/.test(code);
}

/** Rows gathered before each write: big enough that the per-write cost vanishes, small enough to stay light. */
const FLUSH_ROWS = 50_000;

export interface ObservationSink {
  /** Writes a batch of observations from a source. */
  add(batch: readonly SourceObservation[]): Promise<void>;
  /**
   * Finishes: refuses values written twice, names the entities that are not countries (World Bank
   * aggregates, economies outside M49) and records the names the source gave to its codes.
   */
  finish(indicatorNames: ReadonlyMap<string, string>): Promise<{ observations: number; entities: number }>;
}

/**
 * Streams observations into an import, checking them as a whole at the end.
 * `countries` are the ISO3 codes already known, so every other code can be classified.
 */
export function observationSink(writer: ImportWriter, file: string, countries: ReadonlySet<string>): ObservationSink {
  let buffer: ObservationRow[] = [];
  let observations = 0;
  const names = new Map<string, string>();
  // The series of the indicators with stated checks, kept to flag what looks wrong (domain/quality.ts).
  const checks = new Map<string, IndicatorChecks | null>();
  const series = new Map<string, Map<string, Map<number, number>>>();
  const keep = (indicator: string, entity: string, year: number, value: number) => {
    if (!checks.has(indicator)) checks.set(indicator, checksFor(indicator));
    if (!checks.get(indicator)) return;
    let byEntity = series.get(indicator);
    if (!byEntity) series.set(indicator, (byEntity = new Map()));
    let values = byEntity.get(entity);
    if (!values) byEntity.set(entity, (values = new Map()));
    values.set(year, value);
  };

  const flush = async () => {
    if (buffer.length === 0) return;
    await writer.addObservations(buffer);
    buffer = [];
  };

  return {
    async add(batch) {
      for (const o of batch) {
        buffer.push({ indicator: o.indicator, entity: o.entity, year: o.year, value: o.value });
        keep(o.indicator, o.entity, o.year, o.value);
        if (o.entityName && !names.has(o.entity)) names.set(o.entity, o.entityName);
      }
      observations += batch.length;
      if (buffer.length >= FLUSH_ROWS) await flush();
    },
    async finish(indicatorNames) {
      await flush();
      const dups = await writer.duplicates(3);
      if (dups.length > 0) {
        const list = dups.map((d) => `${d.indicator} for ${d.entity} in ${d.year} (${d.count} times)`).join('; ');
        throw new InputError(`the same value is given more than once: ${list}`, { file, field: 'Country Code' });
      }
      for (const [code, name] of indicatorNames) await writer.nameIndicator(code, name);
      const others = [...names].filter(([code]) => !countries.has(code));
      await writer.upsertEntities(
        others.map(([code, name]) => ({ code, name, kind: isAggregateCode(code) ? 'aggregate' : 'economy' })),
      );
      await writer.addAliases([...names].map(([code, name]) => ({ code, name })));
      const flags: QualityFlag[] = [];
      for (const [indicator, byEntity] of series) {
        const c = checks.get(indicator) as IndicatorChecks;
        for (const [entity, values] of byEntity) flags.push(...checkSeries(indicator, entity, values, c));
      }
      await writer.addQualityFlags(flags);
      return { observations, entities: names.size };
    },
  };
}

/** The ISO3 codes of the stored countries, read before an import so that its other codes can be classified. */
export async function knownCountries(store: Store): Promise<Set<string>> {
  return new Set((await store.countries()).map((c) => c.iso3));
}
