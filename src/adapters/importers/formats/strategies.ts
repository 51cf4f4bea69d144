import { isStrategyStatementsHeader, readStrategyStatements } from '../../sources/strategies.ts';
import { defineFormat, today } from '../format.ts';

/**
 * Quoted statements on national and regional e-commerce strategies (the Pacific Regional E-commerce
 * Strategy, the ECOWAS strategy): one figure per line with its date, quote and source. The shares of the
 * measures under implementation or completed become the strategies' published checkpoints; the other
 * statements (structure, adoption, governance) only name the strategy. A share outside 0-100 or a date
 * after today is refused with the file, line and field.
 */
export const strategyStatements = defineFormat({
  id: 'strategy-statements',
  source: {
    source: 'Pacific Islands Forum Secretariat, pacificecommerce.org, etradeforall.org, the ECOWAS Commission and press pages: quoted progress statements',
    licence: 'Short factual quotes with attribution; the pages are (c) their publishers',
    url: 'https://pacificecommerce.org/',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => isStrategyStatementsHeader(h.first) },
  prepare: async ({ file, chunks }) => {
    const s = await readStrategyStatements(chunks(), file, today());
    return {
      note: `${s.statements} statements: ${s.strategies.length} strategies, ${s.checkpoints.length} published checkpoints`,
      write: async (writer) => {
        await writer.addStrategies(s.strategies, s.checkpoints);
      },
    };
  },
});
