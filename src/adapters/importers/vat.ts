import { InputError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/group.ts';
import { readTrackerStatus } from '../sources/cyberlaw-tracker.ts';
import type { Chunks } from '../sources/csv.ts';
import { readVatRegistry, trackerVatEntries, type TrackerEdition } from '../sources/vat.ts';
import type { ImportWriter, Store } from '../storage/store.ts';

async function iso3ByM49(store: Store): Promise<Map<string, string>> {
  return new Map((await store.countries()).filter((c) => c.m49).map((c) => [c.m49 as string, c.iso3]));
}

/**
 * Writes the Indirect Taxation column of a tracker status file as VAT/GST registry entries, in the vintage
 * the tracker's other columns are written to. Economies of unknown M49 codes are left out (the cyberlaw
 * import of the same file reports them); returns how many were.
 */
export async function writeTrackerVat(store: Store, writer: ImportWriter, file: string, chunks: Chunks, edition: TrackerEdition): Promise<number> {
  const rows = await readTrackerStatus(chunks, file);
  const { entries, unknown } = trackerVatEntries(rows, await iso3ByM49(store), edition);
  await writer.addVatEntries(entries);
  return unknown.length;
}

/**
 * Writes a secretariat's VAT/GST registry file. A country code the Observatory does not know is an error
 * naming its line: in a registry compiled by hand it is a typing error, not a country to leave out.
 */
export async function writeVatRegistry(store: Store, writer: ImportWriter, file: string, chunks: Chunks, options: { asOf: IsoDate }): Promise<void> {
  const rows = await readVatRegistry(chunks, file, options);
  const known = new Set((await store.countries()).map((c) => c.iso3));
  for (const r of rows) {
    if (!known.has(r.entry.iso3)) {
      throw new InputError(`${r.entry.iso3} is not a country the Observatory knows (import the UNSD M49 table first, or correct the code)`, {
        file,
        line: r.line,
        field: 'iso3',
      });
    }
  }
  await writer.addVatEntries(rows.map((r) => r.entry));
}
