import type { IndexMethod } from '../../domain/readiness/method.ts';
import type { ReadinessAnswer, ReadinessService } from './readiness.ts';
import type { Observatory } from './observatory.ts';

/** How many index years before the newest possible one are tried before saying there is none. */
const YEARS_TRIED = 12;

/** The latest index year of a method with at least one score (its own missing-component rule), and the latest published edition. */
export interface LatestIndex {
  /** The latest year with a score, with its answer; null when no year of the last `YEARS_TRIED` has one. */
  latest: ReadinessAnswer | null;
  /** The newest published edition, computed for its own year, when the latest year has none. */
  edition: ReadinessAnswer | null;
  /** The year tried first: the newest year any component's data can feed. */
  newestTried: number | null;
}

const cache = new WeakMap<ReadinessService, Map<string, { version: number; value: Promise<LatestIndex> }>>();

/**
 * The readiness index as country and group pages show it: the latest year the method gives a score in,
 * tried from the newest year the stored components can feed downwards; computed once per data version.
 */
export async function latestIndex(service: ReadinessService, obs: Observatory, methodOrId: string | IndexMethod): Promise<LatestIndex> {
  const method = typeof methodOrId === 'string' ? service.method(methodOrId) : methodOrId;
  // A user-defined method's versions differ: each is its own entry.
  const key = `${method.id}|${method.version}|${method.authorship?.version ?? ''}`;
  const version = await obs.refresh();
  let byMethod = cache.get(service);
  if (!byMethod) cache.set(service, (byMethod = new Map()));
  const hit = byMethod.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = find(service, obs, method);
  byMethod.set(key, { version, value });
  value.catch(() => byMethod.delete(key));
  return value;
}

async function find(service: ReadinessService, obs: Observatory, method: IndexMethod): Promise<LatestIndex> {
  const ref = await obs.ref();
  let newest: number | null = null;
  for (const c of method.components) {
    if (c.year.kind === 'fixed') {
      newest = Math.max(newest ?? c.year.year, c.year.year);
      continue;
    }
    if (!ref.indicators.has(c.indicator)) continue;
    const years = (await obs.indicatorValues(c.indicator)).years;
    const last = years[years.length - 1];
    if (last !== undefined) newest = Math.max(newest ?? last + c.year.lag, last + c.year.lag);
  }
  if (newest === null) return { latest: null, edition: null, newestTried: null };
  let latest: ReadinessAnswer | null = null;
  for (let y = newest; y > newest - YEARS_TRIED; y--) {
    const a = await service.compute(method, y);
    if (a.rows.some((r) => r.score !== null)) {
      latest = a;
      break;
    }
  }
  // The newest edition stored: the method's known years and those of the current vintage of the published index.
  let edition: ReadinessAnswer | null = null;
  if (method.published && !latest?.rows.some((r) => r.published !== null)) {
    const stored = ref.indicators.has(method.published.index) ? (await obs.indicatorValues(method.published.index)).years : [];
    const years = [...new Set([...method.published.years, ...stored])].sort((a, b) => b - a);
    for (const y of years) {
      const a = await service.compute(method, y);
      if (a.rows.some((r) => r.published !== null)) {
        edition = a;
        break;
      }
    }
  }
  return { latest, edition, newestTried: newest };
}
