import { membersAt } from '../../domain/group.ts';
import { KNOWN_STRATEGIES, type Checkpoint, type Strategy } from '../../domain/strategies/checkpoints.ts';
import {
  compareCheckpoints,
  coverageCountries,
  fundingByCurrency,
  measuresForCountry,
  progressSeries,
  type CheckpointComparison,
  type Funding,
  type Measure,
  type ProgressPoint,
} from '../../domain/strategies/measures.ts';
import { POLICY_AREAS, sharesAt, sharesByArea, type PolicyArea, type Shares } from '../../domain/tracking.ts';
import type { Observatory } from './observatory.ts';

/** What the tracker is asked: the date the shares are read on, and which strategy, area and country. */
export interface TrackerQuery {
  /** YYYY-MM-DD. */
  date: string;
  strategy?: string | undefined;
  area?: PolicyArea | undefined;
  /** ISO3: only the measures that apply to this country. */
  country?: string | undefined;
}

/** One strategy followed measure by measure on a date. */
export interface StrategyTrack {
  strategy: Strategy;
  /** The countries it covers on the date; null when its coverage names no group or codes the Observatory can resolve. */
  countries: string[] | null;
  /** Its measures (after the area and country filters), with their histories. */
  measures: Measure[];
  /** Whether any measure of the strategy is recorded at all (whatever the filters). */
  hasMeasures: boolean;
  shares: Shares;
  byArea: { area: PolicyArea; shares: Shares }[];
  /** The published checkpoints beside the shares of all the strategy's measures on each checkpoint's date. */
  checkpoints: CheckpointComparison[];
  /** The published checkpoints as published. */
  published: Checkpoint[];
  /** Budget and funding committed by currency, overall and per area (never added across currencies). */
  funding: Funding[];
  fundingByArea: { area: PolicyArea; funding: Funding[] }[];
  /** Shares at every change date up to the date. */
  progress: ProgressPoint[];
}

export interface TrackerAnswer {
  date: string;
  strategies: StrategyTrack[];
  /** Every measure of the strategies asked for, after the filters. */
  overall: Shares;
  byArea: { area: PolicyArea; shares: Shares }[];
  /** Each country covered by a strategy asked for, with the shares of the measures that apply to it. */
  byCountry: { iso3: string; strategies: string[]; shares: Shares }[];
  vintageIds: number[];
}

/**
 * The strategies' measures at a date: shares under implementation and completed overall, per area, per
 * strategy and per country; the published checkpoints beside the shares computed at their dates; budget
 * against funding committed by currency; the progress over time.
 */
export async function strategyTracker(obs: Observatory, q: TrackerQuery): Promise<TrackerAnswer> {
  const ref = await obs.ref();
  const stored = await obs.store.strategies();
  const { measures: all, vintageIds: measureVintages } = await obs.store.strategyMeasures();
  const iso = new Set(ref.countries.keys());
  const members = (id: string) => (ref.memberships.has(id) || ref.groups.has(id) ? membersAt(ref.memberships.get(id) ?? [], q.date) : null);
  const byId = new Map<string, Strategy>(stored.strategies.map((s) => [s.id, s]));
  // Measures of a strategy only declared by a measures file that is not current any more are kept under their id.
  for (const m of all) {
    if (byId.has(m.strategyId)) continue;
    const known = KNOWN_STRATEGIES.find((k) => k.id === m.strategyId);
    byId.set(m.strategyId, known ? { id: known.id, name: known.name, scope: known.scope, coverage: known.coverage, period: known.period } : { id: m.strategyId, name: m.strategyId, scope: 'national', coverage: '', period: null });
  }
  const strategies = [...byId.values()].filter((s) => q.strategy === undefined || s.id === q.strategy).sort((a, b) => a.name.localeCompare(b.name));
  const countriesOf = new Map(strategies.map((s) => [s.id, coverageCountries(s.coverage, members, iso)]));
  const pick = (list: readonly Measure[]) => {
    let out = list.filter((m) => q.area === undefined || m.area === q.area);
    if (q.country !== undefined) out = measuresForCountry(out, q.country, new Map([...countriesOf].map(([k, v]) => [k, v ?? []])));
    return out;
  };
  const tracks: StrategyTrack[] = strategies.map((s) => {
    const own = all.filter((m) => m.strategyId === s.id);
    const measures = pick(own);
    const published = stored.checkpoints.filter((c) => c.strategyId === s.id).sort((a, b) => a.date.localeCompare(b.date));
    return {
      strategy: s,
      countries: countriesOf.get(s.id) ?? null,
      measures,
      hasMeasures: own.length > 0,
      shares: sharesAt(measures, q.date),
      byArea: sharesByArea(measures, q.date),
      checkpoints: own.length ? compareCheckpoints(published, own) : [],
      published,
      funding: fundingByCurrency(measures),
      fundingByArea: POLICY_AREAS.filter((a) => measures.some((m) => m.area === a)).map((area) => ({ area, funding: fundingByCurrency(measures.filter((m) => m.area === area)) })),
      progress: measures.length ? progressSeries(measures, q.date) : [],
    };
  });
  const chosen = tracks.flatMap((t) => t.measures);
  const covered = new Map<string, string[]>();
  for (const t of tracks) for (const c of t.countries ?? []) covered.set(c, [...(covered.get(c) ?? []), t.strategy.id]);
  for (const m of chosen) for (const c of m.countries) if (!covered.get(c)?.includes(m.strategyId)) covered.set(c, [...(covered.get(c) ?? []), m.strategyId]);
  const byCountry = [...covered.entries()]
    .filter(([iso3]) => q.country === undefined || iso3 === q.country)
    .map(([iso3, ids]) => {
      const list = measuresForCountry(
        chosen.filter((m) => ids.includes(m.strategyId)),
        iso3,
        new Map([...countriesOf].map(([k, v]) => [k, v ?? []])),
      );
      return { iso3, strategies: ids.sort(), shares: sharesAt(list, q.date) };
    })
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
  return {
    date: q.date,
    strategies: tracks,
    overall: sharesAt(chosen, q.date),
    byArea: sharesByArea(chosen, q.date),
    byCountry,
    vintageIds: [...new Set([...stored.vintageIds, ...measureVintages])].sort((a, b) => a - b),
  };
}

/** The strategies covering a country, or any member of a group, on a date, with their shares: for country and group pages. */
export async function strategiesCovering(obs: Observatory, iso3s: readonly string[], date: string): Promise<StrategyTrack[]> {
  const t = await strategyTracker(obs, { date });
  return t.strategies.filter((s) => (s.countries ?? []).some((c) => iso3s.includes(c)) || s.measures.some((m) => m.countries.some((c) => iso3s.includes(c))));
}
