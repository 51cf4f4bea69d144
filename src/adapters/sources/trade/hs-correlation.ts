import { InputError } from '../../../domain/errors.ts';
import { isHsEdition, type HsEdition, type HsRelationship } from '../../../domain/moratorium/hs.ts';
import type { BatchOptions } from '../batches.ts';
import { readCsvBatches, type Chunks } from '../csv.ts';
import { cell, noHeader, RowOnce } from '../fields.ts';
import { hs6Cell, TradeBatcher } from './cells.ts';
import type { TradeBatch } from './records.ts';

export interface HsCorrelationSummary {
  rows: number;
  links: number;
  from: HsEdition;
  to: HsEdition;
}

const RELATIONSHIPS: ReadonlySet<string> = new Set<HsRelationship>(['1:1', '1:n', 'n:1', 'n:n']);

/** The edition a correlation table's column header names ("hs2022", "HS 2017"), or null. */
export function editionOfColumn(name: string): HsEdition | null {
  const m = /^hs\s*(\d{4})$/i.exec(name.trim());
  const edition = m?.[1] ? `HS${m[1]}` : '';
  return isHsEdition(edition) ? edition : null;
}

/**
 * Reads a UNSD HS correlation table (`hs2022,hs2017,relationship`): one link per row, from the edition
 * of the first column to that of the second, with UNSD's relationship (1:1, 1:n, n:1, n:n).
 * @example await forEachTradeBatch(readHsCorrelation(chunks, 'HS2022_HS2017_correlation.csv'), write)
 */
export async function* readHsCorrelation(input: Chunks, file: string, options: BatchOptions = {}): AsyncGenerator<TradeBatch, HsCorrelationSummary> {
  const batches = new TradeBatcher(options);
  let editions: { from: HsEdition; to: HsEdition; fromName: string; toName: string } | null = null;
  let rowCount = 0;
  const once = new RowOnce(file);
  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (editions === null) {
        const [a = '', b = '', r = ''] = fields.map((f) => f.trim());
        const from = editionOfColumn(a);
        const to = editionOfColumn(b);
        if (from === null) throw new InputError(`the first column must name an HS edition ("hs2022"), found ${JSON.stringify(a)}`, { file, line, field: a });
        if (to === null || to === from) {
          throw new InputError(`the second column must name another HS edition ("hs2017"), found ${JSON.stringify(b)}`, { file, line, field: b });
        }
        if (r.toLowerCase() !== 'relationship') throw new InputError('missing column "relationship"', { file, line, field: 'relationship' });
        editions = { from, to, fromName: a, toName: b };
        continue;
      }
      rowCount++;
      const fromCode = hs6Cell(cell(fields, 0), { file, line, field: editions.fromName });
      const toCode = hs6Cell(cell(fields, 1), { file, line, field: editions.toName });
      const relationship = cell(fields, 2);
      if (!RELATIONSHIPS.has(relationship)) {
        throw new InputError(`not a relationship (1:1, 1:n, n:1, n:n): ${JSON.stringify(relationship)}`, { file, line, field: 'relationship' });
      }
      once.check(`${fromCode}|${toCode}`, line, editions.fromName, `the link ${fromCode} → ${toCode}`);
      const full = batches.push('links', { from: editions.from, fromCode, to: editions.to, toCode, relationship: relationship as HsRelationship });
      if (full) yield full;
    }
  }
  if (editions === null) noHeader(file, 'hs2022');
  const rest = batches.rest();
  if (rest) yield rest;
  return { rows: rowCount, links: batches.counts.links, from: editions.from, to: editions.to };
}
