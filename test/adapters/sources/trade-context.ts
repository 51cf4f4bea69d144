import type { TradeContext } from '../../../src/adapters/sources/trade/records.ts';

const M49: Record<string, string> = { '156': 'CHN', '250': 'FRA', '356': 'IND', '404': 'KEN', '524': 'NPL', '800': 'UGA', '834': 'TZA', '840': 'USA' };
const NAMES: Record<string, string> = { kenya: 'KEN', nepal: 'NPL', china: 'CHN', india: 'IND', uganda: 'UGA' };

/** The M49 codes the hand-built context knows. */
export const CONTEXT_M49 = Object.keys(M49);

/** A trade context built by hand: a few M49 codes and names, the EAC with three members. */
export const context: TradeContext = {
  iso3OfM49: (code) => M49[code] ?? null,
  iso3OfName: (name) => NAMES[name.trim().toLowerCase()] ?? null,
  usdRate: () => null,
  members: (group) => (group === 'EAC' ? ['KEN', 'TZA', 'UGA'] : []),
};
