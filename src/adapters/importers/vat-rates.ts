import { basename } from 'node:path';
import { readVatRates, type VatRateLayout } from '../sources/vat-rates.ts';
import type { Chunks } from '../sources/csv.ts';
import type { ImportWriter, Store } from '../storage/store.ts';

/**
 * Writes one standard VAT/GST rate table. Territories the Observatory does not know (Ascension, Guernsey…,
 * which some tables list) are left out and named in the warnings.
 */
export async function writeVatRates(store: Store, writer: ImportWriter, file: string, chunks: Chunks, layout: VatRateLayout, warnings: string[]): Promise<void> {
  const rows = await readVatRates(chunks, file, layout);
  const known = new Set((await store.countries()).map((c) => c.iso3));
  const unknown = rows.filter((r) => !known.has(r.rate.iso3)).map((r) => r.rate.iso3);
  if (unknown.length) warnings.push(`${basename(file)}: ${unknown.length} territories the Observatory does not know were left out: ${unknown.join(', ')}`);
  await writer.addVatRates(rows.filter((r) => known.has(r.rate.iso3)).map((r) => r.rate));
}
