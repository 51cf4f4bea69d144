import type { Checkpoint, Strategy } from '../../domain/strategies/checkpoints.ts';
import type { Observatory } from './observatory.ts';

/** A strategy with its published checkpoints, oldest first. */
export interface StrategyProgress extends Strategy {
  checkpoints: Checkpoint[];
}

export interface StrategiesOverview {
  strategies: StrategyProgress[];
  /** The vintages the strategies come from. */
  vintageIds: number[];
}

/** Every strategy imported with the progress figures published for it, as published (nothing derived). */
export async function strategiesOverview(obs: Observatory): Promise<StrategiesOverview> {
  const stored = await obs.store.strategies();
  return {
    strategies: stored.strategies.map((s) => ({ ...s, checkpoints: stored.checkpoints.filter((c) => c.strategyId === s.id).sort((a, b) => a.date.localeCompare(b.date)) })),
    vintageIds: stored.vintageIds,
  };
}
