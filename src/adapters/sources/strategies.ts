import { InputError } from '../../domain/errors.ts';
import { afterToday, leadingDate, measuresOf, shareKind, strategyNamed, type Checkpoint, type Strategy } from '../../domain/strategies/checkpoints.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';

/** Whether a header is a list of quoted statements on strategies' progress. */
export function isStrategyStatementsHeader(first: string): boolean {
  const names = first.split(',').map((n) => n.trim());
  return names[0] === 'statement_id' && ['strategy', 'date_of_statement', 'metric', 'value', 'quote_excerpt'].every((n) => names.includes(n));
}

const TABLE = columns({
  id: { header: 'statement_id', required: true },
  strategy: { header: 'strategy', required: true },
  date: { header: 'date_of_statement', required: true },
  metric: { header: 'metric', required: true },
  value: { header: 'value', required: true },
  unit: { header: 'unit' },
  source: { header: 'source_url', required: true },
  quote: { header: 'quote_excerpt', required: true },
});

export interface StrategyStatements {
  strategies: Strategy[];
  checkpoints: Checkpoint[];
  /** Statements read (every line), of which those giving a share. */
  statements: number;
}

/**
 * Reads quoted statements on strategies: every line names a known strategy; a line giving a share of
 * measures (metric share_…) needs a date (YYYY-MM or YYYY-MM-DD first in its cell) not after `today`
 * and a value from 0 to 100. The shares of one strategy on one date make one checkpoint; a second
 * figure for the same share and date must agree with the first. Errors name the file, line and field.
 */
export async function readStrategyStatements(input: Chunks, file: string, today: string): Promise<StrategyStatements> {
  const strategies = new Map<string, Strategy>();
  const checkpoints = new Map<string, Checkpoint>();
  let statements = 0;
  for await (const rows of readTable(input, file, TABLE)) {
    for (const r of rows) {
      statements++;
      const strategy = strategyNamed(r.get('strategy'));
      if (!strategy) throw new InputError(`strategy not recognised: "${r.get('strategy')}"`, r.at('strategy'));
      strategies.set(strategy.id, strategy);
      const kind = shareKind(r.get('metric'));
      if (!kind) continue;
      const date = leadingDate(r.get('date'));
      if (date === null) throw new InputError(`no date (YYYY-MM or YYYY-MM-DD) at the start of "${r.get('date')}"`, r.at('date'));
      if (afterToday(date, today)) throw new InputError(`the date ${date} is after today (${today})`, r.at('date'));
      const text = r.get('value').trim();
      const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (!(value >= 0 && value <= 100)) throw new InputError(`a share must be a number from 0 to 100, not "${text}"`, r.at('value'));
      const quote = r.get('quote').trim();
      if (quote === '') throw new InputError('a figure needs its quote', r.at('quote'));
      const source = r.get('source').trim();
      if (source === '') throw new InputError('a figure needs its source', r.at('source'));
      const key = `${strategy.id}|${date}`;
      const c = checkpoints.get(key) ?? { strategyId: strategy.id, date, underImplementation: null, completed: null, measures: null, quotes: [], sources: [] };
      const before = c[kind];
      if (before !== null && before !== value) throw new InputError(`${before}% already given for ${strategy.id} on ${date}; ${value}% disagrees`, r.at('value'));
      c[kind] = value;
      c.measures ??= measuresOf(r.get('unit'));
      c.quotes.push(quote);
      if (!c.sources.includes(source)) c.sources.push(source);
      checkpoints.set(key, c);
    }
  }
  return {
    strategies: [...strategies.values()].sort((a, b) => a.id.localeCompare(b.id)),
    checkpoints: [...checkpoints.values()].sort((a, b) => a.strategyId.localeCompare(b.strategyId) || a.date.localeCompare(b.date)),
    statements,
  };
}
