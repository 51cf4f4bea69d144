import type { Shares } from '../../domain/tracking.ts';
import type { Funding } from '../../domain/strategies/measures.ts';
import type { StrategyTrack } from '../services/strategy-tracker.ts';

/** Said in every answer of the tracker: what the shares are of, and what is shown when no measure is recorded. */
export const STRATEGIES_TRACKER =
  'Shares are computed from the measures recorded with their dated statuses: on the date asked for, each measure has its latest status dated on or before it; dropped measures are counted apart and left out of the shares. A strategy with no measure recorded shows only the figures its secretariat published, quoted as published: its shares are null, not 0.';

/** Said beside every funding figure. */
export const FUNDING_NOTE = 'Budgets and funding committed are summed per currency; amounts in different currencies are never added together.';

export function sharesJson(s: Shares) {
  return {
    recorded: s.recorded,
    counted: s.counted,
    notStarted: s.notStarted,
    underImplementation: s.underImplementation,
    completed: s.completed,
    dropped: s.dropped,
    underImplementationShare: s.underImplementationShare,
    completedShare: s.completedShare,
  };
}

export function fundingJson(f: Funding) {
  return { currency: f.currency, measures: f.measures, budget: f.budget, committed: f.committed, committedShare: f.committedShare };
}

/** The CSV cells of a set of shares. */
export function sharesCells(s: Shares): (number | null)[] {
  return [s.counted, s.notStarted, s.underImplementation, s.completed, s.dropped, s.underImplementationShare, s.completedShare];
}
export const SHARES_HEADER = ['measures_counted', 'not_started', 'under_implementation', 'completed', 'dropped', 'under_implementation_pct', 'completed_pct'];

/** A strategy's summary in the list: who it covers, its shares on the date, its published checkpoints. */
export function trackSummaryJson(t: StrategyTrack) {
  const s = t.strategy;
  return {
    id: s.id,
    name: s.name,
    scope: s.scope,
    coverage: s.coverage,
    period: s.period,
    countries: t.countries,
    hasMeasures: t.hasMeasures,
    measures: t.measures.length,
    shares: t.hasMeasures ? sharesJson(t.shares) : null,
    funding: t.funding.map(fundingJson),
    checkpoints: t.published.map((c) => ({ date: c.date, underImplementation: c.underImplementation, completed: c.completed, measures: c.measures, quotes: c.quotes, sources: c.sources })),
  };
}
