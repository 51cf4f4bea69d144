import type { Checkpoint, Strategy } from '../../domain/strategies/checkpoints.ts';
import type { SqlClient, Transaction } from './sql.ts';

/** The strategies and checkpoints of the current vintages. */
export interface StoredStrategies {
  strategies: Strategy[];
  checkpoints: Checkpoint[];
  vintageIds: number[];
}

/** The strategies and their published checkpoints a vintage gives (tables strategy and strategy_checkpoint, migration 12). */
export async function writeStrategies(tx: Transaction, strategies: readonly Strategy[], checkpoints: readonly Checkpoint[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'strategy',
    ['vintage_id', 'id', 'name', 'scope', 'coverage', 'period'],
    ['integer', 'text', 'text', 'text', 'text', 'text'],
    strategies.map((s) => [vintageId, s.id, s.name, s.scope, s.coverage, s.period]),
  );
  await tx.bulkInsert(
    'strategy_checkpoint',
    ['vintage_id', 'strategy_id', 'checkpoint_date', 'under_implementation', 'completed', 'measures', 'quotes', 'sources'],
    ['integer', 'text', 'text', 'double', 'double', 'integer', 'text', 'text'],
    checkpoints.map((c) => [vintageId, c.strategyId, c.date, c.underImplementation, c.completed, c.measures, JSON.stringify(c.quotes), JSON.stringify(c.sources)]),
  );
}

const CURRENT = `vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)`;

/** The strategies of the current vintage of each dataset (the latest vintage's declaration of each), with their checkpoints by date. */
export async function readStrategies(db: SqlClient): Promise<StoredStrategies> {
  const s = await db.query<{ vintage_id: number; id: string; name: string; scope: string; coverage: string; period: string | null }>(
    `SELECT vintage_id, id, name, scope, coverage, period FROM strategy WHERE ${CURRENT} ORDER BY id, vintage_id DESC`,
  );
  const c = await db.query<{ vintage_id: number; strategy_id: string; checkpoint_date: string; under_implementation: number | null; completed: number | null; measures: number | null; quotes: string; sources: string }>(
    `SELECT vintage_id, strategy_id, checkpoint_date, under_implementation, completed, measures, quotes, sources FROM strategy_checkpoint WHERE ${CURRENT} ORDER BY strategy_id, checkpoint_date, vintage_id`,
  );
  const strategies = new Map<string, Strategy>();
  for (const r of s) if (!strategies.has(r.id)) strategies.set(r.id, { id: r.id, name: r.name, scope: r.scope === 'national' ? 'national' : 'regional', coverage: r.coverage, period: r.period });
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    strategies: [...strategies.values()],
    checkpoints: c.map((r) => ({
      strategyId: r.strategy_id,
      date: r.checkpoint_date,
      underImplementation: num(r.under_implementation),
      completed: num(r.completed),
      measures: num(r.measures),
      quotes: JSON.parse(r.quotes) as string[],
      sources: JSON.parse(r.sources) as string[],
    })),
    vintageIds: [...new Set([...s.map((r) => Number(r.vintage_id)), ...c.map((r) => Number(r.vintage_id))])].sort((a, b) => a - b),
  };
}
