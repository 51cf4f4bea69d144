import { keyTarget, type EtreadyChange } from '../../domain/etready/edits.ts';
import { isFuture, parsePartialDate, parseStatus, startOf } from '../../domain/etready/status.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import { pick } from '../../domain/lang.ts';
import type { ProposalPayload } from '../../domain/proposal.ts';
import { parseItemStatus } from '../../domain/tracking.ts';
import type { Observatory } from './observatory.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * Checks a proposed eT Ready change of a country: `key` "assessment" (a new status of its assessment:
 * requested, in preparation, published, implementation review) or "recommendation:<id>" (a new status of a
 * recommendation of its action matrix: not started, under implementation, completed, dropped), with the
 * date (YYYY, YYYY-MM or YYYY-MM-DD, not after today) and the source of the change. A recommendation not in
 * the country's matrix, or a second status on a date the history holds already, is refused.
 * @example await etreadyPayload(obs, 'MLI', 'recommendation:PAY-2', { status: 'completed', date: '2024-03', source: 'Review 2024' }, 'request body')
 */
export async function etreadyPayload(obs: Observatory, iso3: string, key: string, raw: unknown, where: string): Promise<ProposalPayload> {
  const target = keyTarget(key);
  if (!target) throw new InputError(`"${key}" is neither "assessment" nor "recommendation:<id>"`, { file: where, field: 'key' });
  const p = (raw ?? {}) as Record<string, unknown>;
  const dateText = text(p.date);
  const date = parsePartialDate(dateText);
  if (date === null) throw new InputError(`"${dateText}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, { file: where, field: 'date' });
  const today = obs.today();
  if (isFuture(date, today)) throw new InputError(`${date} is in the future (today is ${today})`, { file: where, field: 'date' });
  const source = text(p.source);
  if (!source) throw new InputError('name the source of the change (a report, a meeting, a letter)', { file: where, field: 'source' });
  const statusText = text(p.status);
  let change: EtreadyChange;
  if (target.target === 'assessment') {
    const status = parseStatus(statusText);
    if (status === null) throw new InputError(`"${statusText}" is not one of requested, in preparation, published, implementation review`, { file: where, field: 'status' });
    const country = (await obs.ref()).countries.get(iso3);
    change = { target: 'assessment', name: country ? pick(country.names, 'en') : iso3, status, date, source };
  } else {
    const status = parseItemStatus(statusText);
    if (status === null) throw new InputError(`"${statusText}" is not one of not started, under implementation, completed, dropped`, { file: where, field: 'status' });
    const rec = (await obs.store.etreadyMatrix()).recommendations.find((r) => r.iso3 === iso3 && r.id === target.id);
    if (!rec) throw new NotFoundError(`no recommendation ${target.id} in the action matrix of ${iso3}`);
    if (rec.history.some((c) => startOf(c.date) === startOf(date))) {
      throw new InputError(`recommendation ${target.id} already has a status on ${date}: give the change its own date`, { file: where, field: 'date' });
    }
    change = { target: 'recommendation', id: target.id, status, date, source };
  }
  return { kind: 'etready', change };
}
