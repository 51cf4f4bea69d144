import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { MEASURE_HEADER } from '../../../src/domain/strategies/template.ts';

const PACIFIC = 'Pacific Regional E-commerce Strategy and Roadmap (PIFS)';

/** The Pacific strategy's published checkpoints: 43% under implementation on 2022-12-02; 61% and 23% on 2024-04-18. */
export const STATEMENTS = [
  'statement_id,strategy,date_of_statement,metric,value,unit,source_url,quote_excerpt',
  `P03,${PACIFIC},2022-12-02 (1st meeting),share_of_measures_under_implementation,43,percent of 54 measures,https://example.org/p3,"43% under implementation"`,
  `P04,${PACIFIC},2024-04-18 (2nd meeting),share_of_measures_under_implementation,61,percent of 54 measures,https://example.org/p4,"61% being actioned"`,
  `P05,${PACIFIC},2024-04-18,share_completed,23,percent,https://example.org/p4,"23% implemented"`,
];

/** A row of the template from named cells. */
export function row(cells: Record<string, string>): string {
  return MEASURE_HEADER.map((h) => {
    const v = cells[h] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

const fji = { strategy_id: 'fji-ecom', strategy_name: 'Fiji E-commerce Strategy', strategy_scope: 'national', strategy_countries: 'FJI', strategy_period: '2024-2028' };

/**
 * Measures of three strategies. fji-ecom (declared here, covers FJI): 1.1 payments USD 1000/400, under
 * implementation 2024-06-01, completed 2025-03-01; 1.2 legal USD 500/500, under implementation 2025-01-15;
 * 1.3 skills FJD 2000/0, dropped 2025-02-01; 1.4 skills, not started. ecowas (the group, NGA and CIV today):
 * E1 strategy for all, under implementation 2024-01; E2 ict-infrastructure for NGA only, XOF 100/50. pacific
 * (coverage unresolved): four measures, two under implementation and one completed on 2024-04-18.
 */
export const MEASURE_LINES = [
  MEASURE_HEADER.join(','),
  `# fji-ecom,an example row,national,FJI,,9.9,payments,Example,high,,,,,,,,,,,under implementation,2024-01-01,`,
  row({ ...fji, measure_id: '1.1', policy_area: 'Payment solutions', measure: 'National payment switch', priority: 'high', lead_agency: 'Reserve Bank', budget: '1,000', currency: 'usd', funding_committed: '400', status: 'not started', status_date: '2024-01-01', status_source: 'Strategy, annex' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.1', status: 'under implementation', status_date: '2024-06-01', status_source: 'Committee, 1st meeting' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.1', status: 'Completed', status_date: '2025-03-01', status_source: 'Committee, 2nd meeting' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.2', policy_area: 'legal', measure: 'E-transactions act', priority: 'medium', budget: '500', currency: 'USD', funding_committed: '500', status: 'not started', status_date: '2024-01-01' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.2', status: 'under_implementation', status_date: '2025-01-15', status_source: 'Committee, 2nd meeting' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.3', policy_area: 'skills', measure: 'Digital skills for SMEs', priority: 'low', budget: '2000', currency: 'FJD', funding_committed: '0', status: 'not started', status_date: '2024-01-01' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.3', status: 'dropped', status_date: '2025-02-01', status_source: 'Committee, 2nd meeting' }),
  row({ strategy_id: 'fji-ecom', measure_id: '1.4', policy_area: 'skills', measure: 'E-commerce curriculum', status: 'not started', status_date: '2024-01-01' }),
  '',
  row({ strategy_id: 'ecowas', measure_id: 'E1', policy_area: 'strategy', measure: 'National strategies aligned', status: 'under implementation', status_date: '2024-01', status_source: 'ECOWAS Commission report' }),
  row({ strategy_id: 'ecowas', measure_id: 'E2', policy_area: 'ict-infrastructure', measure: 'Backbone extension', budget: '100', currency: 'XOF', funding_committed: '50', measure_countries: 'NGA', status: 'not started', status_date: '2023-07-07' }),
  row({ strategy_id: 'pacific', measure_id: 'P1', policy_area: 'payments', measure: 'Pacific payments', status: 'under implementation', status_date: '2022-01-01' }),
  row({ strategy_id: 'pacific', measure_id: 'P1', status: 'completed', status_date: '2024-03-01' }),
  row({ strategy_id: 'pacific', measure_id: 'P2', policy_area: 'legal', measure: 'Pacific laws', status: 'under implementation', status_date: '2022-06-01' }),
  row({ strategy_id: 'pacific', measure_id: 'P3', policy_area: 'skills', measure: 'Pacific skills', status: 'not started', status_date: '2022-01-01' }),
  row({ strategy_id: 'pacific', measure_id: 'P3', status: 'under implementation', status_date: '2024-04-18' }),
  row({ strategy_id: 'pacific', measure_id: 'P4', policy_area: 'financing', measure: 'Pacific finance', status: 'not started', status_date: '2022-01-01' }),
];

/** Imports the statements and the measures (in that order: the Pacific strategy is known from both). */
export async function importStrategies(store: Store, folder: string): Promise<void> {
  writeFileSync(join(folder, 'statements.csv'), STATEMENTS.join('\n'));
  writeFileSync(join(folder, 'measures.csv'), MEASURE_LINES.join('\n'));
  await importFile(store, join(folder, 'statements.csv'));
  const r = await importFile(store, join(folder, 'measures.csv'));
  if (r.status !== 'imported' || r.format !== 'strategy-measures') throw new Error(`measures not imported: ${r.status} ${r.format} ${r.reason}`);
}
