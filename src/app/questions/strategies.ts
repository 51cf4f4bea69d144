import { strategiesOverview } from '../services/strategies.ts';
import { format } from './common.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion } from './question.ts';
import { errors, ok } from './schema.ts';

/** Said in every answer: these are the secretariats' headline figures, not a tracker of the measures. */
export const STRATEGIES_TRACKER =
  'These are the progress figures the strategies’ secretariats published, quoted as published. The measure-by-measure tracker (each measure and its status) is not yet available in the Observatory.';

/** GET /strategies: the e-commerce strategies and the progress checkpoints published for them. */
export const strategies = defineQuestion({
  id: 'strategies',
  method: 'get',
  path: '/strategies',
  params: { format },
  doc: {
    summary: 'E-commerce strategies and their published progress checkpoints',
    description:
      'Every national or regional e-commerce strategy imported (id, name, scope, countries or group, period) with its published checkpoints: on each date, the share of measures under implementation and the share completed, in percent, as published (null when not given that date), the number of measures where given, the quotes word for word and their sources. Nothing is derived or interpolated. CSV: one row per checkpoint, and one per strategy without any.',
    tags: ['strategies'],
    responses: { '200': ok('The strategies.', 'Strategies', 'strategies.csv'), ...errors('400') },
  },
  async answer(_params, { obs }) {
    const ref = await obs.ref();
    const o = await strategiesOverview(obs);
    const vintages = o.vintageIds.flatMap((id) => {
      const v = ref.vintages.get(id);
      return v ? [v] : [];
    });
    const source = sourceLine(vintages);
    return {
      json: () => ({
        tracker: STRATEGIES_TRACKER,
        strategies: o.strategies.map((s) => ({
          id: s.id,
          name: s.name,
          scope: s.scope,
          coverage: s.coverage,
          period: s.period,
          checkpoints: s.checkpoints.map((c) => ({ date: c.date, underImplementation: c.underImplementation, completed: c.completed, measures: c.measures, quotes: c.quotes, sources: c.sources })),
        })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: 'strategies.csv',
        header: ['strategy_id', 'name', 'scope', 'coverage', 'period', 'date', 'under_implementation_pct', 'completed_pct', 'measures', 'quotes', 'sources', 'vintage', 'source'],
        rows: o.strategies.flatMap((s) =>
          (s.checkpoints.length ? s.checkpoints : [null]).map((c) => [
            s.id,
            s.name,
            s.scope,
            s.coverage,
            s.period,
            c?.date ?? null,
            c?.underImplementation ?? null,
            c?.completed ?? null,
            c?.measures ?? null,
            c ? c.quotes.join(' | ') : null,
            c ? c.sources.join(' ') : null,
            vintageCell(vintages),
            source,
          ]),
        ),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
