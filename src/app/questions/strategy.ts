import { NotFoundError } from '../../domain/errors.ts';
import { statusAt } from '../../domain/tracking.ts';
import { strategyTracker, type StrategyTrack } from '../services/strategy-tracker.ts';
import { format } from './common.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion, type Param } from './question.ts';
import { errors, ok, string } from './schema.ts';
import { trackerArea, trackerCountry, trackerDate } from './strategy-params.ts';
import { FUNDING_NOTE, fundingJson, sharesJson, STRATEGIES_TRACKER, trackSummaryJson } from './strategies-present.ts';

/** `{id}` in a path: a strategy's id (a 404 when none is stored, from the answer). */
export const pathStrategy = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The strategy’s id, as listed by /strategies.',
  schema: string(undefined, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  example: 'pacific',
  parse: (raw) => (raw ?? '').toLowerCase(),
} satisfies Param<string>;

/** Said when a strategy has no measure recorded. */
export const NO_MEASURES = 'No measures recorded yet: the published figures are shown, and no share is computed (never 0%).';

/** The track of one strategy, or a 404. */
export async function oneTrack(obs: Parameters<typeof strategyTracker>[0], id: string, q: { date: string; area?: string | undefined; country?: string | undefined }): Promise<StrategyTrack> {
  const t = await strategyTracker(obs, { ...q, strategy: id } as Parameters<typeof strategyTracker>[1]);
  const track = t.strategies[0];
  if (!track) throw new NotFoundError(`no strategy "${id}": the strategies are listed at /api/v1/strategies`);
  return track;
}

/** GET /strategies/{id}: one strategy's measures and their histories, shares on a date, checkpoints compared, funding. */
export const strategy = defineQuestion({
  id: 'strategy',
  method: 'get',
  path: '/strategies/{id}',
  params: { id: pathStrategy, date: trackerDate, area: trackerArea, country: trackerCountry, format },
  doc: {
    summary: 'One e-commerce strategy: its measures, their shares at a date, the published checkpoints beside the computed shares, funding',
    description:
      'The strategy with its countries; on `date` (today by default) the counts and shares of its measures under implementation and completed, overall and per policy area; each published checkpoint beside the shares computed from the measures on its date and the difference in percentage points (computed minus published); budget against funding committed per currency, overall and per area (different currencies are never added); the progress at every date a status changed; and every measure with its fields, its status on the date and its dated history with sources. A strategy without measures recorded has null shares and its published figures only. CSV: one row per measure.',
    tags: ['strategies'],
    responses: { '200': ok('The strategy.', 'StrategyDetail', 'strategy.csv'), ...errors('400', '404') },
  },
  async answer({ id, date, area, country }, { obs }) {
    const ref = await obs.ref();
    const t = await oneTrack(obs, id, { date, area, country });
    const ids = [...new Set(t.measures.map((m) => (m as { vintageId?: number }).vintageId).filter((v): v is number => v !== undefined))];
    const vintages = [...ref.vintages.values()].filter((v) => ids.includes(v.id) || (v.format === 'strategy-statements' && t.published.length > 0));
    const source = sourceLine(vintages);
    return {
      json: () => ({
        date,
        tracker: STRATEGIES_TRACKER,
        note: t.hasMeasures ? null : NO_MEASURES,
        funding: FUNDING_NOTE,
        strategy: trackSummaryJson(t),
        byArea: t.byArea.map((a) => ({ area: a.area, shares: sharesJson(a.shares) })),
        checkpoints: t.hasMeasures
          ? t.checkpoints.map((c) => ({ date: c.date, published: c.published, computed: sharesJson(c.computed), difference: c.difference }))
          : t.published.map((c) => ({ date: c.date, published: { underImplementation: c.underImplementation, completed: c.completed, measures: c.measures }, computed: null, difference: { underImplementation: null, completed: null } })),
        fundingByCurrency: t.funding.map(fundingJson),
        fundingByArea: t.fundingByArea.map((a) => ({ area: a.area, funding: a.funding.map(fundingJson) })),
        progress: t.progress,
        measures: t.measures.map((m) => ({
          id: m.id,
          area: m.area,
          text: m.text,
          priority: m.priority,
          leadAgency: m.leadAgency,
          partners: m.partners,
          donors: m.donors,
          budget: m.budget,
          currency: m.currency,
          fundingCommitted: m.fundingCommitted,
          indicator: m.indicator,
          baseline: m.baseline,
          target: m.target,
          countries: m.countries,
          status: statusAt(m, date),
          history: m.history,
        })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: `strategy-${t.strategy.id}.csv`,
        header: ['strategy_id', 'measure_id', 'area', 'measure', 'priority', 'lead_agency', 'partners', 'donors', 'budget', 'currency', 'funding_committed', 'indicator', 'baseline', 'target', 'countries', 'date', 'status_on_date', 'history', 'vintage', 'source'],
        rows: t.measures.map((m) => [
          t.strategy.id,
          m.id,
          m.area,
          m.text,
          m.priority,
          m.leadAgency,
          m.partners,
          m.donors,
          m.budget,
          m.currency,
          m.fundingCommitted,
          m.indicator,
          m.baseline,
          m.target,
          m.countries.join(';'),
          date,
          statusAt(m, date),
          m.history.map((c) => `${c.date} ${c.status}${c.source ? ` (${c.source})` : ''}`).join(' | '),
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
