import { strategyTracker } from '../services/strategy-tracker.ts';
import { format } from './common.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion } from './question.ts';
import { errors, ok } from './schema.ts';
import { trackerArea, trackerCountry, trackerDate, trackerStrategy } from './strategy-params.ts';
import { FUNDING_NOTE, SHARES_HEADER, sharesCells, sharesJson, STRATEGIES_TRACKER, trackSummaryJson } from './strategies-present.ts';
import { ParameterError } from '../../domain/errors.ts';

export { STRATEGIES_TRACKER } from './strategies-present.ts';

/** GET /strategies: the e-commerce strategies, their measures' shares on a date and their published checkpoints. */
export const strategies = defineQuestion({
  id: 'strategies',
  method: 'get',
  path: '/strategies',
  params: { date: trackerDate, strategy: trackerStrategy, area: trackerArea, country: trackerCountry, format },
  doc: {
    summary: 'E-commerce strategies: shares of measures under implementation and completed at a date, and published checkpoints',
    description:
      'Every national or regional e-commerce strategy (id, name, scope, countries or group, period) with, on `date` (today by default), the counts and shares of its measures under implementation and completed (null when no measure is recorded: then only the published figures are known), its funding by currency, and its published checkpoints as published (quotes and sources). Also the shares of all the measures asked for, per policy area and per country covered. `strategy`, `area` and `country` narrow the measures counted. CSV: one row per strategy and area ("all" first) with the counts and shares on the date.',
    tags: ['strategies'],
    responses: { '200': ok('The strategies.', 'Strategies', 'strategies.csv'), ...errors('400') },
  },
  async answer({ date, strategy, area, country }, { obs }) {
    const ref = await obs.ref();
    const t = await strategyTracker(obs, { date, strategy, area, country });
    if (strategy !== undefined && t.strategies.length === 0) throw new ParameterError('strategy', `unknown strategy "${strategy}"`);
    const vintages = t.vintageIds.flatMap((id) => {
      const v = ref.vintages.get(id);
      return v ? [v] : [];
    });
    const source = sourceLine(vintages);
    return {
      json: () => ({
        date,
        filters: { strategy: strategy ?? null, area: area ?? null, country: country ?? null },
        tracker: STRATEGIES_TRACKER,
        funding: FUNDING_NOTE,
        strategies: t.strategies.map(trackSummaryJson),
        overall: sharesJson(t.overall),
        byArea: t.byArea.map((a) => ({ area: a.area, shares: sharesJson(a.shares) })),
        byCountry: t.byCountry.map((c) => ({ iso3: c.iso3, strategies: c.strategies, shares: sharesJson(c.shares) })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: 'strategies.csv',
        header: ['strategy_id', 'name', 'scope', 'coverage', 'period', 'date', 'area', ...SHARES_HEADER, 'latest_published_date', 'published_under_implementation_pct', 'published_completed_pct', 'vintage', 'source'],
        rows: t.strategies.flatMap((s) => {
          const last = s.published.filter((c) => c.date <= date).at(-1) ?? null;
          const head = [s.strategy.id, s.strategy.name, s.strategy.scope, s.strategy.coverage, s.strategy.period, date];
          const tail = [last?.date ?? null, last?.underImplementation ?? null, last?.completed ?? null, vintageCell(vintages), source];
          const none = SHARES_HEADER.map(() => null);
          return [
            [...head, 'all', ...(s.hasMeasures ? sharesCells(s.shares) : none), ...tail],
            ...s.byArea.map((a) => [...head, a.area, ...sharesCells(a.shares), ...tail]),
          ];
        }),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
