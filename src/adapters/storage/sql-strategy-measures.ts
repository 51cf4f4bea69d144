import { parseMeasureKey, type Measure, type MeasureRecord } from '../../domain/strategies/measures.ts';
import { ConflictError } from '../../domain/errors.ts';
import { startOf } from '../../domain/etready/status.ts';
import type { ItemStatus, PolicyArea, StatusChange } from '../../domain/tracking.ts';
import type { Priority } from '../../domain/strategies/measures.ts';
import type { SqlClient, Transaction } from './sql.ts';

/** The measures of the current vintages (the latest vintage of each measure), and the vintages they come from. */
export interface StoredMeasures {
  measures: (Measure & { vintageId: number })[];
  vintageIds: number[];
}

/** A vintage's measures and their dated statuses (tables strategy_measure and strategy_measure_status, migration 13). */
export async function writeStrategyMeasures(tx: Transaction, measures: readonly Measure[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'strategy_measure',
    ['vintage_id', 'strategy_id', 'measure_id', 'area', 'text', 'priority', 'lead_agency', 'partners', 'donors', 'budget', 'currency', 'funding_committed', 'indicator', 'baseline', 'target', 'countries'],
    ['integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'double', 'text', 'double', 'text', 'text', 'text', 'text'],
    measures.map((m) => [vintageId, m.strategyId, m.id, m.area, m.text, m.priority, m.leadAgency, m.partners, m.donors, m.budget, m.currency, m.fundingCommitted, m.indicator, m.baseline, m.target, m.countries.join(';')]),
  );
  await tx.bulkInsert(
    'strategy_measure_status',
    ['vintage_id', 'strategy_id', 'measure_id', 'status', 'status_date', 'source'],
    ['integer', 'text', 'text', 'text', 'text', 'text'],
    measures.flatMap((m) => m.history.map((c) => [vintageId, m.strategyId, m.id, c.status, c.date, c.source])),
  );
}

const CURRENT = `vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)`;

interface MeasureRow {
  vintage_id: number;
  strategy_id: string;
  measure_id: string;
  area: string;
  text: string;
  priority: string | null;
  lead_agency: string | null;
  partners: string | null;
  donors: string | null;
  budget: number | null;
  currency: string | null;
  funding_committed: number | null;
  indicator: string | null;
  baseline: string | null;
  target: string | null;
  countries: string;
}

/** The measures of the current vintages: where two files give the same measure of a strategy, the later vintage's. */
export async function readStrategyMeasures(db: SqlClient): Promise<StoredMeasures> {
  const rows = await db.query<MeasureRow>(`SELECT * FROM strategy_measure WHERE ${CURRENT} ORDER BY strategy_id, measure_id, vintage_id DESC`);
  const changes = await db.query<{ vintage_id: number; strategy_id: string; measure_id: string; status: string; status_date: string; source: string | null }>(
    `SELECT vintage_id, strategy_id, measure_id, status, status_date, source FROM strategy_measure_status WHERE ${CURRENT} ORDER BY status_date`,
  );
  const latest = new Map<string, Measure & { vintageId: number }>();
  const num = (x: number | null) => (x === null ? null : Number(x));
  for (const r of rows) {
    const key = `${r.strategy_id}|${r.measure_id}`;
    if (latest.has(key)) continue;
    latest.set(key, {
      id: r.measure_id,
      strategyId: r.strategy_id,
      area: r.area as PolicyArea,
      text: r.text,
      priority: r.priority as Priority | null,
      leadAgency: r.lead_agency,
      partners: r.partners,
      donors: r.donors,
      budget: num(r.budget),
      currency: r.currency,
      fundingCommitted: num(r.funding_committed),
      indicator: r.indicator,
      baseline: r.baseline,
      target: r.target,
      countries: r.countries ? r.countries.split(';') : [],
      history: [],
      vintageId: Number(r.vintage_id),
    });
  }
  for (const c of changes) {
    const m = latest.get(`${c.strategy_id}|${c.measure_id}`);
    if (m && m.vintageId === Number(c.vintage_id)) (m.history as { status: ItemStatus; date: string; source: string | null }[]).push({ status: c.status as ItemStatus, date: c.status_date, source: c.source });
  }
  const measures = [...latest.values()].sort((a, b) => a.strategyId.localeCompare(b.strategyId) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { measures, vintageIds: [...new Set(measures.map((m) => m.vintageId))].sort((a, b) => a - b) };
}

/** The measure a registry key names, with its current vintage and history, read by the connection or transaction given; null when none is stored. */
export async function currentMeasure(client: SqlClient, strategyId: string, measureId: string): Promise<{ vintageId: number; record: MeasureRecord } | null> {
  const m = await client.query<{ vintage_id: number }>(
    `SELECT vintage_id FROM strategy_measure WHERE ${CURRENT} AND strategy_id = $1 AND measure_id = $2 ORDER BY vintage_id DESC LIMIT 1`,
    [strategyId, measureId],
  );
  if (!m[0]) return null;
  const vintageId = Number(m[0].vintage_id);
  const history = await client.query<{ status: string; status_date: string; source: string | null }>(
    `SELECT status, status_date, source FROM strategy_measure_status WHERE vintage_id = $1 AND strategy_id = $2 AND measure_id = $3 ORDER BY status_date`,
    [vintageId, strategyId, measureId],
  );
  return { vintageId, record: { strategyId, measureId, history: history.map((h) => ({ status: h.status, date: h.status_date, source: h.source })) } };
}

/** An accepted proposal's status change, appended to the measure's history in the review's transaction. */
export async function appendMeasureChange(tx: Transaction, key: string, change: StatusChange, proposalId: number): Promise<MeasureRecord> {
  const k = parseMeasureKey(key);
  const now = k ? await currentMeasure(tx, k.strategyId, k.measureId) : null;
  if (!k || !now) throw new ConflictError(`the measure ${key} is no longer recorded`);
  if (now.record.history.some((h) => startOf(h.date) === startOf(change.date))) throw new ConflictError(`measure ${key} has a status on ${change.date} already`);
  await tx.run(
    `INSERT INTO strategy_measure_status (vintage_id, strategy_id, measure_id, status, status_date, source, proposal_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [now.vintageId, k.strategyId, k.measureId, change.status, change.date, change.source, proposalId],
  );
  return { ...now.record, history: [...now.record.history, { status: change.status, date: change.date, source: change.source }].sort((a, b) => startOf(a.date).localeCompare(startOf(b.date))) };
}
