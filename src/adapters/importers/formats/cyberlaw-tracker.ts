import { basename } from 'node:path';
import { TRACKER_LINKS_FILE, trackerLinksBeside, writeCyberlawTracker } from '../cyberlaw.ts';
import { editionDate } from '../edition-date.ts';
import { defineFormat } from '../format.ts';
import { writeTrackerVat } from '../vat.ts';

/** The UNCTAD Global Cyberlaw Tracker's status file, with its document links beside it. */
export const cyberlawTracker = defineFormat({
  id: 'cyberlaw-tracker-status',
  source: {
    source: 'UNCTAD Global Cyberlaw Tracker',
    licence: 'Not stated; data © UNCTAD, cite "UNCTAD Global Cyberlaw Tracker"',
    url: 'https://unctad.org/page/global-cyberlaw-tracker',
  },
  // Statuses are written against the countries' M49 codes, so they come after the country files.
  order: 5,
  recognise: {
    extension: 'csv',
    header: (h) => h.first.startsWith('code,country,electronic transactions,'),
    isCompanion: (path) => basename(path) === TRACKER_LINKS_FILE,
  },
  // The tracker's laws come from the document-links file beside it: a new links file is a new edition too.
  companion: (path) => trackerLinksBeside(path),
  prepare: async ({ store, path, file, options, source, companion, chunks }) => {
    const asOf = await editionDate(path, options.asOf);
    const edition = { asOf: asOf.date, source: `${source.source} (edition as of ${asOf.date})` };
    return {
      note: `statuses as of ${asOf.date} (${asOf.why})${companion ? '; laws from ' + basename(companion) : '; no document links beside the file'}`,
      write: async (writer, warnings) => {
        await writeCyberlawTracker(store, writer, path, file, chunks(), edition, warnings);
        // The Indirect Taxation column also feeds the VAT/GST registry, in the same vintage.
        await writeTrackerVat(store, writer, file, chunks(), { ...edition, sourceUrl: source.url });
      },
    };
  },
});
