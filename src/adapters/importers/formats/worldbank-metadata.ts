import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fiscalYearOn } from '../../../domain/worldbank.ts';
import { collect } from '../../sources/batches.ts';
import { readWorldBankMetadata } from '../../sources/worldbank-metadata.ts';
import { defineFormat } from '../format.ts';
import { classificationOf, writeClassification } from '../groups.ts';
import { matchClassification, readClassification } from '../undated-classification.ts';
import { lastUpdatedOf } from './worldbank-wide.ts';

/** The companion data file of a World Bank "Metadata_Country_API_…" file, in the same folder. */
async function dataFileOf(path: string): Promise<string | null> {
  const m = /^Metadata_Country_(API_.+)$/i.exec(basename(path));
  if (!m?.[1]) return null;
  const candidate = join(dirname(path), m[1]);
  try {
    await stat(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/** The World Bank's `Metadata_Country_*.csv`: region and income group, dated by its companion data file. */
export const worldBankMetadata = defineFormat({
  id: 'worldbank-metadata',
  source: {
    source: 'World Bank, country classification by income and region',
    licence: 'CC-BY-4.0',
    url: 'https://datahelpdesk.worldbank.org/knowledgebase/articles/906519',
  },
  order: 3,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('country code,region,incomegroup') },
  prepare: async ({ store, path, file, options, source, chunks }) => {
    const dataFile = await dataFileOf(path);
    const publishedAt = dataFile ? await lastUpdatedOf(dataFile) : null;
    const fiscalYear = options.fiscalYear ?? (publishedAt ? fiscalYearOn(publishedAt) : null);
    if (fiscalYear === null) {
      // Undated: the stored history may still tell which fiscal year it is; it then holds that year already.
      const match = await matchClassification(store, await readClassification(path, file), file);
      return {
        skip:
          match.fiscalYear !== null
            ? `no "Last Updated Date" in its companion data file, but ${match.text}: that year is held already, nothing to add`
            : `the fiscal year of this classification is unknown (its companion data file gives no "Last Updated Date", and ${match.text}); import it with --fiscal-year`,
      };
    }
    return {
      publishedAt,
      note: `classification for fiscal year ${fiscalYear}`,
      write: async (writer) => {
        const { records } = await collect(readWorldBankMetadata(chunks(), file));
        await writeClassification(store, writer, classificationOf(records), fiscalYear, source.source);
      },
    };
  },
});
