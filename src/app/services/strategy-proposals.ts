import { InputError, NotFoundError } from '../../domain/errors.ts';
import { isFuture, parsePartialDate, startOf } from '../../domain/etready/status.ts';
import type { ProposalPayload } from '../../domain/proposal.ts';
import { parseMeasureKey } from '../../domain/strategies/measures.ts';
import { ITEM_STATUSES, parseItemStatus } from '../../domain/tracking.ts';
import type { Observatory } from './observatory.ts';
import { strategyTracker } from './strategy-tracker.ts';

/**
 * Checks a proposed status change of a strategy measure (record kind "strategy-measure", key
 * "strategy/measure"): the measure is recorded and applies to the proposing country (the strategy covers it
 * and the measure is not limited to others), the status is one of the four, the date is a date not after
 * today and not one the measure has a status on already, and the source is named.
 */
export async function strategyMeasurePayload(obs: Observatory, iso3: string, key: string, raw: unknown, where: string): Promise<ProposalPayload> {
  const k = parseMeasureKey(key);
  if (!k) throw new InputError(`"${key}" is not a measure: expected strategy/measure, e.g. pacific/1.2`, { file: where, field: 'key' });
  const today = obs.today();
  const track = (await strategyTracker(obs, { date: today, strategy: k.strategyId, country: iso3 })).strategies[0];
  const all = (await obs.store.strategyMeasures()).measures;
  const measure = all.find((m) => m.strategyId === k.strategyId && m.id === k.measureId);
  if (!measure) throw new NotFoundError(`no measure ${key}: the measures are listed at /api/v1/strategies/${k.strategyId}`);
  if (!track?.measures.some((m) => m.id === k.measureId)) throw new InputError(`measure ${key} does not apply to ${iso3}`, { file: where, field: 'iso3' });
  const p = (raw ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof p[name] === 'string' ? (p[name] as string).trim() : '');
  const status = parseItemStatus(text('status'));
  if (status === null) throw new InputError(`unknown status "${text('status')}" (known: ${ITEM_STATUSES.join(', ')})`, { file: where, field: 'status' });
  const date = parsePartialDate(text('date'));
  if (date === null) throw new InputError(`"${text('date')}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, { file: where, field: 'date' });
  if (isFuture(date, today)) throw new InputError(`the status date ${date} is in the future (today is ${today})`, { file: where, field: 'date' });
  if (measure.history.some((h) => startOf(h.date) === startOf(date))) throw new InputError(`measure ${key} has a status on ${date} already`, { file: where, field: 'date' });
  const source = text('source');
  if (!source) throw new InputError('name the source of the status (a report, a meeting, a document)', { file: where, field: 'source' });
  return { kind: 'strategy-measure', change: { status, date, source } };
}
