import { basename } from 'node:path';
import { US_PROGRAMMES } from '../../../domain/moratorium/schemes.ts';
import { readUsHts } from '../../sources/trade/us-hts.ts';
import { defineFormat } from '../format.ts';
import { writeTradeBatches } from '../trade.ts';

/** The year of the US schedule read (HTS 2026 Revision 20). */
const HTS_YEAR = 2026;

/** The Harmonized Tariff Schedule of the United States: Column 1 General and the Special column's programmes. */
export const usHts = defineFormat({
  id: 'us-hts',
  source: {
    source: 'US International Trade Commission, Harmonized Tariff Schedule of the United States, via checkdutyrates/us-tariff-data',
    licence: 'Public domain (US government work); compilation CC0',
    url: 'https://hts.usitc.gov/',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('hts_code,hs6,description_short,general_rate_mfn,special_rate') },
  prepare: async ({ path, file, chunks }) => {
    const fta = [...new Set([...US_PROGRAMMES].filter(([, p]) => p.members.length > 0).map(([code, p]) => `${code} ${p.scheme}`))];
    return {
      note:
        `US Harmonized Tariff Schedule, tariff year ${HTS_YEAR}, HS 2022 national lines. Column 1 General as the MFN rate ("Free" is 0 %; ` +
        'specific and compound duties have no ad valorem rate). Each programme of the Special column is a preference scheme; members only ' +
        `where certain, from the year the agreement entered into force (${fta.join(', ')}). GSP (A, A*, A+) lapsed on 31 December 2020 and ` +
        'AGOA (D) and CBERA (E) beneficiaries are not recorded: their rates are kept, entitled to no partner. Column 2 (Cuba, North Korea, ' +
        'Russia, Belarus) is not imported: it applies to few partners, whose names the estimator would need separately.',
      write: async (writer, warnings) => {
        const summary = await writeTradeBatches(readUsHts(chunks(), file, { year: HTS_YEAR }), writer);
        if (summary.unknownProgrammes.length > 0) {
          warnings.push(`${basename(path)}: programme codes not known, their rates stored with no members: ${summary.unknownProgrammes.join(', ')}`);
        }
      },
    };
  },
});
