import { startOf } from '../../../domain/etready/status.ts';
import { parseMeasureKey, type MeasureRecord } from '../../../domain/strategies/measures.ts';
import type { StatusChange } from '../../../domain/tracking.ts';
import type { PageContext } from './context.ts';

/** A measure's history as a curator reviews it (before or after a proposed change). */
export function MeasureHistoryView(props: { ctx: PageContext; record: MeasureRecord | null }) {
  const e = props.ctx.t.strategies;
  if (!props.record) return <p>–</p>;
  return (
    <ul>
      {props.record.history.map((h) => (
        <li>
          {h.date}: {e.statuses[h.status] ?? h.status}
          {h.source ? ` (${h.source})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The history once the proposed change is appended. */
export function afterChange(record: MeasureRecord | null, key: string, change: StatusChange): MeasureRecord {
  const k = parseMeasureKey(key) ?? { strategyId: key, measureId: '' };
  const history = [...(record?.history ?? []), { status: change.status, date: change.date, source: change.source }];
  return { strategyId: k.strategyId, measureId: k.measureId, history: history.sort((a, b) => startOf(a.date).localeCompare(startOf(b.date))) };
}
