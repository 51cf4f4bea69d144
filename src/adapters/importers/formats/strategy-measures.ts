import { readFile } from 'node:fs/promises';
import { membersAt } from '../../../domain/group.ts';
import { KNOWN_STRATEGIES, type Strategy } from '../../../domain/strategies/checkpoints.ts';
import { coverageCountries } from '../../../domain/strategies/measures.ts';
import { readCsv } from '../../sources/csv.ts';
import { isStrategyMeasuresHeader, readStrategyMeasures, type MeasuresContext } from '../../sources/strategy-measures.ts';
import { xlsxRows } from '../../sources/xlsx-rows.ts';
import type { Store } from '../../storage/store.ts';
import { defineFormat, today } from '../format.ts';

/** The strategies, countries and groups a measures file is checked against, read from the store. */
export async function measuresContext(store: Store, day: string): Promise<MeasuresContext> {
  const countries = new Set((await store.countries()).map((c) => c.iso3));
  const groups = new Map<string, string[]>();
  for (const g of await store.groups()) groups.set(g.id.toUpperCase(), membersAt(await store.memberships({ groupId: g.id }), day));
  const stored = await store.strategies();
  const strategies = new Map<string, { strategy: Strategy; countries: readonly string[] | null }>();
  const add = (s: Strategy) => strategies.set(s.id, { strategy: s, countries: coverageCountries(s.coverage, (id) => groups.get(id) ?? null, countries) });
  for (const k of KNOWN_STRATEGIES) {
    const { prefix: _prefix, ...s } = k;
    add(s);
  }
  for (const s of stored.strategies) add(s);
  return { strategies, countries, groups, today: day };
}

/**
 * A filled-in strategy-measures template (docs: domain/strategies/template.ts), as CSV or as a workbook
 * (.xlsx, first sheet; given with `--format strategy-measures` or through `observatory strategies import`):
 * one row per status change of a measure, strategies declared on their first row. Every line is checked;
 * the first error names the file, line and field and nothing is stored.
 */
export const strategyMeasures = defineFormat({
  id: 'strategy-measures',
  source: {
    source: 'Strategy secretariats and national e-commerce committees: the strategy-measures template as filled in',
    licence: 'As stated by the secretariat that supplied the file',
    url: null,
  },
  order: 7,
  recognise: { extension: 'csv', header: (h) => isStrategyMeasuresHeader(h.first) },
  prepare: async ({ store, file, path, chunks }) => {
    const ctx = await measuresContext(store, today());
    const rows = /\.xlsx$/i.test(path) ? xlsxRows(new Uint8Array(await readFile(path)), file).map((fields, i) => ({ line: i + 1, fields })) : readCsv(chunks(), file);
    const read = await readStrategyMeasures(rows, file, ctx);
    return {
      note: `${read.changes} status changes of ${read.measures.length} measures; ${read.strategies.length} strategies declared`,
      write: async (writer) => {
        if (read.strategies.length) await writer.addStrategies(read.strategies, []);
        await writer.addStrategyMeasures(read.measures);
      },
    };
  },
});
