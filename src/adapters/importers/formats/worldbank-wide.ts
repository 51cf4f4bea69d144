import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { classificationNote } from '../../../domain/wb-classification.ts';
import { forEachBatch } from '../../sources/batches.ts';
import { readWorldBankWide } from '../../sources/worldbank-wide.ts';
import { defineFormat } from '../format.ts';
import { knownCountries, observationSink } from '../observations.ts';
import { matchClassification, metadataFileOf, readClassification } from '../undated-classification.ts';

/** The "Last Updated Date" in the preamble of a World Bank bulk file, if it kept one. */
export async function lastUpdatedOf(path: string): Promise<string | null> {
  let text = '';
  for await (const chunk of createReadStream(path, { start: 0, end: 2047, encoding: 'utf8' })) text += chunk as string;
  const m = /"?Last Updated Date"?\s*,\s*"?(\d{4}-\d{2}-\d{2})/.exec(text);
  return m?.[1] ?? null;
}

/** The World Bank's bulk download in wide form: one row per economy and indicator, one column per year. */
export const worldBankWide = defineFormat({
  id: 'worldbank-wide',
  source: { source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0', url: 'https://data.worldbank.org/' },
  order: 4,
  recognise: {
    extension: 'csv',
    header: (h) => h.lines.some((l) => l.startsWith('country name,country code,indicator name,indicator code,')) || h.first.startsWith('data source,'),
  },
  prepare: async ({ store, path, file, chunks }) => {
    const publishedAt = await lastUpdatedOf(path);
    const known = await knownCountries(store);
    // Without a date, the classification of the file's World Bank aggregates is read from its country metadata.
    let note: string | null = null;
    let undated: string | null = null;
    if (publishedAt === null) {
      const metadata = await metadataFileOf(path);
      const match = metadata ? await matchClassification(store, await readClassification(metadata, basename(metadata)), basename(metadata)) : null;
      if (match?.fiscalYear != null) {
        note = classificationNote(match.fiscalYear, 'identified from its country metadata');
        undated = `${basename(path)}: no "Last Updated Date": its World Bank aggregates are taken to use the FY${match.fiscalYear} classification, since ${match.text}`;
      } else {
        undated = `${basename(path)}: no "Last Updated Date": the classification of its World Bank aggregates is unknown (${match ? match.text : 'no Metadata_Country file beside it'}), so they are not compared with group values`;
      }
    }
    return {
      publishedAt,
      note,
      write: async (writer, warnings) => {
        if (undated) warnings.push(undated);
        const sink = observationSink(writer, file, known);
        const summary = await forEachBatch(readWorldBankWide(chunks(), file), (b) => sink.add(b));
        await sink.finish(summary.indicators);
      },
    };
  },
});
