import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FiscalYearMatch } from '../../domain/wb-classification.ts';
import { collect } from '../sources/batches.ts';
import { fileChunks } from '../sources/csv.ts';
import { readWorldBankMetadata } from '../sources/worldbank-metadata.ts';
import type { ReadStore } from '../storage/store.ts';
import { classificationOf, type Classification } from './groups.ts';
import { fiscalYearFromHistory } from './wb-classification.ts';

/**
 * A World Bank file whose preamble lost its "Last Updated Date" does not say which fiscal year's classification
 * its aggregates (regions, income groups) use. Its country metadata does: the regions and income groups it gives
 * are compared with every fiscal year stored (`matchFiscalYears`), and the one year that agrees on every economy
 * identifies it. No match, or several, leave it undated.
 */
export interface ClassificationMatch {
  fiscalYear: number | null;
  matches: FiscalYearMatch[];
  /** What was found, for the import's warning or skip reason. */
  text: string;
}

/** The metadata file beside a World Bank data file ("Metadata_Country_<name>"), or null. */
export async function metadataFileOf(dataPath: string): Promise<string | null> {
  const candidate = join(dirname(dataPath), `Metadata_Country_${basename(dataPath)}`);
  return (await stat(candidate).catch(() => null)) ? candidate : null;
}

/** The regions and income groups a World Bank metadata file gives its economies. */
export async function readClassification(path: string, file: string): Promise<Classification[]> {
  const { records } = await collect(readWorldBankMetadata(fileChunks(path), file));
  return classificationOf(records);
}

/**
 * Identifies the fiscal year of an undated classification against the stored history.
 * @example (await matchClassification(store, rows, 'Metadata_Country_API_IT.NET.USER.ZS….csv')).fiscalYear // 2026
 */
export async function matchClassification(store: ReadStore, rows: readonly Classification[], file: string): Promise<ClassificationMatch> {
  const { fiscalYear, matches } = await fiscalYearFromHistory(store, rows);
  const share = (m: FiscalYearMatch) => `FY${m.fiscalYear}: ${m.agreeing} of ${m.compared} agree`;
  if (fiscalYear !== null) {
    const m = matches.find((x) => x.fiscalYear === fiscalYear) as FiscalYearMatch;
    return { fiscalYear, matches, text: `the regions and income groups of ${file} are those of FY${fiscalYear} (${m.agreeing} of ${m.compared} agree; no other fiscal year agrees on as many)` };
  }
  if (matches.length === 0) return { fiscalYear, matches, text: 'no World Bank classification by fiscal year is stored to compare it with' };
  const exact = matches.filter((m) => m.agreeing === m.compared);
  const most = Math.max(0, ...exact.map((m) => m.compared));
  const tied = exact.filter((m) => m.compared === most);
  const found =
    tied.length > 1
      ? `${tied.length} fiscal years agree with ${file} on every economy (${tied.map((m) => `FY${m.fiscalYear}`).join(', ')})`
      : `no fiscal year agrees with ${file} on every economy (closest ${matches.slice(0, 2).map(share).join('; ')})`;
  return { fiscalYear, matches, text: found };
}
